"""Stack traces: from the return addresses a throw captured to "at Type.Method (...) [0x...]" lines.

`clrpy_raise` (native) stores the (return address, frame address) pairs of the frame-pointer chain
into the exception's `_stackTrace` field as an IntPtr[] — cheap, so throwing stays cheap (the frame
addresses let a `rethrow` keep the frames below the rethrowing method, as Mono does). Turning them into frames happens
only when someone looks (Exception.StackTrace, ToString, an unhandled exception):

* `CodeMap` knows where every compiled function lives ([start, end) -> method) and keeps the
  object file LLVM produced for it. Addresses outside managed code (runtime helpers, the prestub,
  Python) are not frames and are dropped.
* The IL offset of a frame comes from the object's DWARF line table, where the JIT records each
  call's IL offset + 1 as its "line" (jit/ir_builder.py, jit/object_file.py). A return address points
  just after its call, so the lookup uses the address minus one.

Lines are formatted as Mono prints them: `  at Ns.Type.Method (System.Int32 n) [0x0001c] in <mvid>:0 `,
or, with `--debug` and the module's debug symbols, `... [0x0001c] in /src/prog.cs:12 `
(metadata/debug_symbols.py; docs/debug-symbols.md).
"""
import bisect
import ctypes

from ..jit.object_file import ObjectFile, line_at
from ..metadata.schema import TableId as T
from ..typesys.object_layout import ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET
from .native_memory import read_u64


class CodeMap:
    def __init__(self):
        self._starts = []
        self._entries = []          # (start, end, method, module record)

    def add(self, method, linked):
        """Register every function of a linked module as code of `method`."""
        record = {"object": linked.object_code, "functions": None, "lines": None}
        for name, address in linked.addresses.items():
            size = linked.sizes.get(name, 0)
            if not address or not size:
                continue
            i = bisect.bisect(self._starts, address)
            self._starts.insert(i, address)
            self._entries.insert(i, (address, address + size, method, record, name))

    def lookup(self, address: int):
        """(method, IL offset or -1) of the code at `address`, or None."""
        i = bisect.bisect_right(self._starts, address) - 1
        if i < 0:
            return None
        start, end, method, record, name = self._entries[i]
        if not start <= address < end:
            return None
        if record["functions"] is None:
            obj = ObjectFile(record["object"])
            record["functions"] = obj.functions()
            record["lines"] = obj.line_table()
        func = record["functions"].get(name)
        il = -1
        if func is not None:
            line = line_at(record["lines"], func[0] + (address - start))
            il = line - 1 if line > 0 else -1
        return method, il


def trace_addresses(obj: int, field_offset: int):
    """The return addresses stored in an exception's `_stackTrace` IntPtr[] (empty if none); the
    array holds (return address, frame address) pairs, innermost first."""
    arr = read_u64(obj + field_offset)
    if not arr:
        return []
    n = read_u64(arr + ARRAY_LENGTH_OFFSET)
    return list((ctypes.c_uint64 * n).from_address(arr + ARRAY_DATA_OFFSET))[0::2]


def frames(engine, obj: int):
    """[(MethodDesc, IL offset)] of an exception's stack trace, innermost first."""
    out = []
    for address in trace_addresses(obj, engine.trace_field_offset):
        hit = engine.code_map.lookup(address - 1)
        if hit is not None:
            out.append(hit)
    return out


def format_frame(engine, md, il: int) -> str:
    """One line of a trace, as Mono writes it. Mono names a generic method by its definition, with
    the generic parameters' names (`Box`1[T].Convert[U] (T value, U fallback)`) whatever the
    instantiation, since its generic code is shared."""
    owner = md.owner.definition
    namer = _GenericNames(md)
    loader = owner.loader
    params = ", ".join(f"{namer.type_name(loader.from_sig(md.module, p))} {name}"
                       for p, name in zip(md.signature.params, parameter_names(md)))
    name = md.name
    if md.signature.generic_param_count:
        name += "[" + ",".join(namer.method_params) + "]"
    offset = f"[0x{il:05x}]" if il >= 0 else "[0x00000]"
    return f"  at {namer.type_name(owner)}.{name} ({params}) {offset} in {_location(engine, md, il)} "


class _GenericNames:
    """Type names with generic parameters named as their definitions name them (T, U...)."""

    def __init__(self, md):
        module = md.module
        self.type_params = self._names(module, md.owner.definition)
        self.method_params = [r.name for r in module.generic_params(md.token)] if module is not None else []

    @staticmethod
    def _names(module, th):
        names = {}
        t = th
        while t is not None and t.module is not None:       # nested types see their outer types' params
            for r in t.module.generic_params((T.TypeDef << 24) | t.rid):
                names.setdefault(r.number, r.name)
            t = t.enclosing.definition if t.enclosing is not None else None
        return names

    def type_name(self, th) -> str:
        from ..typesys.type_handle import TypeKind
        k = th.kind
        if k == TypeKind.GENERIC_PARAM:
            n = th.generic_param_number
            if th.generic_param_is_method:
                return self.method_params[n] if n < len(self.method_params) else f"!!{n}"
            return self.type_params.get(n, f"!{n}")
        if k == TypeKind.ARRAY:
            return self.type_name(th.element) + ("[]" if th.is_szarray else "[" + "," * (th.rank - 1) + "]")
        if k == TypeKind.POINTER:
            return self.type_name(th.element) + "*"
        if k == TypeKind.BYREF:
            return self.type_name(th.element) + "&"
        if th.enclosing is not None:
            base = self.type_name(th.enclosing.definition) + "+" + th.name
        else:
            base = f"{th.namespace}.{th.name}" if th.namespace else th.name
        args = th.generic_args
        if not args and th.generic_definition is None and th.module is not None:
            count = len(th.module.generic_params((T.TypeDef << 24) | th.rid))
            if count:       # an open definition: its own parameters
                own = self._names(th.module, th)
                return base + "[" + ",".join(own.get(i, f"!{i}") for i in range(count)) + "]"
        if args:
            base += "[" + ",".join(self.type_name(a) for a in args) + "]"
        return base


def parameter_names(md):
    if md.module is None:
        return [f"arg{i}" for i in range(len(md.param_types))]
    names = {}
    for rid in md.module.params_of(md.rid):
        row = md.module.tables[T.Param][rid]
        if row.sequence > 0:
            names[row.sequence] = row.name
    return [names.get(i + 1, f"arg{i}") for i in range(len(md.param_types))]


def _location(engine, md, il: int) -> str:
    """`file:line` from the module's debug symbols (with --debug, as Mono), else `<mvid>:0`."""
    module = md.module
    if engine.options.debug and module is not None and il >= 0:
        from ..metadata.debug_symbols import symbols_of       # read only when a trace needs them
        symbols = symbols_of(module)
        if symbols is not None:
            where = symbols.location(md.token, il)
            if where is not None:
                return f"{where[0]}:{where[1]}"
    mvid = None
    if module is not None and module.tables[T.Module].num_rows:
        mvid = module.tables[T.Module][1].mvid
    return f"<{mvid.hex}>:0" if mvid is not None else "<unknown>:0"


def format_trace(engine, obj: int) -> str:
    return "\n".join(format_frame(engine, md, il) for md, il in frames(engine, obj))


# Frames a stack-overflow report lists (innermost first), as Mono's report is about as long.
OVERFLOW_REPORT_FRAMES = 1000


def walk_frames(engine, frame: int, limit: int):
    """[(MethodDesc, IL offset)] of the managed callers above the frame at `frame`, walking the
    frame-pointer chain ([fp] = caller's fp, [fp + 8] = return address) up to the stack's top."""
    out = []
    top = read_u64(engine.stack_hi_cell)
    while frame and len(out) < limit and (not top or frame < top):
        ret = read_u64(frame + 8)
        hit = engine.code_map.lookup(ret - 1)
        if hit is not None:
            out.append(hit)
        caller = read_u64(frame)
        if caller <= frame:
            break
        frame = caller
    return out


def report_stack_overflow(engine, md, frame: int):
    """End the process as Mono does when managed code overflows its stack: the report on stderr,
    exit status 1. A stack overflow cannot be caught (as in CoreCLR); no finally block runs."""
    import os
    import sys
    trace = [(md, 0)] + walk_frames(engine, frame, OVERFLOW_REPORT_FRAMES - 1)
    lines = "\n".join(format_frame(engine, m, il) for m, il in trace)
    try:
        sys.stdout.flush()
    finally:
        sys.stderr.write("\nUnhandled Exception:\nStackOverflowException\n"
                         "[ERROR] FATAL UNHANDLED EXCEPTION: System.StackOverflowException: "
                         f"The requested operation caused a stack overflow.\n{lines}\n")
        sys.stderr.flush()
        os._exit(1)
