"""Names of types, members and tokens in ilasm syntax (ECMA-335 Partition II grammar).

The disassembler prints every operand through these functions, and other layers (error messages,
the JIT's listings) reuse them, so a type reads the same everywhere:

    int32, string[], !0, !!T, uint8*, valuetype [mscorlib]System.Int32&,
    class [mscorlib]System.Collections.Generic.List`1<!0>,
    instance void class Outer`1<int32>::Get<string>(!!0, !0),
    int32 Ns.Point::X

Conventions (those of ildasm, which ilasm reads back):
* A TypeDef or TypeRef *token* (the operand of box, newarr, ...) prints as a bare name with its
  resolution scope (`[mscorlib]System.Int32`); a TypeSpec prints as a full type
  (`valuetype [mscorlib]System.Nullable`1<int32>`). In signatures a named type is always
  preceded by `class` or `valuetype`.
* A member's owner prints the same way: bare for TypeDef/TypeRef owners, a full type for TypeSpec.
* Generic parameters print as `!n` / `!!n`, or by name when a `GenericContext` supplies names (the
  context of the method being listed). A member reference's own signature is in the context of its
  declaring type, not of the caller, so it always uses numbers.
* Identifiers that are not plain ilasm identifiers, or are ilasm keywords, are single-quoted.

Names are cached per module (the same tokens recur thousands of times in a large assembly); the
caches live in a `Names` object kept in a weak dictionary keyed by the module. Corrupt metadata
raises BadImageError, including reference cycles (a TypeSpec naming itself).
"""
import re
import struct
from dataclasses import dataclass

from ..errors import BadImageError
from .schema import TableId, TOKEN_USER_STRING
from . import signatures as sig

T = TableId
E = sig.ElementType
CC = sig.CallingConvention

MAX_NAME_DEPTH = 32     # TypeSpecs and nested TypeRefs referring to each other

PRIMITIVE_NAMES = {
    E.VOID: "void", E.BOOLEAN: "bool", E.CHAR: "char", E.I1: "int8", E.U1: "uint8", E.I2: "int16",
    E.U2: "uint16", E.I4: "int32", E.U4: "uint32", E.I8: "int64", E.U8: "uint64", E.R4: "float32",
    E.R8: "float64", E.STRING: "string", E.TYPEDBYREF: "typedref", E.I: "native int",
    E.U: "native uint", E.OBJECT: "object",
}

# The System types that ilasm spells with a keyword (System.Int32 is int32, ...).
SYSTEM_TYPE_KEYWORDS = {
    "System.Void": "void", "System.Boolean": "bool", "System.Char": "char", "System.SByte": "int8",
    "System.Byte": "uint8", "System.Int16": "int16", "System.UInt16": "uint16", "System.Int32": "int32",
    "System.UInt32": "uint32", "System.Int64": "int64", "System.UInt64": "uint64",
    "System.Single": "float32", "System.Double": "float64", "System.String": "string",
    "System.TypedReference": "typedref", "System.IntPtr": "native int", "System.UIntPtr": "native uint",
    "System.Object": "object",
}

# Calling-convention kinds, as ilasm writes them before the return type.
CALL_KIND_NAMES = {
    CC.DEFAULT: "", CC.C: "unmanaged cdecl ", CC.STDCALL: "unmanaged stdcall ",
    CC.THISCALL: "unmanaged thiscall ", CC.FASTCALL: "unmanaged fastcall ", CC.VARARG: "vararg ",
    CC.NATIVEVARARG: "unmanaged vararg ",
}

# ilasm keywords that may also occur as identifiers in metadata; such names are quoted.
ILASM_KEYWORDS = frozenset("""
abstract algorithm alignment ansi any arglist array as assembly assert at auto autochar
beforefieldinit bestfit blob blob_object bool break bstr bytearray byvalstr call calli
callmostderived callvirt carray castclass catch cdecl ceq cf cgt char charmaperror cil ckfinite
class clsid clt const constrained conv cpblk cpobj currency custom date decimal default demand deny
div dup endfault endfilter endfinally endmac enum error explicit extends extern false famandassem
family famorassem fastcall fault field filetime filter final finally fixed float float32 float64
forwardref fromunmanaged handler hidebysig hresult idispatch il illegal implements import in
inheritcheck init initblk initobj initonly instance int int16 int32 int64 int8 interface
internalcall isinst iunknown jmp lasterr lcid ldarg ldarga ldc ldelem ldelema ldfld ldflda ldftn
ldind ldlen ldloc ldloca ldnull ldobj ldsfld ldsflda ldstr ldtoken ldvirtftn leave linkcheck literal
localloc lpstr lpstruct lptstr lpvoid lpwstr managed marshal method mkrefany modopt modreq mul native
neg nested newarr newobj newslot noappdomain noinlining nomachine nomangle nometadata noncasdemand
noncasinheritance noncaslinkdemand nop noprocess not not_in_gc_heap notremotable notserialized null
nullref object objectref opt optil or out permitonly pinned pinvokeimpl pop prejitdeny prejitgrant
preservesig private privatescope protected public readonly record refany refanytype refanyval rem
reqmin reqopt reqrefuse reqsecobj request ret rethrow retval rtspecialname runtime safearray sealed
sequential serializable shl shr sizeof special specialname starg static stdcall stelem stfld stind
stloc stobj storage stored_object stream streamed_object string struct stsfld sub switch synchronized
syschar sysstring tbstr thiscall tail throw to true typedref unaligned unbox unicode unmanaged
unmanagedexp unsigned unused userdefined value valuetype vararg variant vector virtual void volatile
wchar winapi with wrapper xor
""".split())

_ID = re.compile(r"[A-Za-z_$@`?][A-Za-z0-9_$@`?]*\Z")
_BARE_SPECIAL_NAMES = frozenset({".ctor", ".cctor"})


def quote_id(name: str) -> str:
    """One identifier, single-quoted unless it is a plain ilasm identifier and not a keyword."""
    if _ID.match(name) and name not in ILASM_KEYWORDS:
        return name
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"


def quote_dotted(name: str) -> str:
    """A dotted name (`System.Collections.Generic.List`1`, `System.IDisposable.Dispose`):
    bare when every part is a plain identifier, else quoted as a whole."""
    if name in _BARE_SPECIAL_NAMES:
        return name
    parts = name.split(".")
    if all(_ID.match(p) and p not in ILASM_KEYWORDS for p in parts):
        return name
    return quote_id(name)


@dataclass(frozen=True, slots=True)
class GenericContext:
    """Names of the generic parameters in scope: the type's (`!n`) and the method's (`!!n`)."""
    type_params: tuple = ()
    method_params: tuple = ()

    def type_param(self, n: int) -> str:
        return _param_name(self.type_params, n, "!")

    def method_param(self, n: int) -> str:
        return _param_name(self.method_params, n, "!!")


def _param_name(names, n, prefix):
    if n < len(names):
        name = names[n]
        if _ID.match(name) and name not in ILASM_KEYWORDS and names.count(name) == 1:
            return prefix + name
    return f"{prefix}{n}"


NO_CONTEXT = GenericContext()


def generic_param_names(module, owner_token: int) -> tuple:
    return tuple(row.name for row in module.generic_params(owner_token))


def type_context(module, typedef_rid: int) -> GenericContext:
    """The generic context inside a type definition (its own parameters, by name)."""
    return GenericContext(generic_param_names(module, (T.TypeDef << 24) | typedef_rid))


def method_context(module, method_rid: int) -> GenericContext:
    """The generic context inside a method definition: its type's parameters and its own."""
    owner = module.owner_of_method(method_rid)
    tparams = generic_param_names(module, (T.TypeDef << 24) | owner) if owner else ()
    return GenericContext(tparams, generic_param_names(module, (T.MethodDef << 24) | method_rid))


# -- the per-module formatter ---------------------------------------------------------------------------
class Names:
    """Formats the names of one module's types and members, caching by token."""

    def __init__(self, module):
        self.module = module
        self._typedef = {}
        self._typeref = {}
        self._scope = {}
        self._token = {}
        self._depth = 0

    # -- type definitions and references -------------------------------------------------------------
    def typedef(self, rid: int) -> str:
        """`Ns.Outer/Inner`, quoted as ilasm needs."""
        s = self._typedef.get(rid)
        if s is None:
            m = self.module
            row = m.tables[T.TypeDef][rid]
            s = quote_dotted(_join(row.type_namespace, row.type_name))
            outer, depth = m.enclosing_type(rid), 0
            while outer and depth < MAX_NAME_DEPTH:
                o = m.tables[T.TypeDef][outer]
                # A nested type's namespace is normally empty; print it if a compiler set one.
                s = quote_dotted(_join(o.type_namespace, o.type_name)) + "/" + s
                outer, depth = m.enclosing_type(outer), depth + 1
            if outer:
                raise BadImageError(f"type definition {rid} is nested more than {MAX_NAME_DEPTH} deep "
                                    "(a NestedClass cycle?)", where="table NestedClass")
            self._typedef[rid] = s
        return s

    def typeref(self, rid: int) -> str:
        """`[scope]Ns.Outer/Inner`."""
        s = self._typeref.get(rid)
        if s is None:
            m = self.module
            row = m.tables[T.TypeRef][rid]
            s = quote_dotted(_join(row.type_namespace, row.type_name))
            scope, depth = row.resolution_scope, 0
            while scope.table == T.TypeRef and not scope.is_nil:
                if depth >= MAX_NAME_DEPTH:
                    raise BadImageError(f"type reference {rid} is nested more than {MAX_NAME_DEPTH} deep "
                                        "(a resolution-scope cycle?)", where="table TypeRef")
                o = m.tables[T.TypeRef][scope.rid]
                s = quote_dotted(_join(o.type_namespace, o.type_name)) + "/" + s
                scope, depth = o.resolution_scope, depth + 1
            s = self.scope(scope) + s
            self._typeref[rid] = s
        return s

    def scope(self, token) -> str:
        """The `[assembly]` or `[.module name]` prefix of a resolution scope ('' for this module)."""
        s = self._scope.get(token)
        if s is None:
            m = self.module
            if token.is_nil or token.table == T.Module:
                s = ""
            elif token.table == T.AssemblyRef:
                s = "[" + quote_dotted(m.tables[T.AssemblyRef][token.rid].name) + "]"
            elif token.table == T.ModuleRef:
                s = "[.module " + quote_dotted(m.tables[T.ModuleRef][token.rid].name) + "]"
            else:
                raise BadImageError(f"token {token} is not a resolution scope")
            self._scope[token] = s
        return s

    def type_token(self, token: int, ctx: GenericContext = NO_CONTEXT) -> str:
        """A TypeDef, TypeRef (bare name) or TypeSpec (full type) token."""
        table, rid = token >> 24, token & 0xFFFFFF
        if table == T.TypeDef:
            return self.typedef(rid)
        if table == T.TypeRef:
            return self.typeref(rid)
        if table == T.TypeSpec:
            return self._guarded(self.type, self.module.type_spec(rid), ctx)
        raise BadImageError(f"token 0x{token:08x} is not a type token")

    def _guarded(self, f, *args):
        # TypeSpecs and member parents may refer to each other; corrupt metadata could make a cycle.
        if self._depth > MAX_NAME_DEPTH:
            raise BadImageError(f"type names refer to each other more than {MAX_NAME_DEPTH} deep (a cycle?)")
        self._depth += 1
        try:
            return f(*args)
        finally:
            self._depth -= 1

    # -- signature types ----------------------------------------------------------------------------
    def type(self, t: sig.SigType, ctx: GenericContext = NO_CONTEXT) -> str:
        cls = type(t)
        if cls is sig.PrimitiveType:
            return PRIMITIVE_NAMES[t.element_type]
        if cls is sig.NamedType:
            return ("valuetype " if t.is_value_type else "class ") + self.type_token(t.token, ctx)
        if cls is sig.SzArrayType:
            return self.type(t.element, ctx) + "[]"
        if cls is sig.GenericParamType:
            return ctx.method_param(t.number) if t.is_method else ctx.type_param(t.number)
        if cls is sig.GenericInstType:
            args = ",".join(self.type(a, ctx) for a in t.args)
            return self.type(t.generic, ctx) + "<" + args + ">"
        if cls is sig.ByRefType:
            return self.type(t.element, ctx) + "&"
        if cls is sig.PointerType:
            return self.type(t.element, ctx) + "*"
        if cls is sig.ArrayType:
            return self.type(t.element, ctx) + "[" + ",".join(_dimensions(t)) + "]"
        if cls is sig.ModifiedType:
            kind = "modreq" if t.required else "modopt"
            return f"{self.type(t.element, ctx)} {kind}({self.type_token(t.modifier, ctx)})"
        if cls is sig.PinnedType:
            return self.type(t.element, ctx) + " pinned"
        if cls is sig.FnPtrType:
            m = t.method
            return f"method {self.call_conv(m)}{self.type(m.ret, ctx)} *({self.params(m, ctx)})"
        raise BadImageError(f"cannot name signature node {t!r}")

    def call_conv(self, m: sig.MethodSig) -> str:
        """`instance `, `instance explicit `, `vararg `, `unmanaged cdecl ` ... (with a trailing space)."""
        s = ""
        if m.has_this:
            s = "instance explicit " if m.explicit_this else "instance "
        kind = CALL_KIND_NAMES.get(m.kind)
        if kind is None:
            kind = f"/* calling convention 0x{m.kind:x} */ "
        return s + kind

    def params(self, m: sig.MethodSig, ctx: GenericContext = NO_CONTEXT) -> str:
        parts = [self.type(p, ctx) for p in m.params]
        if m.sentinel >= 0:
            parts.insert(m.sentinel, "...")
        return ", ".join(parts)

    def method_signature(self, m: sig.MethodSig, owner: str, name: str, ctx: GenericContext = NO_CONTEXT,
                         instantiation: str = "") -> str:
        """`instance void Owner::Name<inst>(int32, string)`; without an owner, `void Name(...)`."""
        if not instantiation and m.generic_param_count:
            instantiation = f"<[{m.generic_param_count}]>"
        target = f"{owner}::{name}" if owner else name
        return f"{self.call_conv(m)}{self.type(m.ret, ctx)} {target}{instantiation}({self.params(m, ctx)})"

    # -- members --------------------------------------------------------------------------------------
    def owner(self, token, ctx: GenericContext = NO_CONTEXT) -> str:
        """The class part of `Owner::Member` for a MemberRef parent or a definition's type."""
        table = token >> 24
        if table == T.TypeSpec:
            return self._guarded(self.type, self.module.type_spec(token & 0xFFFFFF), ctx)
        if table == T.ModuleRef:
            return self.scope(token)
        if table == T.MethodDef:
            # A vararg call site's MemberRef may name the MethodDef it calls.
            return self.typedef(self.module.owner_of_method(token & 0xFFFFFF) or _no_owner(token))
        return self.type_token(token, ctx)

    def methoddef(self, rid: int) -> str:
        m = self.module
        owner = m.owner_of_method(rid)
        return self.method_signature(m.method_sig(rid), self.typedef(owner) if owner else "",
                                     quote_dotted(m.tables[T.MethodDef][rid].name))

    def fielddef(self, rid: int) -> str:
        m = self.module
        owner = m.owner_of_field(rid)
        name = quote_dotted(m.tables[T.Field][rid].name)
        target = f"{self.typedef(owner)}::{name}" if owner else name
        return f"{self.type(m.field_sig(rid).type)} {target}"

    def memberref(self, rid: int, ctx: GenericContext = NO_CONTEXT, instantiation: str = "") -> str:
        m = self.module
        row = m.tables[T.MemberRef][rid]
        owner = self._guarded(self.owner, row.class_, ctx)
        name = quote_dotted(row.name)
        s = m.member_ref_sig(rid)
        if isinstance(s, sig.FieldSig):
            return f"{self.type(s.type)} {owner}::{name}"
        return self.method_signature(s, owner, name, instantiation=instantiation)

    def methodspec(self, rid: int, ctx: GenericContext = NO_CONTEXT) -> str:
        m = self.module
        row = m.tables[T.MethodSpec][rid]
        inst = "<" + ",".join(self.type(a, ctx) for a in m.method_spec_sig(rid).args) + ">"
        method = row.method
        if method.table == T.MemberRef:
            return self.memberref(method.rid, ctx, inst)
        if method.table == T.MethodDef:
            mrid = method.rid
            owner = m.owner_of_method(mrid)
            return self.method_signature(m.method_sig(mrid), self.typedef(owner) if owner else "",
                                         quote_dotted(m.tables[T.MethodDef][mrid].name), instantiation=inst)
        raise BadImageError(f"MethodSpec {rid} instantiates token {method}, not a method")

    def is_field_token(self, token: int) -> bool:
        table = token >> 24
        if table == T.Field:
            return True
        return table == T.MemberRef and isinstance(self.module.member_ref_sig(token & 0xFFFFFF), sig.FieldSig)

    def token(self, token: int, ctx: GenericContext = NO_CONTEXT) -> str:
        """Any token an instruction may carry: a type, a method or field reference, a user string,
        or a standalone signature. Cached per (token, context)."""
        # Only TypeSpecs, MemberRefs (through their parent), MethodSpecs and calli signatures can
        # mention the caller's generic parameters; other tokens name the same thing in any context.
        key = (token, ctx) if (token >> 24) in _CONTEXT_TABLES else token
        s = self._token.get(key)
        if s is None:
            s = self._token_uncached(token, ctx)
            self._token[key] = s
        return s

    def _token_uncached(self, token: int, ctx: GenericContext) -> str:
        m = self.module
        table, rid = token >> 24, token & 0xFFFFFF
        if table == TOKEN_USER_STRING:
            return quote_string(m.user_string(token))
        if not m.token_in_range(token):
            raise BadImageError(f"token 0x{token:08x} is out of range")
        if table in (T.TypeDef, T.TypeRef, T.TypeSpec):
            return self.type_token(token, ctx)
        if table == T.MethodDef:
            return self.methoddef(rid)
        if table == T.Field:
            return self.fielddef(rid)
        if table == T.MemberRef:
            return self.memberref(rid, ctx)
        if table == T.MethodSpec:
            return self.methodspec(rid, ctx)
        if table == T.StandAloneSig:
            s = m.standalone_sig(rid)
            if not isinstance(s, sig.MethodSig):
                raise BadImageError(f"standalone signature {rid} is not a method signature")
            return self.standalone_method_sig(s, ctx)
        raise BadImageError(f"token 0x{token:08x} does not name a type, member, string or signature")

    def standalone_method_sig(self, m: sig.MethodSig, ctx: GenericContext = NO_CONTEXT) -> str:
        """A calli site's signature: `instance int32(string, ...)`. Its types are in the caller's context."""
        return f"{self.call_conv(m)}{self.type(m.ret, ctx)}({self.params(m, ctx)})"


_CONTEXT_TABLES = frozenset({T.TypeSpec, T.MemberRef, T.MethodSpec, T.StandAloneSig})


def _no_owner(token):
    raise BadImageError(f"method 0x{token:08x} has no owning type")


def _join(namespace: str, name: str) -> str:
    return f"{namespace}.{name}" if namespace else name


def _dimensions(t: sig.ArrayType):
    dims = []
    for i in range(t.rank):
        has_lo, has_size = i < len(t.lower_bounds), i < len(t.sizes)
        if has_lo and has_size:
            lo = t.lower_bounds[i]
            dims.append(f"{lo}...{lo + t.sizes[i] - 1}")
        elif has_lo:
            dims.append(f"{t.lower_bounds[i]}...")
        elif has_size:
            dims.append(str(t.sizes[i]))
        else:
            dims.append("")
    return dims


# -- literals ----------------------------------------------------------------------------------------------
_STRING_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote_string(s: str) -> str:
    """A string literal in double quotes: C escapes, and \\uXXXX for anything not printable ASCII."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    out = []
    for ch in s:
        e = _STRING_ESCAPES.get(ch)
        if e is not None:
            out.append(e)
        elif " " <= ch <= "~":
            out.append(ch)
        elif ord(ch) > 0xFFFF:
            units = ch.encode("utf-16-le")
            out.append("\\u%04x\\u%04x" % struct.unpack("<HH", units))
        else:
            out.append(f"\\u{ord(ch):04x}")
    return '"' + "".join(out) + '"'


def unquote_string(text: str) -> str:
    """The inverse of quote_string (for tests and tools that read listings back)."""
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a quoted string: {text!r}")
    body = text[1:-1]
    out = []
    i = 0
    reverse = {v[1]: k for k, v in _STRING_ESCAPES.items()}
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1:i + 2]
        if nxt == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif nxt in reverse:
            out.append(reverse[nxt])
            i += 2
        else:
            raise ValueError(f"unknown escape \\{nxt} in {text!r}")
    # Surrogate pairs were escaped unit by unit; join them back into characters.
    return "".join(out).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def format_float(value: float, single: bool) -> str:
    """A float32/float64 operand: the shortest decimal that reads back to the same bits, or the
    raw little-endian bytes in parentheses (ilasm's form) for infinities and NaNs."""
    if value != value or value in (float("inf"), float("-inf")):
        raw = struct.pack("<f" if single else "<d", value)
        return "(" + " ".join(f"{b:02x}" for b in raw) + ")"
    if not single:
        r = repr(value)
    else:
        bits = struct.pack("<f", value)
        r = repr(value)
        for digits in range(6, 10):
            candidate = f"{value:.{digits}g}"
            if struct.pack("<f", float(candidate)) == bits:
                r = candidate
                break
    if "e" in r or "inf" in r or "nan" in r:
        return r
    return r if "." in r else r + ".0"


# -- the public functions --------------------------------------------------------------------------------
def names(module) -> Names:
    """The name formatter of a module, cached on the module (so it lives exactly as long)."""
    n = getattr(module, "_names", None)
    if n is None:
        n = module._names = Names(module)
    return n


def format_type(module, sigtype: sig.SigType, generic_context: GenericContext = None) -> str:
    """A signature type in ilasm syntax: `int32`, `class [mscorlib]System.Collections.Generic.List`1<!0>`."""
    return names(module).type(sigtype, generic_context or NO_CONTEXT)


def format_type_token(module, token: int, generic_context: GenericContext = None) -> str:
    """A TypeDef/TypeRef/TypeSpec token as an instruction operand: `[mscorlib]System.Int32`, `!0`."""
    return names(module).type_token(token, generic_context or NO_CONTEXT)


def format_token(module, token: int, generic_context: GenericContext = None) -> str:
    """Any metadata token an instruction can carry (a type, field, method, user string or calli
    signature), named in ilasm syntax. Raises BadImageError for tokens that name nothing."""
    return names(module).token(token, generic_context or NO_CONTEXT)


def format_method_ref(module, token: int, generic_context: GenericContext = None) -> str:
    """A MethodDef, MemberRef or MethodSpec token: `instance void class X`1<int32>::M<string>(!!0)`."""
    if token >> 24 not in (T.MethodDef, T.MemberRef, T.MethodSpec):
        raise BadImageError(f"token 0x{token:08x} is not a method token")
    return names(module).token(token, generic_context or NO_CONTEXT)


def format_field_ref(module, token: int, generic_context: GenericContext = None) -> str:
    """A Field or MemberRef token: `int32 Ns.Point::X`."""
    if token >> 24 not in (T.Field, T.MemberRef):
        raise BadImageError(f"token 0x{token:08x} is not a field token")
    return names(module).token(token, generic_context or NO_CONTEXT)


def typedef_full_name(module, rid: int) -> str:
    """The unquoted full name of a type definition, `Ns.Outer/Inner` (as --type filters use)."""
    return module.typedef_name(rid)


def typedef_ilasm_name(module, rid: int) -> str:
    """The full name of a type definition as ilasm writes it (quoted where needed)."""
    return names(module).typedef(rid)


def typeref_ilasm_name(module, rid: int) -> str:
    """`[scope]Ns.Name` of a type reference."""
    return names(module).typeref(rid)


def method_display_name(module, method_rid: int, with_signature: bool = True) -> str:
    """`int32 Ns.Type::Name(string, int32)`, for messages and listings."""
    n = names(module)
    if with_signature:
        return n.methoddef(method_rid)
    owner = module.owner_of_method(method_rid)
    name = quote_dotted(module.tables[T.MethodDef][method_rid].name)
    return f"{n.typedef(owner)}::{name}" if owner else name
