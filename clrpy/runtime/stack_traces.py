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
        self.hidden_methods = {}    # MethodDesc -> marked [StackTraceHidden]? (is_hidden's cache)
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


def source_location_of(engine, md, il: int):
    """(source file, line) of an IL offset from the module's debug symbols, when the runtime uses
    them (--debug, as Mono) and has them; else None."""
    module = md.module
    if engine.options.debug and module is not None and il >= 0:
        from ..metadata.debug_symbols import symbols_of       # read only when a trace needs them
        symbols = symbols_of(module)
        if symbols is not None:
            return symbols.location(md.token, il)
    return None


def _location(engine, md, il: int) -> str:
    """`file:line` from the module's debug symbols (with --debug, as Mono), else `<mvid>:0`."""
    where = source_location_of(engine, md, il)
    if where is not None:
        return f"{where[0]}:{where[1]}"
    module = md.module
    mvid = None
    if module is not None and module.tables[T.Module].num_rows:
        mvid = module.tables[T.Module][1].mvid
    return f"<{mvid.hex}>:0" if mvid is not None else "<unknown>:0"


# What Mono writes between the frames an ExceptionDispatchInfo saved and those of the rethrow.
END_OF_CAPTURED_TRACE = "--- End of stack trace from previous location where exception was thrown ---"


def trace_lines(engine, obj: int) -> list:
    """The lines of an exception's stack trace as Mono writes them: first the traces that
    ExceptionDispatchInfo captured where it was thrown before (the exception's `captured_traces`,
    StackTrace objects), each closed by END_OF_CAPTURED_TRACE and an empty line, then the frames of
    its latest throw. Methods marked [StackTraceHidden] (ExceptionDispatchInfo.Throw) are left out."""
    lines = []
    for trace in _object_array(engine, obj, "System", "Exception", "captured_traces"):
        captured = _stack_trace_object_lines(engine, trace)
        if captured:
            lines += captured + [END_OF_CAPTURED_TRACE, ""]
    return lines + [format_frame(engine, md, il) for md, il in frames(engine, obj) if not is_hidden(engine, md)]


def format_trace(engine, obj: int) -> str:
    return "\n".join(trace_lines(engine, obj))


def _stack_trace_object_lines(engine, trace: int) -> list:
    """The frames of a System.Diagnostics.StackTrace object that ExceptionDispatchInfo saved
    (StackFrame objects: the method's reflection object and the IL offset). Its own captured traces
    are not repeated: the exception's list already holds each earlier capture once."""
    objects = engine.type_objects
    lines = []
    frame_type = engine.loader.corlib_type("System.Diagnostics", "StackFrame")
    for frame in _object_array(engine, trace, "System.Diagnostics", "StackTrace", "frames"):
        method = objects.get_field(frame, frame_type, "methodBase")
        md = objects.method_of_info(method) if method else None
        if md is None or is_hidden(engine, md):
            continue
        il = ctypes.c_int32.from_address(frame + objects.offset(frame_type, "ilOffset")).value
        lines.append(format_frame(engine, md, il))
    return lines


def _object_array(engine, obj: int, namespace: str, name: str, field: str) -> list:
    """The elements of the reference-array field `field` of `obj` (a corlib `namespace.name`)."""
    th = engine.loader.corlib_type(namespace, name)
    arr = engine.type_objects.get_field(obj, th, field)
    if not arr:
        return []
    n = read_u64(arr + ARRAY_LENGTH_OFFSET)
    return [e for e in (ctypes.c_uint64 * n).from_address(arr + ARRAY_DATA_OFFSET) if e]


def is_hidden(engine, md) -> bool:
    """Is the method marked [System.Diagnostics.StackTraceHidden]? (An internal attribute of the
    class library, so only its methods can carry it.)"""
    if md.module is not engine.loader.corlib:
        return False
    hidden = engine.code_map.hidden_methods.get(md)
    if hidden is None:
        loader = engine.loader
        hidden = False
        for row in md.module.custom_attributes(md.token):
            ctor = loader.resolve_method_token(md.module, (row.type.table << 24) | row.type.rid)
            if ctor.owner.namespace == "System.Diagnostics" and ctor.owner.name == "StackTraceHiddenAttribute":
                hidden = True
        engine.code_map.hidden_methods[md] = hidden
    return hidden


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
