"""The disassembler: a module's metadata and IL as an ilasm-style listing (what `clrpy dis` prints).

The listing has three parts, written to `out` as they are produced (so `clrpy dis mscorlib.dll |
head` prints its first lines at once):

* the manifest: `.assembly extern` blocks, `.assembly`, `.module extern`, `.module`, the entry point;
* one `.class` block per type definition, in table order, named by its full name (`Outer/Inner`):
  flags, base type, interfaces, generic parameters with constraints, fields (with constants),
  methods, properties and events;
* for each method with a body: `.maxstack`, `.locals init (...)`, and one instruction per line with
  an `IL_xxxx:` label. Token operands are resolved to names in ilasm syntax (`type_names.py`),
  branch and switch targets print as labels, strings are quoted and escaped, and exception-handling
  regions print as nested `.try { } catch T { }` / `finally` / `fault` / `filter { } { }` blocks.
  When the clauses do not nest (or do not fall on instruction boundaries) they print instead in
  ilasm's label form after the code: `.try IL_0000 to IL_0010 catch T handler IL_0010 to IL_0020`.

Corrupt input never stops the listing: a body whose header, locals, EH clauses, IL bytes or
operands cannot be read gets the instructions decoded so far plus a `// ERROR: ...` line, and
`disassemble` returns how many methods had such errors. Only clrpy's own errors are raised, and
only for metadata the listing cannot do without (the type and method tables themselves).
"""
import struct

from ..errors import BadImageError, ClrpyError
from ..metadata import signatures as sig
from ..metadata import type_names as tn
from ..metadata.method_body import ClauseKind
from ..metadata.schema import TOKEN_USER_STRING, TableId
from .decoder import ILDecodeError, decode
from .opcodes import OperandKind

T = TableId
K = OperandKind
INDENT = "  "


class NothingMatchedError(ClrpyError):
    """--type / --method selected nothing in the module."""


# -- flag tables (ECMA-335 II.23.1) ---------------------------------------------------------------------
# Each table maps (mask, value) to the ilasm keyword; masks of a single bit use the bit as value.
TYPE_FLAGS = [
    (0x7, 0x0, "private"), (0x7, 0x1, "public"), (0x7, 0x2, "nested public"), (0x7, 0x3, "nested private"),
    (0x7, 0x4, "nested family"), (0x7, 0x5, "nested assembly"), (0x7, 0x6, "nested famandassem"),
    (0x7, 0x7, "nested famorassem"),
    (0x20, 0x20, "interface"),
    (0x18, 0x0, "auto"), (0x18, 0x8, "sequential"), (0x18, 0x10, "explicit"),
    (0x30000, 0x0, "ansi"), (0x30000, 0x10000, "unicode"), (0x30000, 0x20000, "autochar"),
    (0x80, 0x80, "abstract"), (0x100, 0x100, "sealed"),
    (0x400, 0x400, "specialname"), (0x800, 0x800, "rtspecialname"), (0x1000, 0x1000, "import"),
    (0x2000, 0x2000, "serializable"), (0x4000, 0x4000, "windowsruntime"),
    (0x100000, 0x100000, "beforefieldinit"), (0x40000, 0x40000, "hassecurity"),
]

MEMBER_ACCESS = [
    (0x7, 0x0, "privatescope"), (0x7, 0x1, "private"), (0x7, 0x2, "famandassem"), (0x7, 0x3, "assembly"),
    (0x7, 0x4, "family"), (0x7, 0x5, "famorassem"), (0x7, 0x6, "public"),
]

METHOD_FLAGS = MEMBER_ACCESS + [
    (0x10, 0x10, "static"), (0x20, 0x20, "final"), (0x40, 0x40, "virtual"), (0x80, 0x80, "hidebysig"),
    (0x100, 0x100, "newslot"), (0x200, 0x200, "strict"), (0x400, 0x400, "abstract"),
    (0x800, 0x800, "specialname"), (0x1000, 0x1000, "rtspecialname"), (0x8, 0x8, "unmanagedexp"),
    (0x4000, 0x4000, "hassecurity"), (0x8000, 0x8000, "reqsecobj"),
]

METHOD_IMPL_FLAGS = [
    (0x3, 0x0, "cil"), (0x3, 0x1, "native"), (0x3, 0x2, "optil"), (0x3, 0x3, "runtime"),
    (0x4, 0x0, "managed"), (0x4, 0x4, "unmanaged"),
    (0x8, 0x8, "forwardref"), (0x10, 0x10, "noinlining"), (0x20, 0x20, "synchronized"),
    (0x40, 0x40, "nooptimization"), (0x80, 0x80, "preservesig"), (0x100, 0x100, "aggressiveinlining"),
    (0x1000, 0x1000, "internalcall"),
]

FIELD_FLAGS = MEMBER_ACCESS + [
    (0x10, 0x10, "static"), (0x20, 0x20, "initonly"), (0x40, 0x40, "literal"), (0x80, 0x80, "notserialized"),
    (0x200, 0x200, "specialname"), (0x400, 0x400, "rtspecialname"),
]

PARAM_FLAGS = [(0x1, 0x1, "[in]"), (0x2, 0x2, "[out]"), (0x10, 0x10, "[opt]")]

GENERIC_PARAM_VARIANCE = {0x1: "+", 0x2: "-"}        # flags & 0x3, written before the name
GENERIC_PARAM_FLAGS = [(0x4, 0x4, "class"), (0x8, 0x8, "valuetype"), (0x10, 0x10, ".ctor")]

PINVOKE_FLAGS = [
    (0x1, 0x1, "nomangle"), (0x6, 0x2, "ansi"), (0x6, 0x4, "unicode"), (0x6, 0x6, "autochar"),
    (0x40, 0x40, "lasterr"), (0x700, 0x100, "winapi"), (0x700, 0x200, "cdecl"), (0x700, 0x300, "stdcall"),
    (0x700, 0x400, "thiscall"), (0x700, 0x500, "fastcall"),
]

# MethodSemantics (II.23.1.12): which accessor a method is for a property or an event.
SEMANTICS = [(0x2, ".get"), (0x1, ".set"), (0x8, ".addon"), (0x10, ".removeon"), (0x20, ".fire"), (0x4, ".other")]

NO_FLAGS = {1: "typecheck", 2: "rangecheck", 4: "nullcheck"}       # the operand of `no.`

CONSTANT_FORMATS = {        # element type -> (struct format, ilasm type keyword)
    sig.E.BOOLEAN: ("<?", "bool"), sig.E.CHAR: ("<H", "char"), sig.E.I1: ("<b", "int8"),
    sig.E.U1: ("<B", "uint8"), sig.E.I2: ("<h", "int16"), sig.E.U2: ("<H", "uint16"),
    sig.E.I4: ("<i", "int32"), sig.E.U4: ("<I", "uint32"), sig.E.I8: ("<q", "int64"),
    sig.E.U8: ("<Q", "uint64"), sig.E.R4: ("<f", "float32"), sig.E.R8: ("<d", "float64"),
}


def flag_words(flags: int, table) -> str:
    return " ".join(word for mask, value, word in table if flags & mask == value)


def label(offset: int) -> str:
    return f"IL_{offset:04x}"


# -- instruction operands -------------------------------------------------------------------------------
class OperandFormatter:
    """Turns one decoded instruction's operand into text, resolving tokens through `type_names`."""

    def __init__(self, module):
        self.module = module
        self.names = tn.names(module)
        self._by_kind = {
            K.NONE: None,
            K.VAR8: str, K.VAR16: str, K.I32: str, K.I64: str,
            K.R4: lambda v: tn.format_float(v, True),
            K.R8: lambda v: tn.format_float(v, False),
            K.BRANCH8: label, K.BRANCH32: label,
            K.SWITCH: lambda targets: "(" + ", ".join(label(t) for t in targets) + ")",
        }

    def operand(self, ins, ctx) -> str:
        """The operand text of `ins` ('' for none). Raises ClrpyError for tokens that name nothing."""
        op = ins.opcode
        kind = op.operand
        if kind in self._by_kind:
            f = self._by_kind[kind]
            return f(ins.operand) if f is not None else ""
        if kind is K.I8:
            return self._short_int(op.name, ins.operand)
        token = ins.operand
        if kind is K.STRING:
            if token >> 24 != TOKEN_USER_STRING:
                raise BadImageError(f"ldstr operand 0x{token:08x} is not a user-string token")
            return self.names.token(token)
        if kind is K.TOKEN:
            prefix = ""
            if token >> 24 in (T.MethodDef, T.MethodSpec):
                prefix = "method "
            elif token >> 24 == T.Field:
                prefix = "field "
            elif token >> 24 == T.MemberRef and self.module.token_in_range(token):
                prefix = "field " if self.names.is_field_token(token) else "method "
            return prefix + self.names.token(token, ctx)
        return self.names.token(token, ctx)

    @staticmethod
    def _short_int(name, value):
        if name == "no.":
            words = [w for bit, w in NO_FLAGS.items() if value & bit]
            rest = value & ~0x7
            return " ".join(words + ([f"0x{rest:02x}"] if rest or not words else []))
        return str(value)


# -- exception-handling regions ------------------------------------------------------------------------------
class _Region:
    __slots__ = ("start", "end", "clause", "rank", "open", "close")

    def __init__(self, start, end, clause, rank, open_text, close_text):
        self.start, self.end, self.clause, self.rank = start, end, clause, rank
        self.open, self.close = open_text, close_text


def _handler_head(clause, index, type_name):
    if clause.kind == ClauseKind.EXCEPTION:
        return f"catch {type_name} {{  // {index}"
    if clause.kind == ClauseKind.FINALLY:
        return f"finally {{  // {index}"
    if clause.kind == ClauseKind.FAULT:
        return f"fault {{  // {index}"
    return f"{{  // {index}: handler of the filter"


def eh_layout(clauses, catch_names, boundaries, code_size):
    """Where the EH blocks open and close: {offset: [("open" | "close", text)]}, or None when the
    clauses cannot print as nested blocks (overlapping, or not on instruction boundaries)."""
    regions = []
    tries = {}
    for i, c in enumerate(clauses):
        key = (c.try_offset, c.try_end)
        if key in tries:
            tries[key].open += f", {i}"
        else:
            tries[key] = _Region(c.try_offset, c.try_end, i, 1, f".try {{  // {i}", f"}}  // end .try {i}")
            regions.append(tries[key])
        regions.append(_Region(c.handler_offset, c.handler_end, i, 0, _handler_head(c, i, catch_names[i]),
                               f"}}  // end handler {i}"))
        if c.kind == ClauseKind.FILTER:
            regions.append(_Region(c.filter_offset, c.handler_offset, i, 0, f"filter {{  // {i}",
                                   f"}}  // end filter {i}"))
    for r in regions:
        if r.start >= r.end or r.start not in boundaries or (r.end not in boundaries and r.end != code_size):
            return None
    # Outer blocks first; of blocks with the same range, the later clause is the outer one (clauses
    # are listed innermost first), and a handler encloses a try that covers exactly the same code.
    regions.sort(key=lambda r: (r.start, -r.end, -r.clause, r.rank))
    events = {}
    stack = []
    for r in regions:
        while stack and stack[-1].end <= r.start:
            done = stack.pop()
            events.setdefault(done.end, []).append(("close", done.close))
        if stack and r.end > stack[-1].end:
            return None
        events.setdefault(r.start, []).append(("open", r.open))
        stack.append(r)
    while stack:
        done = stack.pop()
        events.setdefault(done.end, []).append(("close", done.close))
    return events


def eh_label_form(clause, catch_name):
    """One clause in ilasm's label form: `.try IL_a to IL_b catch T handler IL_c to IL_d`."""
    head = f".try {label(clause.try_offset)} to {label(clause.try_end)}"
    handler = f"handler {label(clause.handler_offset)} to {label(clause.handler_end)}"
    if clause.kind == ClauseKind.EXCEPTION:
        return f"{head} catch {catch_name} {handler}"
    if clause.kind == ClauseKind.FILTER:
        return f"{head} filter {label(clause.filter_offset)} {handler}"
    return f"{head} {'finally' if clause.kind == ClauseKind.FINALLY else 'fault'} {handler}"


# -- the disassembler -----------------------------------------------------------------------------------------
class Disassembler:
    """Writes the listing of one module. `errors` counts the methods whose bodies had errors."""

    def __init__(self, module, out):
        self.module = module
        self.out = out
        self.names = tn.names(module)
        self.operands = OperandFormatter(module)
        self.errors = 0
        entry = module.entry_point_token or 0
        self.entry_point = entry & 0xFFFFFF if entry >> 24 == T.MethodDef else 0

    # -- whole module ------------------------------------------------------------------------------------
    def run(self, type_filter=None, method_filter=None) -> int:
        m = self.module
        type_rids, method_name = self._select(type_filter, method_filter)
        if type_filter is None and method_filter is None:
            try:
                self.manifest()
            except ClrpyError as e:
                self.errors += 1
                self.write(f"// ERROR: manifest: {e}\n\n")
        matched = 0
        for rid in type_rids:
            methods = m.methods_of(rid)
            if method_name is not None:
                methods = [r for r in methods if m.tables[T.MethodDef][r].name == method_name]
                if not methods:
                    continue
            elif rid == 1 and not len(methods) and not len(m.fields_of(rid)):
                continue        # an empty <Module> type
            matched += 1
            try:
                self.type_definition(rid, methods, full=method_name is None)
            except ClrpyError as e:
                # The type's own rows are unreadable; say so and go on with the next type.
                self.errors += 1
                self.write(f"// ERROR: type 0x{(T.TypeDef << 24) | rid:08x}: {e}\n\n")
        if not matched and (type_filter is not None or method_filter is not None):
            what = f"method '{method_filter}'" if method_filter else f"type '{type_filter}'"
            raise NothingMatchedError(f"no {what} in {m.path or 'the module'}")
        return self.errors

    def _select(self, type_filter, method_filter):
        """The TypeDef rids to list and the method name to keep (None: all methods)."""
        m = self.module
        method_name = None
        if method_filter is not None:
            type_part, sep, method_name = method_filter.rpartition("::")
            if sep:
                if type_filter is not None and type_filter != type_part:
                    raise NothingMatchedError(f"--type '{type_filter}' and --method '{method_filter}' disagree")
                type_filter = type_part
        count = m.tables[T.TypeDef].num_rows
        if type_filter is None:
            return range(1, count + 1), method_name
        wanted = type_filter.replace("+", "/")
        rid = m.find_type_by_name(wanted)
        if rid:
            return [rid], method_name
        # Fall back to comparing full names (types the name index does not hold, e.g. duplicates).
        return [r for r in range(1, count + 1) if m.typedef_name(r) == wanted], method_name

    def write(self, text):
        self.out.write(text)

    # -- the manifest ------------------------------------------------------------------------------------
    def manifest(self):
        m = self.module
        lines = [f"// clrpy disassembly of {m.path}" if m.path else "// clrpy disassembly"]
        for rid in range(1, m.tables[T.AssemblyRef].num_rows + 1):
            ref = m.assembly_ref(rid)
            lines.append(f".assembly extern {tn.quote_dotted(ref.name)}")
            lines.append("{")
            lines.append(f"  .ver {':'.join(str(v) for v in ref.version)}")
            if ref.public_key_token:
                lines.append(f"  .publickeytoken = ({_hex_bytes(ref.public_key_token)})")
            if ref.culture:
                lines.append(f"  .culture {tn.quote_string(ref.culture)}")
            lines.append("}")
        asm = m.assembly_name
        if asm is not None:
            row = m.tables[T.Assembly][1]
            lines.append(f".assembly {tn.quote_dotted(asm.name)}")
            lines.append("{")
            lines.append(f"  .hash algorithm 0x{row.hash_alg_id:08x}")
            lines.append(f"  .ver {':'.join(str(v) for v in asm.version)}")
            if asm.public_key_token:
                lines.append(f"  // public key token: {asm.public_key_token.hex()}")
            if asm.culture:
                lines.append(f"  .culture {tn.quote_string(asm.culture)}")
            lines.append("}")
        for rid in range(1, m.tables[T.ModuleRef].num_rows + 1):
            lines.append(f".module extern {tn.quote_dotted(m.tables[T.ModuleRef][rid].name)}")
        if m.tables[T.Module].num_rows:
            mod = m.tables[T.Module][1]
            lines.append(f".module {tn.quote_dotted(mod.name)}  // MVID {{{str(mod.mvid).upper()}}}")
        entry = m.entry_point_token
        if entry:
            lines.append(f"// entry point: {self._entry_point_text(entry)}")
        lines.append("")
        self.write("\n".join(lines) + "\n")

    def _entry_point_text(self, token):
        try:
            if token >> 24 == T.MethodDef:
                return self.names.token(token)
            if token >> 24 == T.File and self.module.token_in_range(token):
                return f"in file {self.module.tables[T.File][token & 0xFFFFFF].name}"
        except ClrpyError as e:
            return f"0x{token:08x} (ERROR: {e})"
        return f"0x{token:08x} (not a method)"

    # -- types --------------------------------------------------------------------------------------------
    def type_definition(self, rid, methods, full=True):
        m = self.module
        n = self.names
        row = m.tables[T.TypeDef][rid]
        ctx = tn.type_context(m, rid)
        owner_token = (T.TypeDef << 24) | rid
        head = f".class {flag_words(row.flags, TYPE_FLAGS)} {n.typedef(rid)}{self._generic_params(owner_token, ctx)}"
        lines = [head]
        if not row.extends.is_nil:
            lines.append(f"       extends {n.type_token(row.extends, ctx)}")
        interfaces = [n.type_token(i, ctx) for i in m.interfaces_of(rid)]
        if interfaces:
            lines.append("       implements " + ",\n                  ".join(interfaces))
        lines.append("{")
        if full:
            layout = m.class_layout(rid)
            if layout is not None:
                lines.append(f"  .pack {layout.packing_size}")
                lines.append(f"  .size {layout.class_size}")
            for frid in m.fields_of(rid):
                lines.append("  " + self._guard(self.field_line, frid, ctx,
                                                what=f"field 0x{(T.Field << 24) | frid:08x}"))
        self.write("\n".join(lines) + "\n")
        for mrid in methods:
            self.method(mrid)
        lines = []
        if full:
            lines.extend(self._guard(self._properties, rid, ctx, what="properties", many=True))
            lines.extend(self._guard(self._events, rid, ctx, what="events", many=True))
        lines.append(f"}}  // end of class {n.typedef(rid)}")
        lines.append("")
        self.write("\n".join(lines) + "\n")

    def _guard(self, f, *args, what, many=False):
        """f(*args), or an ERROR line (counted) when the rows it reads are corrupt."""
        try:
            return f(*args)
        except ClrpyError as e:
            self.errors += 1
            line = f"// ERROR: {what}: {e}"
            return ["  " + line] if many else line

    def _generic_params(self, owner_token, ctx):
        m = self.module
        params = m.generic_params(owner_token)
        if not params:
            return ""
        parts = []
        for p in params:
            variance = GENERIC_PARAM_VARIANCE.get(p.flags & 0x3, "")
            words = [w for mask, value, w in GENERIC_PARAM_FLAGS if p.flags & mask == value]
            constraints = [self.names.type_token(c.constraint, ctx) for c in m.generic_param_constraints(p.rid)]
            if constraints:
                words.append("(" + ", ".join(constraints) + ")")
            words.append(variance + tn.quote_id(p.name))
            parts.append(" ".join(words))
        return "<" + ", ".join(parts) + ">"

    def field_line(self, rid, ctx):
        m = self.module
        row = m.tables[T.Field][rid]
        offset = m.field_layout(rid)
        text = ".field "
        if offset is not None:
            text += f"[{offset}] "
        text += f"{flag_words(row.flags, FIELD_FLAGS)} {self.names.type(m.field_sig(rid).type, ctx)} "
        text += tn.quote_dotted(row.name)
        const = m.constant((T.Field << 24) | rid)
        if const is not None:
            text += " = " + format_constant(const.type, const.value)
        rva = m.field_rva(rid)
        if rva is not None:
            text += f"  // at RVA 0x{rva:x}"
        return text

    def _properties(self, rid, ctx):
        m = self.module
        lines = []
        for prid in m.properties_of(rid):
            row = m.tables[T.Property][prid]
            ps = m.property_sig(prid)
            inst = "instance " if ps.has_this else ""
            params = ", ".join(self.names.type(p, ctx) for p in ps.params)
            lines.append(f"  .property {inst}{self.names.type(ps.type, ctx)} {tn.quote_dotted(row.name)}({params})")
            lines.extend(self._accessors((T.Property << 24) | prid))
        return lines

    def _events(self, rid, ctx):
        m = self.module
        lines = []
        for erid in m.events_of(rid):
            row = m.tables[T.Event][erid]
            handler = self.names.type_token(row.event_type, ctx) if not row.event_type.is_nil else "?"
            lines.append(f"  .event {handler} {tn.quote_dotted(row.name)}")
            lines.extend(self._accessors((T.Event << 24) | erid))
        return lines

    def _accessors(self, token):
        lines = ["  {"]
        for s in self.module.semantics_of(token):
            kind = next((word for bit, word in SEMANTICS if s.semantics & bit), ".other")
            lines.append(f"    {kind} {self.names.token((T.MethodDef << 24) | s.method)}")
        lines.append("  }")
        return lines

    # -- methods ------------------------------------------------------------------------------------------
    def method(self, rid):
        m = self.module
        try:
            ctx = tn.method_context(m, rid)
            header = self.method_header(rid, ctx)
            name = tn.method_display_name(m, rid, with_signature=False)
        except ClrpyError as e:
            self.errors += 1
            self.write(f"{INDENT}.method 0x{(T.MethodDef << 24) | rid:08x}  // ERROR: {e}\n{INDENT}{{\n{INDENT}}}\n\n")
            return
        lines = [INDENT + header, INDENT + "{"]
        if rid == self.entry_point:
            lines.append(INDENT * 2 + ".entrypoint")
        self.write("\n".join(lines) + "\n")
        if m.tables[T.MethodDef].raw(rid)[0]:
            if not format_method_body(m, rid, self.out, INDENT * 2, ctx, self.operands):
                self.errors += 1
        self.write(f"{INDENT}}}  // end of method {name}\n\n")

    def method_header(self, rid, ctx) -> str:
        """`.method public hidebysig static void Main(string[] args) cil managed`."""
        m = self.module
        n = self.names
        row = m.tables[T.MethodDef][rid]
        s = m.method_sig(rid)
        words = [".method", flag_words(row.flags, METHOD_FLAGS)]
        if row.flags & 0x2000:
            words.append(self._pinvoke((T.MethodDef << 24) | rid))
        params = {}
        for prid in m.params_of(rid):
            p = m.tables[T.Param][prid]
            params[p.sequence] = p
        texts = []
        for i, t in enumerate(s.params, 1):
            text = n.type(t, ctx)
            p = params.get(i)
            if p is not None:
                attrs = flag_words(p.flags, PARAM_FLAGS)
                if attrs:
                    text = attrs + " " + text
                if p.name:
                    text += " " + tn.quote_id(p.name)
            texts.append(text)
        if s.is_vararg:
            texts.append("...")
        generics = self._generic_params((T.MethodDef << 24) | rid, ctx)
        words.append(f"{n.call_conv(s)}{n.type(s.ret, ctx)} {tn.quote_dotted(row.name)}{generics}"
                     f"({', '.join(texts)})")
        words.append(flag_words(row.impl_flags, METHOD_IMPL_FLAGS))
        return " ".join(w for w in words if w)

    def _pinvoke(self, token):
        m = self.module
        im = m.impl_map(token)
        if im is None:
            return "pinvokeimpl()"
        lib = ""
        if 1 <= im.import_scope <= m.tables[T.ModuleRef].num_rows:
            lib = m.tables[T.ModuleRef][im.import_scope].name
        return (f"pinvokeimpl({tn.quote_string(lib)} as {tn.quote_string(im.import_name)} "
                f"{flag_words(im.mapping_flags, PINVOKE_FLAGS)})")


# -- one method body ---------------------------------------------------------------------------------------
def decode_partial(code: bytes):
    """Decode as much of `code` as is valid: (instructions, ILDecodeError or None)."""
    try:
        return decode(code), None
    except ILDecodeError as e:
        # Decoding is sequential, so the bytes before the bad instruction decode on their own.
        try:
            return decode(code[:e.offset]), e
        except ILDecodeError:
            return [], e


def format_method_body(module, method_rid, out, indent="    ", ctx=None, operands=None) -> bool:
    """Write the body of one method (`.maxstack`, locals, instructions, EH blocks) to `out`.

    Returns True when the body was listed without errors; otherwise the listing ends with a
    `// ERROR: ...` line (after whatever could be decoded) and False is returned.
    """
    if ctx is None:
        ctx = tn.method_context(module, method_rid)
    if operands is None:
        operands = OperandFormatter(module)
    names = operands.names
    lines = []
    emit = lines.append
    ok = True
    try:
        body = module.method_body(method_rid)
    except ClrpyError as e:
        out.write(f"{indent}// ERROR: {e}\n")
        return False
    if body is None:
        return True
    emit(f"{indent}// code size {len(body.code)} (0x{len(body.code):x})")
    emit(f"{indent}.maxstack {body.max_stack}")
    try:
        local_types = module.local_var_sig(method_rid).locals
    except ClrpyError as e:
        emit(f"{indent}// ERROR: locals: {e}")
        local_types, ok = (), False
    if local_types:
        init = " init" if body.init_locals else ""
        try:
            texts = [f"{indent}    [{i}] {names.type(t, ctx)} V_{i}" for i, t in enumerate(local_types)]
        except ClrpyError as e:
            texts, ok = [f"{indent}    // ERROR: {e}"], False
        emit(f"{indent}.locals{init} (\n" + ",\n".join(texts) + ")")

    code = body.code
    instructions, decode_error = decode_partial(code)
    boundaries = {ins.offset for ins in instructions}
    catch_names = []
    for c in body.clauses:
        name = ""
        if c.kind == ClauseKind.EXCEPTION:
            try:
                name = names.type_token(c.class_token, ctx)
            except ClrpyError as e:
                name = f"0x{c.class_token:08x} /* ERROR: {e} */"
                ok = False
        catch_names.append(name)
    events = None
    if body.clauses and decode_error is None:
        events = eh_layout(body.clauses, catch_names, boundaries, len(code))
    events = events or {}
    depth = indent
    operand_of = operands.operand
    for ins in instructions:
        ev = events.get(ins.offset)
        if ev:
            depth = _apply_events(ev, depth, emit)
        try:
            text = operand_of(ins, ctx)
        except ClrpyError as e:
            text = f"0x{ins.operand:08x}  // ERROR: {e}" if isinstance(ins.operand, int) else f"// ERROR: {e}"
            ok = False
        if text:
            emit(f"{depth}IL_{ins.offset:04x}:  {ins.opcode.name} {text}{_target_note(ins, boundaries, len(code))}")
        else:
            emit(f"{depth}IL_{ins.offset:04x}:  {ins.opcode.name}")
    ev = events.get(len(code))
    if ev:
        depth = _apply_events(ev, depth, emit)
    if decode_error is not None:
        emit(f"{indent}// ERROR: IL offset 0x{decode_error.offset:04x}: {_decode_message(decode_error)}")
        ok = False
    if body.clauses and not events:
        for c, name in zip(body.clauses, catch_names):
            emit(f"{indent}{eh_label_form(c, name)}")
        bad = [i for i, c in enumerate(body.clauses)
               if c.try_end > len(code) or c.handler_end > len(code) or c.filter_offset > len(code)]
        if bad:
            emit(f"{indent}// ERROR: exception clause {bad[0]} reaches past the end of the "
                 f"{len(code)}-byte body")
            ok = False
        elif decode_error is None:
            emit(f"{indent}// note: the exception clauses do not nest as blocks; listed in label form")
    out.write("\n".join(lines) + "\n")
    return ok


def _apply_events(events, depth, emit):
    for kind, text in events:
        if kind == "close":
            depth = depth[:-len(INDENT)]
            emit(depth + text)
        else:
            emit(depth + text)
            depth += INDENT
    return depth


def _target_note(ins, boundaries, code_size):
    """A comment for branch targets that are not instructions of this body."""
    if not ins.opcode.is_branch:
        return ""
    bad = [t for t in ins.branch_targets() if t not in boundaries]
    if not bad:
        return ""
    return "  // target " + ", ".join(label(t) for t in bad) + " is not an instruction of this body"


def _decode_message(e: ILDecodeError) -> str:
    text = str(e)
    marker = f"IL offset 0x{e.offset:04x}: "
    return text.split(marker, 1)[-1]


def method_instructions(module, method_rid, ctx=None, operands=None):
    """The instructions of a body as (offset, opcode name, operand text) triples, formatted exactly as
    the listing prints them, plus the decode error (or None). For tools and tests."""
    if ctx is None:
        ctx = tn.method_context(module, method_rid)
    if operands is None:
        operands = OperandFormatter(module)
    body = module.method_body(method_rid)
    if body is None:
        return [], None
    instructions, error = decode_partial(body.code)
    return [(ins.offset, ins.opcode.name, operands.operand(ins, ctx)) for ins in instructions], error


def format_constant(element_type: int, value: bytes) -> str:
    """A Constant row's value in ilasm syntax: `int32(5)`, `"text"`, `nullref`, `float64(0.5)`."""
    if element_type == sig.E.STRING:
        if len(value) % 2:
            raise BadImageError(f"string constant has an odd number of bytes ({len(value)})")
        return tn.quote_string(value.decode("utf-16-le", errors="surrogatepass"))
    if element_type == sig.E.CLASS:
        return "nullref"
    fmt = CONSTANT_FORMATS.get(element_type)
    if fmt is None:
        raise BadImageError(f"constant of element type 0x{element_type:02x}")
    code, keyword = fmt
    size = struct.calcsize(code)
    if len(value) < size:
        raise BadImageError(f"{keyword} constant has {len(value)} bytes, not {size}")
    (v,) = struct.unpack_from(code, value)
    if element_type == sig.E.BOOLEAN:
        return f"bool({'true' if v else 'false'})"
    if element_type == sig.E.CHAR:
        return f"char(0x{v:04x})"
    if element_type in (sig.E.R4, sig.E.R8):
        return f"{keyword}({tn.format_float(v, element_type == sig.E.R4)})"
    return f"{keyword}({v})"


def _hex_bytes(data: bytes) -> str:
    return " ".join(f"{b:02X}" for b in data)


def disassemble(module, out, type_filter=None, method_filter=None) -> int:
    """Write the listing of `module` to `out` (a text stream); return the number of methods whose
    listing has errors (plus any other definitions that could not be listed, each with an ERROR
    line: a field, a type's properties, a type header, the manifest). `type_filter` is a full type name (`Ns.Name`, `Ns.Outer/Inner`);
    `method_filter` a method name or `Type::Method`. Raises NothingMatchedError when a filter
    selects nothing, and BadImageError when the type or method tables themselves are unreadable."""
    return Disassembler(module, out).run(type_filter, method_filter)
