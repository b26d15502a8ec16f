"""`clrpy jitdump FILE METHOD`: what the JIT makes of one method, with every runtime call named.

Prints, for one method, its IL, the LLVM IR the importer generates (and, unless --no-opt-ir, the IR
after LLVM's optimisations), and the native code LLVM generates for the host CPU. Generated code
names everything the runtime owns through symbols (see docs/jit.md): entry cells (`cell:KEY`),
method ids (`mid:KEY`), type handles (`type:KEY`), statics blocks (`statics:KEY`), string literals
(`str:ASSEMBLY:TOKEN`) and the helpers of jit/helpers.py. jitdump resolves each back to the managed
method, type or literal it stands for: the IR's declarations and the native listing's instructions
get a trailing `#` comment, and a closing summary lists the runtime calls and runtime data the
method's native code uses, including the lazy-compilation path (precode, prestub,
`clrpy_jit_compile`) behind each call to a method that is not compiled yet. This is how a person sees
what the native code does around the managed code: allocation fast and slow paths,
class-initialisation checks, exception checks and throw helpers, calls through entry cells and
vtables, and lazy compilation.

The method is compiled for the listing only: nothing is linked or run, except that a
`beforefieldinit` class constructor the method depends on runs at JIT time, as it would in a
program (runtime/jit_interface.py).
"""
import os
import re
import sys
from io import StringIO

from ..errors import ClrpyError
from ..metadata.schema import TableId as T
from .options import add_binding_arguments, binder_from_args

HELP = "show a method's IL, LLVM IR and native code, with calls into the runtime named"

# C# and ilasm spellings of built-in types, for overload suffixes such as "(int,long)".
_BUILTIN_TYPES = {
    "bool": "System.Boolean", "char": "System.Char", "sbyte": "System.SByte", "byte": "System.Byte",
    "short": "System.Int16", "ushort": "System.UInt16", "int": "System.Int32", "uint": "System.UInt32",
    "long": "System.Int64", "ulong": "System.UInt64", "float": "System.Single", "double": "System.Double",
    "string": "System.String", "object": "System.Object", "nint": "System.IntPtr", "nuint": "System.UIntPtr",
    "int8": "System.SByte", "uint8": "System.Byte", "unsigned int8": "System.Byte", "int16": "System.Int16",
    "uint16": "System.UInt16", "unsigned int16": "System.UInt16", "int32": "System.Int32",
    "uint32": "System.UInt32", "unsigned int32": "System.UInt32", "int64": "System.Int64",
    "uint64": "System.UInt64", "unsigned int64": "System.UInt64", "float32": "System.Single",
    "float64": "System.Double", "native int": "System.IntPtr", "native unsigned int": "System.UIntPtr",
}
_SHORT_NAMES = {"System.Boolean": "bool", "System.Char": "char", "System.SByte": "sbyte", "System.Byte": "byte",
                "System.Int16": "short", "System.UInt16": "ushort", "System.Int32": "int", "System.UInt32": "uint",
                "System.Int64": "long", "System.UInt64": "ulong", "System.Single": "float",
                "System.Double": "double", "System.String": "string", "System.Object": "object",
                "System.IntPtr": "nint", "System.UIntPtr": "nuint"}


class JitDumpError(ClrpyError):
    """The method named on the command line cannot be listed (absent, ambiguous, without IL)."""


def add_arguments(parser):
    parser.add_argument("file", help="the assembly or module (.exe, .dll) defining the method")
    parser.add_argument("method", metavar="METHOD",
                        help='"Ns.Type::Method", or just "Method" when only one type has it; a suffix '
                             'such as "(int,long)" picks one overload (C#, ilasm or full type names)')
    parser.add_argument("--no-ir", action="store_true", help="omit the LLVM IR as generated")
    parser.add_argument("--no-opt-ir", action="store_true", help="omit the optimised LLVM IR")
    parser.add_argument("--directives", action="store_true",
                        help="keep the assembler's .cfi_* (unwind information) directives in the listing")
    parser.add_argument("-O", dest="opt_level", type=int, choices=(0, 1, 2, 3), default=2,
                        help="LLVM optimisation level (default 2, as `clrpy run`)")
    add_binding_arguments(parser)


def run(args) -> int:
    from ..runtime.execution_engine import ExecutionEngine, RuntimeOptions
    from ..runtime.threads import run_on_managed_stack
    binder = binder_from_args(args, app_path=args.file)
    module = binder.load_file(args.file)
    engine = ExecutionEngine(binder, RuntimeOptions(opt_level=args.opt_level))
    md = find_method(engine.loader, module, args.method)
    # A beforefieldinit class constructor may run while the method is imported: on a managed stack.
    dump = run_on_managed_stack(JitDump, engine, md)
    out = sys.stdout
    dump.write(out, generated_ir=not args.no_ir, optimised_ir=not args.no_opt_ir, directives=args.directives)
    out.flush()
    return 0


# -- choosing the method ---------------------------------------------------------------------------------
def find_method(loader, module, text: str):
    """The MethodDesc that `text` ("Ns.Type::Name(params)", "Type::Name", "Name") names in `module`."""
    m = re.fullmatch(r"\s*(?:(.+?)::)?([^:(\s][^(]*?)\s*(?:\((.*)\))?\s*", text)
    if not m:
        raise JitDumpError(f"cannot parse the method name '{text}' (expected Ns.Type::Method or Method, "
                           f"optionally with (param, ...) types)")
    type_name, name, params = m.group(1), m.group(2), m.group(3)
    where = os.path.basename(module.path) if module.path else "the module"
    tables = module.tables
    if type_name is not None:
        wanted = type_name.strip().replace("+", "/")
        rid = module.find_type_by_name(wanted)
        if rid:
            type_rids = [rid]
        else:
            # Full names the name index does not hold, then the name without its namespace.
            every = range(1, tables[T.TypeDef].num_rows + 1)
            type_rids = [r for r in every if module.typedef_name(r) == wanted] or \
                        [r for r in every if module.typedef_name(r).rsplit(".", 1)[-1] == wanted]
        if not type_rids:
            raise JitDumpError(f"no type '{type_name.strip()}' in {where}")
    else:
        type_rids = range(1, tables[T.TypeDef].num_rows + 1)
    found = [(trid, mrid) for trid in type_rids for mrid in module.methods_of(trid)
             if tables[T.MethodDef][mrid].name == name]
    if not found:
        scope = f"type '{type_name.strip()}' of {where}" if type_name is not None else where
        raise JitDumpError(f"no method '{name}' in {scope}")
    candidates = [loader.method_of(loader.load_typedef(module, trid), mrid) for trid, mrid in found]
    if params is not None:
        wanted = [_canonical_type(p) for p in params.split(",")] if params.strip() else []
        candidates = [md for md in candidates if _params_match(md, wanted)]
        if not candidates:
            raise JitDumpError(f"no overload {text.strip()} in {where}; there are: "
                               + "; ".join(short_name(loader.method_of(loader.load_typedef(module, t), r))
                                           for t, r in found))
    if len(candidates) > 1:
        lines = "\n".join(f"  {short_name(md)}" for md in candidates)
        raise JitDumpError(f"'{text.strip()}' names {len(candidates)} methods in {where}; choose one "
                           f"(Type::Method(param, ...)):\n{lines}")
    md = candidates[0]
    if md.is_abstract:
        raise JitDumpError(f"{short_name(md)} is abstract: it has no code")
    if md.is_internal_call or md.is_pinvoke or md.is_runtime_implemented or not tables[T.MethodDef].raw(md.rid)[0]:
        kind = ("an internal call" if md.is_internal_call else "a P/Invoke" if md.is_pinvoke
                else "implemented by the runtime" if md.is_runtime_implemented else "without a body")
        raise JitDumpError(f"{short_name(md)} has no IL to compile: it is {kind}")
    if md.is_generic_method_definition or md.owner.is_generic_definition:
        raise JitDumpError(f"{short_name(md)} is generic: jitdump lists non-generic methods only")
    return md


def _canonical_type(text: str) -> str:
    t = " ".join(text.replace("&", " & ").split())
    suffix = ""
    if t.startswith(("ref ", "out ", "in ")):
        t, suffix = t.split(" ", 1)[1], "&"
    while t.endswith(("[]", "&", "*")):
        if t.endswith("[]"):
            suffix = "[]" + suffix
            t = t[:-2].strip()
        else:
            suffix = t[-1] + suffix
            t = t[:-1].strip()
    for prefix in ("class ", "valuetype "):
        if t.startswith(prefix):
            t = t[len(prefix):]
    t = re.sub(r"^\[[^\]]*\]", "", t)          # an ilasm assembly scope: [mscorlib]System.Int32
    return _BUILTIN_TYPES.get(t, t).replace("/", "+") + suffix


def _params_match(md, wanted) -> bool:
    have = [p.full_name for p in md.param_types]
    if len(have) != len(wanted):
        return False
    # A type may be written with or without its namespace.
    return all(h == w or h.rsplit(".", 1)[-1] == w for h, w in zip(have, wanted))


def type_short_name(th) -> str:
    name = th.full_name
    base = name.rstrip("[]&*")
    return _SHORT_NAMES.get(base, base) + name[len(base):]


def short_name(md) -> str:
    """"Ns.Type::Name(int, string)": how listings and messages name a method."""
    args = ""
    if md.generic_args:
        args = "<" + ", ".join(type_short_name(a) for a in md.generic_args) + ">"
    try:
        params = ", ".join(type_short_name(p) for p in md.param_types)
    except ClrpyError:
        params = "..."
    return f"{md.owner.full_name}::{md.name}{args}({params})"


# -- remembering what each symbol stands for -------------------------------------------------------------
# JIT-interface methods whose results name runtime data: method -> kind recorded for the result.
_RECORDED = {"method_symbol": "method", "cell_symbol": "cell", "method_id_symbol": "mid", "type_symbol": "type",
             "native_target": "icall", "vtable_slot": "slot", "interface_method_index": "islot"}


def _recording_interface(engine, named, slots):
    """The runtime's JIT interface, also recording what each symbol it hands out stands for (in
    `named`: symbol -> (kind, MethodDesc/TypeHandle/text)) and which methods the vtable slots and
    interface-method indexes it hands out belong to (in `slots`: (kind, index) -> MethodDesc)."""
    from ..runtime.jit_interface import RuntimeJitInterface

    def recorder(name, kind):
        base = getattr(RuntimeJitInterface, name)

        def record(self, obj, *rest):
            result = base(self, obj, *rest)
            if result is not None:
                if kind in ("slot", "islot"):
                    slots.setdefault((kind, result), obj)
                else:
                    named[result] = (kind, obj)
            return result
        return record

    members = {name: recorder(name, kind) for name, kind in _RECORDED.items() if hasattr(RuntimeJitInterface, name)}

    def statics_symbol(self, th, thread_static):
        s = RuntimeJitInterface.statics_symbol(self, th, thread_static)
        named[s] = ("tstatics" if thread_static else "statics", th)
        return s

    def string_literal_symbol(self, module, token):
        s = RuntimeJitInterface.string_literal_symbol(self, module, token)
        named[s] = ("str", module.user_string(token))
        return s

    members.update(statics_symbol=statics_symbol, string_literal_symbol=string_literal_symbol)
    return type("RecordingJitInterface", (RuntimeJitInterface,), members)(engine)


# Globals generated code reads and writes (jit/helpers.py), and what they are for.
def _global_docs():
    from ..jit.helpers import ALLOC_LIMIT, ALLOC_PTR, PENDING_EXCEPTION, STACK_LIMIT
    return {
        ALLOC_PTR: "allocation fast path: the bump pointer (next free byte) of the allocation region",
        ALLOC_LIMIT: "allocation fast path: the end of the allocation region (past it: clrpy_alloc_slow)",
        PENDING_EXCEPTION: "the pending-exception word, tested after calls that may throw",
        STACK_LIMIT: "the lowest usable stack address (stack-overflow check)",
    }


# -- the dump ----------------------------------------------------------------------------------------------
class JitDump:
    """Generates the IR and native code of one method and resolves the symbols they name."""

    def __init__(self, engine, md):
        from ..jit.compiler import JitCompiler
        from ..jit.helpers import HELPERS
        from ..jit.intrinsics import LIBM_FUNCTIONS
        self.engine = engine
        self.md = md
        self.named = {}
        self.slots = {}
        self.dispatched = {}        # the listing's virtual and interface calls, described
        self.helpers = HELPERS
        self.libm = set(LIBM_FUNCTIONS) | _C_FUNCTIONS
        self.globals = _global_docs()
        env = _recording_interface(engine, self.named, self.slots)
        self.ir = JitCompiler(env, engine.native).generate_ir(md)
        self.symbol = env.method_symbol(md)
        native = engine.native
        self.externals = _ir_externals(self.ir)
        self.optimised = native.optimised_ir(self.ir, self.symbol)
        self.asm = native.assembly(self.ir, self.symbol)
        self.sizes = self._code_sizes()

    def _code_sizes(self) -> dict:
        """Bytes of machine code of each function of the module (from an object file LLVM emits)."""
        from ..jit.object_file import function_sizes
        native = self.engine.native
        try:
            module = native.parse(self.ir, self.symbol)
            native.optimise(module)
            return function_sizes(native.target_machine.emit_object(module))
        except Exception:       # noqa: BLE001 - sizes are a nicety of the listing, not its purpose
            return {}

    # -- naming symbols ---------------------------------------------------------------------------------
    def describe(self, symbol: str, brief: bool = False) -> str:
        """What a symbol of generated code stands for, in words; "" for names that are not the runtime's."""
        entry = self.named.get(symbol)
        if entry is not None:
            kind, what = entry
            if kind == "method":
                return f"the code of {short_name(what)}"
            if kind == "cell":
                return f"entry cell of {short_name(what)}" + ("" if brief else f" ({self.cell_state(what)})")
            if kind == "mid":
                return f"method id of {short_name(what)} (for exceptions' stack traces)"
            if kind == "type":
                return f"type handle of {type_short_name(what)}"
            if kind == "statics":
                return f"static fields of {type_short_name(what)}"
            if kind == "tstatics":
                return f"thread-static fields of {type_short_name(what)}"
            if kind == "str":
                return f"string literal {_quote(what)}"
            if kind == "icall":
                return f"native implementation of {short_name(what)}"
        if symbol in self.helpers:
            return f"runtime helper: {self.helpers[symbol].doc}"
        if symbol in self.globals:
            return self.globals[symbol]
        if symbol in self.libm:
            return f"C library function {symbol}"
        if symbol in self.externals or symbol.startswith(_OUR_PREFIXES):
            return "a runtime symbol"
        return ""

    def cell_state(self, md) -> str:
        if md.code:
            return "compiled: holds its code"
        if getattr(md, "precode", 0):
            return "not compiled yet: holds its precode; first call: clrpy_prestub -> clrpy_jit_compile"
        return "not compiled yet"

    def call_note(self, symbol: str, through_cell: bool) -> str:
        """The comment for a call (or tail jump) to `symbol`, or through the entry cell `symbol`."""
        entry = self.named.get(symbol)
        if entry is not None and entry[0] in ("cell", "method", "icall"):
            kind, md = entry
            if kind == "icall":
                return f"call the native implementation of {short_name(md)}"
            text = f"call {short_name(md)}"
            if through_cell:
                text += " through its entry cell" + ("" if md.code else " (first call: precode -> clrpy_prestub "
                                                                           "-> clrpy_jit_compile)")
            return text
        if symbol in self.helpers:
            return f"runtime helper {symbol}"
        if symbol in self.libm:
            return f"C library function {symbol}"
        return f"call {symbol}" if self.describe(symbol) else ""

    def slot_note(self, kind: str, index: int) -> str:
        md = self.slots.get((kind, index))
        if kind == "slot":
            return f"virtual call through vtable slot {index}" + (f" ({short_name(md)})" if md else "")
        return f"interface call through itable entry {index}" + (f" ({short_name(md)})" if md else "")

    # -- output -------------------------------------------------------------------------------------------
    def write(self, out, generated_ir=True, optimised_ir=True, directives=False):
        out.write(f"jitdump of {short_name(self.md)}  [{self.symbol}]\n")
        _section(out, "IL")
        out.write(self.il_listing())
        if generated_ir:
            _section(out, "LLVM IR (as generated)")
            out.write(self.annotate_ir(self.ir))
        if optimised_ir:
            _section(out, "LLVM IR (optimised)")
            out.write(self.annotate_ir(self.optimised))
        _section(out, "native code (x86-64)")
        listing, used, called = self.annotate_asm(self.asm, directives)
        out.write(listing)
        _section(out, "summary")
        out.write(self.summary(used, called))

    def il_listing(self) -> str:
        from ..cil.disassembler import Disassembler
        buf = StringIO()
        Disassembler(self.md.module, buf).method(self.md.rid)
        return buf.getvalue().rstrip("\n") + "\n"

    def annotate_ir(self, text: str) -> str:
        """The IR with a comment on each declaration of a runtime symbol saying what it stands for."""
        lines = []
        for line in text.splitlines():
            m = _IR_DECL.match(line)
            note = self.describe(next(g for g in m.groups() if g)) if m else ""
            lines.append(f"{line}  ; {note}" if note else line)
        return "\n".join(lines).rstrip("\n") + "\n"

    def annotate_asm(self, text: str, directives: bool):
        """The native listing with calls and runtime references named; also the runtime symbols it
        uses (in order of first use) and the set of those it calls."""
        lines = []
        used = {}
        called = set()
        regs = _Registers()
        throw_blocks = _shared_throw_blocks(text)
        falls_through = False
        for raw in text.splitlines():
            line = raw.rstrip()
            stripped = line.strip()
            if not directives and stripped.startswith((".cfi_", ".file", ".loc", '.section\t".note.GNU-stack"')):
                continue
            if not directives and stripped.startswith(".section\t.debug_"):
                break                    # the DWARF line table that maps code to IL offsets follows
            label = _ASM_LABEL.match(line)
            if label:
                name = label.group(1) or label.group(2)
                if _DEBUG_LABEL.match(name):
                    lines.append(line)   # marks a code address for the debug info; no path joins here
                    continue
                if name.startswith("."):
                    thrown = _throw_text(regs, "falling through: throw ") if falls_through and name in throw_blocks else ""
                    regs.at_label()
                    lines.append(f"{line}  # {thrown}" if thrown else line)
                    continue
                regs.reset()
                note = self.describe(name)
                if name in self.sizes:
                    note += f" ({self.sizes[name]} bytes)"
                lines.append(f"{line}  # {note}" if note else line)
                continue
            if not stripped or stripped.startswith((".", "#")):
                lines.append(line)
                continue
            mnemonic, operands = _split_instruction(stripped)
            falls_through = not (mnemonic.startswith(("jmp", "ret", "ud2")))
            symbols = [s for s in _symbols_in(stripped) if self.describe(s)]
            for s in symbols:
                used.setdefault(s, None)
            note, target = "", None
            if mnemonic.startswith(("call", "jmp")) and operands:
                note, target = self._call_target(mnemonic, operands[0], regs)
                if note.startswith(("virtual call", "interface call")):
                    self.dispatched.setdefault(note, None)
                if target:
                    called.add(target)
                    used.setdefault(target, None)
            elif symbols:
                note = "; ".join(self.describe(s, brief=True) for s in symbols)
            if not note:
                note = self._memory_note(mnemonic, operands, regs)
            if mnemonic.startswith("jmp") and operands and operands[0] in throw_blocks:
                note = _throw_text(regs, f"to {operands[0]}: throw ")
            regs.execute(mnemonic, operands)
            if note and target == "clrpy_find_itable":
                regs.set("%rax", ("itable",))
            lines.append(f"{line}  # {note}" if note else line)
        return "\n".join(lines).rstrip("\n") + "\n", list(used), called

    def _memory_note(self, mnemonic, operands, regs) -> str:
        """A comment for an instruction that reads a word of a type handle the runtime tests."""
        from ..typesys.native_type import NT_INITIALIZED
        for op in operands:
            m = re.fullmatch(r"(-?\d+)\((%\w+)\)", op)
            if not m:
                continue
            state = regs.get(m.group(2))
            if not state or state[0] != "addr":
                continue
            entry = self.named.get(state[1])
            if entry and entry[0] == "type" and int(m.group(1)) == NT_INITIALIZED:
                return f"class-initialisation check: has {type_short_name(entry[1])}'s class constructor run?"
        return ""

    def _call_target(self, mnemonic, target, regs):
        """(comment, runtime symbol called or None) for the target operand of a call or jump."""
        from ..typesys.native_type import NT_SLOTS
        if target.startswith("*"):
            operand = target[1:]
            sym = _symbol_address(operand)
            if sym is not None:                                  # callq *SYM@GOTPCREL(%rip)
                return self._direct_call_note(sym, regs), sym
            if operand in _FAMILIES:                             # callq *%reg
                state = regs.get(operand)
                if state and state[0] == "value":                # the code pointer read from a cell
                    return self.call_note(state[1], True), state[1]
                if state and state[0] == "addr" and self.describe(state[1]):
                    return self._direct_call_note(state[1], regs), state[1]   # movabsq $helper, %reg
                return "", None
            m = re.fullmatch(r"(-?\d*)\((%\w+)\)", operand)      # callq *disp(%reg)
            if m:
                disp = int(m.group(1) or 0)
                state = regs.get(m.group(2))
                if disp == 0 and state and state[0] == "addr":   # through an entry cell
                    return self.call_note(state[1], True), state[1]
                if state and state[0] == "itable" and disp % 8 == 0:
                    return self.slot_note("islot", disp // 8), None
                # A slot the importer asked for, at its offset in a type handle: a virtual call.
                if disp >= NT_SLOTS and (disp - NT_SLOTS) % 8 == 0 and ("slot", (disp - NT_SLOTS) // 8) in self.slots:
                    return self.slot_note("slot", (disp - NT_SLOTS) // 8), None
            return "", None
        if mnemonic.startswith("j") and target.startswith("."):
            return "", None                                      # a local branch
        sym = _plain_symbol(target)
        if sym is None or not self.describe(sym):
            return "", None
        return self._direct_call_note(sym, regs), sym

    def _direct_call_note(self, sym, regs) -> str:
        """The comment for a call of the runtime symbol `sym` itself (a helper, an icall's code)."""
        note = self.call_note(sym, False)
        if sym == "clrpy_throw_builtin":
            thrown = _throw_text(regs, ": throw ")
            offset = regs.get("%edx")
            if not thrown and offset and offset[0] == "imm":
                thrown = f": the exception the jumps here chose, at IL_{offset[1]:04x}"
            note += thrown
        elif sym == "clrpy_throw_not_supported":
            message, offset = regs.get("%edi"), regs.get("%edx")
            messages = self.engine.messages
            if message and message[0] == "imm" and 0 <= message[1] < len(messages):
                note += f": {_quote(messages[message[1]], 80)}"
                if offset and offset[0] == "imm":
                    note += f" at IL_{offset[1]:04x}"
        return note

    def summary(self, used, called) -> str:
        calls, data = [], []
        lazy = []
        for s in used:
            entry = self.named.get(s)
            kind = entry[0] if entry else ""
            if kind == "method":
                continue
            if s in called or s in self.helpers or s in self.libm or kind in ("cell", "icall"):
                calls.append((s, self.describe(s)))
                if kind == "cell" and not entry[1].code:
                    lazy.append(short_name(entry[1]))
            else:
                data.append((s, self.describe(s)))
        if lazy:
            callees = ", ".join(lazy)
            calls.append(("clrpy_prestub", f"reached on the first call of {callees} through its precode: saves "
                                           f"the argument registers, calls clrpy_jit_compile, jumps to the new code"))
            if "clrpy_jit_compile" not in used:
                calls.append(("clrpy_jit_compile", self.describe("clrpy_jit_compile")))
        width = min(max((len(s) for s, _ in calls + data), default=0), 40)
        text = ["runtime calls:" + ("" if calls else " none")]
        text += [f"  {s:<{width}}  {d}" for s, d in calls]
        if self.dispatched:
            text.append("calls through vtables and interface maps:")
            text += [f"  {d}" for d in self.dispatched]
        text.append("runtime data referenced:" + ("" if data else " none"))
        text += [f"  {s:<{width}}  {d}" for s, d in data]
        if self.sizes:
            text.append("machine code: " + ", ".join(f"{n} {b} bytes" for n, b in self.sizes.items()))
        return "\n".join(text) + "\n"


def _section(out, title):
    out.write(f"\n==== {title} ====\n")


def _quote(s: str, limit: int = 60) -> str:
    text = s if len(s) <= limit else s[:limit] + "..."
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# -- reading LLVM IR and the assembly listing ---------------------------------------------------------------
# C library functions LLVM itself may call (math intrinsics it lowers to libm, block copies).
_C_FUNCTIONS = {f + suffix for f in ("sin", "cos", "tan", "exp", "exp2", "log", "log2", "log10", "pow", "fmod",
                                     "sqrt", "floor", "ceil", "round", "trunc", "rint", "nearbyint", "roundeven")
                for suffix in ("", "f")} | {"memcpy", "memmove", "memset"}
_OUR_PREFIXES = ("cell:", "mid:", "type:", "statics:", "tstatics:", "str:", "m:", "clrpy_")
_IR_DECL = re.compile(r'\s*(?:@(?:"([^"]+)"|([\w.$]+))\s*=\s*external\b|declare\b[^@]*@(?:"([^"]+)"|([\w.$]+)))')
_ASM_LABEL = re.compile(r'^(?:"([^"]+)"|([\w.$]+)):')
_QUOTED = re.compile(r'"([^"]+)"')
# Labels LLVM places for debug info (ranges of code), which no branch targets.
_DEBUG_LABEL = re.compile(r"\.L(?:tmp|func_begin|func_end)\d+$")
_BARE = re.compile(r'(?:(?<=\$)(?<![\w.]\$)|(?<![\w.$%"@]))([A-Za-z_][\w.$]*)(?=@|\b)')     # `$sym`: an immediate address


def _throw_text(regs, prefix: str) -> str:
    """"<prefix>System.DivideByZeroException at IL_0002" from the arguments of clrpy_throw_builtin
    (kind in edi, IL offset in edx) when the listing set them to constants; "" when it did not."""
    from ..jit.helpers import BuiltinException
    kind, offset = regs.get("%edi"), regs.get("%edx")
    name = BuiltinException.NAMES.get(kind[1]) if kind and kind[0] == "imm" else None
    if name is None:
        return ""
    at = f" at IL_{offset[1]:04x}" if offset and offset[0] == "imm" and offset[1] >= 0 else ""
    return f"{prefix}{name}{at}"


def _shared_throw_blocks(asm: str) -> set:
    """Local labels whose block calls clrpy_throw_builtin with arguments set by the code that jumps
    there (LLVM merges the throw blocks of a method's checks into one)."""
    found = set()
    label, sets_edi = None, False
    loaded = {}                 # register family -> the symbol whose address it was given
    for line in asm.splitlines():
        m = _ASM_LABEL.match(line)
        if m and not _DEBUG_LABEL.match(m.group(1) or m.group(2)):
            name = m.group(1) or m.group(2)
            label, sets_edi = (name if name.startswith(".") else None), False
            continue
        stripped = line.strip()
        if label is None or not stripped or stripped.startswith((".", "#")):
            continue
        mnemonic, operands = _split_instruction(stripped)
        if mnemonic.startswith(("call", "jmp", "ret")):
            callee = operands[0] if operands else ""
            if mnemonic.startswith("call") and not sets_edi and (
                    _plain_symbol(callee) == "clrpy_throw_builtin"
                    or (callee.startswith("*") and loaded.get(_FAMILIES.get(callee[1:])) == "clrpy_throw_builtin")):
                found.add(label)
            label = None
        elif operands and _FAMILIES.get(operands[-1]) == "di":
            sets_edi = True
        elif len(operands) == 2 and _FAMILIES.get(operands[1]):
            loaded[_FAMILIES[operands[1]]] = _symbol_address(operands[0])
    return found


def _ir_externals(ir: str) -> set:
    """The names an LLVM module declares but does not define: what the runtime binds."""
    names = set()
    for line in ir.splitlines():
        m = _IR_DECL.match(line)
        if m:
            name = next(g for g in m.groups() if g)
            if not name.startswith("llvm."):
                names.add(name)
    return names


def _symbols_in(instruction: str):
    """The symbol names an assembly instruction mentions (quoted names and bare identifiers)."""
    names = _QUOTED.findall(instruction)
    rest = _QUOTED.sub(" ", instruction)
    parts = rest.split(None, 1)
    if len(parts) == 2:
        names += [n for n in _BARE.findall(parts[1])]
    return names


def _split_instruction(text: str):
    """("movq", ["%rax", "(%rbx)"]) from "movq\t%rax, (%rbx)"; operands split at top-level commas."""
    parts = text.split(None, 1)
    mnemonic = parts[0]
    if len(parts) == 1:
        return mnemonic, []
    ops, depth, quoted, current = [], 0, False, ""
    for ch in parts[1]:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
        if ch == "," and depth == 0 and not quoted:
            ops.append(current.strip())
            current = ""
        else:
            current += ch
    ops.append(current.strip())
    return mnemonic, ops


def _symbol_address(operand: str):
    """The symbol whose address an operand is: `$SYM` (the large code model's `movabsq $SYM, %reg`)
    or `SYM@GOTPCREL(%rip)` (a GOT entry, in position-independent code)."""
    m = re.fullmatch(r'\$(?:"([^"]+)"|([A-Za-z_.][\w.$]*))|(?:"([^"]+)"|([\w.$]+))@GOTPCREL\(%rip\)', operand)
    return next(g for g in m.groups() if g) if m else None


def _plain_symbol(operand: str):
    m = re.fullmatch(r'(?:"([^"]+)"|([\w.$]+))(?:@PLT)?', operand)
    return (m.group(1) or m.group(2)) if m else None


# x86-64 registers by family (rax, eax, ax, al all name family "a").
_FAMILIES = {}
for _fam, _names in {
    "a": "rax eax ax al ah", "b": "rbx ebx bx bl bh", "c": "rcx ecx cx cl ch", "d": "rdx edx dx dl dh",
    "si": "rsi esi si sil", "di": "rdi edi di dil", "bp": "rbp ebp bp bpl", "sp": "rsp esp sp spl",
}.items():
    for _n in _names.split():
        _FAMILIES["%" + _n] = _fam
for _i in range(8, 16):
    for _suffix in ("", "d", "w", "b"):
        _FAMILIES[f"%r{_i}{_suffix}"] = f"r{_i}"
_CALLER_SAVED = {"a", "c", "d", "si", "di", "r8", "r9", "r10", "r11"}
_NO_WRITE = ("cmp", "test", "push", "ucomis", "comis", "vucomis", "vcomis")
# Instructions that write rax/rdx without naming them.
_WRITES_AD = ("cltd", "cqto", "cltq", "cwtl", "cwtd", "div", "idiv", "mul", "rdtsc", "cpuid")


def _is_itable_cache_load(operand: str) -> bool:
    """Does `disp(%base,%index)` read the itable word of an entry of a type handle's itable cache?"""
    from ..typesys.native_type import NT_ITABLE_CACHE, NT_SLOTS
    m = re.fullmatch(r"(-?\d+)\(%\w+,%\w+\)", operand)
    if not m:
        return False
    disp = int(m.group(1))
    return NT_ITABLE_CACHE <= disp < NT_SLOTS and (disp - NT_ITABLE_CACHE) % 16 == 8


class _Registers:
    """A forward, straight-line model of what general registers hold, enough to name the targets of
    indirect calls: the address of a runtime symbol (an immediate or a GOT entry), the value loaded from it (a cell's
    code pointer), or a small constant. At local labels (where paths merge) only callee-saved registers
    are trusted; writes and calls forget what they overwrite."""

    def __init__(self):
        self.state = {}

    def reset(self):
        self.state = {}

    def at_label(self):
        # An itable pointer survives the join where the itable-cache hit and the clrpy_find_itable
        # paths of an interface call meet (both leave one in the same register).
        self.state = {f: v for f, v in self.state.items() if f not in _CALLER_SAVED or v == ("itable",)}

    def after_call(self):
        self.state = {f: v for f, v in self.state.items() if f not in _CALLER_SAVED}

    def get(self, reg):
        fam = _FAMILIES.get(reg)
        return self.state.get(fam) if fam else None

    def set(self, reg, value):
        fam = _FAMILIES.get(reg)
        if fam:
            self.state[fam] = value

    def execute(self, mnemonic, operands):
        if mnemonic.startswith("call"):
            self.after_call()
            return
        if mnemonic.startswith(_WRITES_AD) or (mnemonic.startswith("imul") and len(operands) == 1):
            self.state.pop("a", None)
            self.state.pop("d", None)
        if mnemonic in ("bt", "btl", "btq"):
            return
        if not operands or mnemonic.startswith(_NO_WRITE) or mnemonic.startswith("j"):
            return
        dest = operands[-1]
        if dest not in _FAMILIES:
            return
        value = None
        if mnemonic.startswith("xor") and len(operands) == 2 and operands[0] == dest:
            value = ("imm", 0)
        elif mnemonic.startswith("mov") and len(operands) == 2:
            src = operands[0]
            sym = _symbol_address(src)
            if sym is not None:
                value = ("addr", sym)
            elif src.startswith("$") and re.fullmatch(r"\$-?\d+", src):
                value = ("imm", int(src[1:]))
            else:
                m = re.fullmatch(r"\((%\w+)\)", src)
                if m:
                    held = self.get(m.group(1))
                    if held and held[0] == "addr":
                        value = ("value", held[1])
                elif src in _FAMILIES and mnemonic == "movq":
                    value = self.get(src)
                elif _is_itable_cache_load(src):
                    value = ("itable",)         # the itable half of a type handle's itable-cache entry
        if value is None:
            self.state.pop(_FAMILIES[dest], None)
        else:
            self.state[_FAMILIES[dest]] = value
