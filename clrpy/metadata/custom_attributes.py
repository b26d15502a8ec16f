"""Custom attribute values (ECMA-335 II.23.3): decoding the blob of a CustomAttribute row.

The blob starts with the prolog 0x0001, then one *fixed argument* per parameter of the
attribute's constructor, encoded according to that parameter's type, then a count of *named
arguments* (fields and properties set by name), each tagged with its own type.

The encoding depends on facts the blob does not contain: whether a constructor parameter of
class type is System.Type, System.Object or an enum, and an enum's underlying integer type. Those
need type resolution, possibly in another assembly, so the decoder asks a resolver
(`CustomAttributeTypeResolver`). `LocalTypeResolver` answers for types defined in the same module
and by name for the well-known System types; the binder provides one that follows references.
"""
import struct
from dataclasses import dataclass

from ..errors import BadImageError
from .signatures import (ElementType, GenericInstType, NamedType, PrimitiveType, SigType, SzArrayType,
                         strip_modifiers)
from .schema import TableId

E = ElementType
PROLOG = 0x0001
MAX_ELEMENTS = 1 << 24

_FIXED = {E.BOOLEAN: struct.Struct("<?"), E.CHAR: struct.Struct("<H"), E.I1: struct.Struct("<b"),
          E.U1: struct.Struct("<B"), E.I2: struct.Struct("<h"), E.U2: struct.Struct("<H"),
          E.I4: struct.Struct("<i"), E.U4: struct.Struct("<I"), E.I8: struct.Struct("<q"),
          E.U8: struct.Struct("<Q"), E.R4: struct.Struct("<f"), E.R8: struct.Struct("<d")}


@dataclass(frozen=True, slots=True)
class CAType:
    """The type of one custom attribute value.

    `element_type` is a primitive, STRING, TYPE (System.Type), BOXED (System.Object), ENUM or
    SZARRAY. Enums carry their name and underlying type; arrays their element CAType.
    """
    element_type: ElementType
    enum_name: str = ""
    underlying: ElementType = None
    element: "CAType" = None

    def __str__(self):
        if self.element_type == E.SZARRAY:
            return f"{self.element}[]"
        if self.element_type == E.ENUM:
            return f"enum {self.enum_name}"
        return self.element_type.name.lower()


@dataclass(frozen=True, slots=True)
class CAArgument:
    type: CAType
    value: object           # int/float/bool/str/None, a type name (str) for TYPE, tuple for arrays,
                            # a CAArgument for BOXED values


@dataclass(frozen=True, slots=True)
class CANamedArgument:
    is_field: bool
    name: str
    argument: CAArgument


@dataclass(frozen=True, slots=True)
class CustomAttributeValue:
    fixed: tuple
    named: tuple


class CustomAttributeTypeResolver:
    """What the decoder needs to know about types the blob does not describe."""

    def classify(self, module, named: NamedType) -> CAType:
        """System.Type → TYPE, System.Object → BOXED, System.String → STRING, an enum → ENUM."""
        raise NotImplementedError

    def enum_underlying(self, type_name: str) -> ElementType:
        """The underlying type of the enum named (assembly-qualified or not) in a blob."""
        raise NotImplementedError


_WELL_KNOWN = {("System", "Type"): CAType(E.TYPE), ("System", "Object"): CAType(E.BOXED),
               ("System", "String"): CAType(E.STRING)}


class LocalTypeResolver(CustomAttributeTypeResolver):
    """Resolves System.Type/Object/String by name and enums defined in the module itself."""

    def __init__(self, module):
        self.module = module

    def classify(self, module, named: NamedType) -> CAType:
        tok = named.token
        if tok.table == TableId.TypeRef:
            row = module.tables[TableId.TypeRef][tok.rid]
            key = (row.type_namespace, row.type_name)
            if key in _WELL_KNOWN:
                return _WELL_KNOWN[key]
            raise BadImageError(f"cannot decode a custom attribute argument of type {module.typeref_name(tok.rid)}: "
                                "it is defined in another assembly (a binder-backed resolver is needed)")
        if tok.table == TableId.TypeDef:
            row = module.tables[TableId.TypeDef][tok.rid]
            key = (row.type_namespace, row.type_name)
            if key in _WELL_KNOWN:
                return _WELL_KNOWN[key]
            underlying = enum_underlying_type(module, tok.rid)
            if underlying is not None:
                return CAType(E.ENUM, module.typedef_name(tok.rid, "+"), underlying)
        raise BadImageError(f"type {tok!r} cannot appear as a custom attribute argument")

    def enum_underlying(self, type_name: str) -> ElementType:
        name = type_name.split(",", 1)[0].strip()
        rid = self.module.find_type_by_name(name)
        underlying = enum_underlying_type(self.module, rid) if rid else None
        if underlying is None:
            raise BadImageError(f"custom attribute names enum type '{type_name}', which this module does not define")
        return underlying


def enum_underlying_type(module, typedef_rid: int):
    """The element type of an enum's `value__` field, or None if the type is not an enum."""
    row = module.tables[TableId.TypeDef][typedef_rid]
    ext = row.extends
    if ext.is_nil:
        return None
    if ext.table == TableId.TypeRef:
        base = module.tables[TableId.TypeRef][ext.rid]
        base_name = (base.type_namespace, base.type_name)
    elif ext.table == TableId.TypeDef:
        base = module.tables[TableId.TypeDef][ext.rid]
        base_name = (base.type_namespace, base.type_name)
    else:
        return None
    if base_name != ("System", "Enum"):
        return None
    for frid in module.fields_of(typedef_rid):
        f = module.tables[TableId.Field][frid]
        if not f.flags & 0x0010:        # the one instance field (not static) holds the value
            t = strip_modifiers(module.field_sig(frid).type)
            if isinstance(t, PrimitiveType):
                return t.element_type
    return None


class _BlobReader:
    __slots__ = ("blob", "pos", "what")

    def __init__(self, blob, what):
        self.blob, self.pos, self.what = blob, 0, what

    def fail(self, msg):
        raise BadImageError(f"{self.what}: {msg} (at byte {self.pos} of {len(self.blob)})")

    def take(self, st: struct.Struct):
        if self.pos + st.size > len(self.blob):
            self.fail("unexpected end of blob")
        v = st.unpack_from(self.blob, self.pos)[0]
        self.pos += st.size
        return v

    def byte(self):
        return self.take(_FIXED[E.U1])

    def compressed(self):
        b = self.byte()
        if b < 0x80:
            return b
        if b & 0xC0 == 0x80:
            return ((b & 0x3F) << 8) | self.byte()
        if b & 0xE0 == 0xC0:
            return ((b & 0x1F) << 24) | (self.byte() << 16) | (self.byte() << 8) | self.byte()
        self.fail(f"invalid compressed length byte 0x{b:02x}")

    def ser_string(self):
        """A SerString: 0xFF for null, else a compressed length and UTF-8 bytes."""
        if self.pos < len(self.blob) and self.blob[self.pos] == 0xFF:
            self.pos += 1
            return None
        n = self.compressed()
        if self.pos + n > len(self.blob):
            self.fail(f"string of {n} bytes runs past the end of the blob")
        raw = self.blob[self.pos:self.pos + n]
        self.pos += n
        try:
            return bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            self.fail("string is not valid UTF-8")


def decode_custom_attribute(blob: bytes, ctor_params, module, resolver=None,
                            what: str = "custom attribute") -> CustomAttributeValue:
    """Decode a CustomAttribute blob, given the parameter types of the attribute's constructor."""
    resolver = resolver or LocalTypeResolver(module)
    r = _BlobReader(blob, what)
    if len(blob) < 2 or r.take(_FIXED[E.U2]) != PROLOG:
        r.fail("missing prolog 0x0001")
    fixed = []
    for p in ctor_params:
        t = _ca_type_of_param(module, strip_modifiers(p), resolver, r)
        fixed.append(CAArgument(t, _value(r, t, resolver, 0)))
    named = []
    if r.pos < len(blob):
        count = r.take(_FIXED[E.U2])
        for _ in range(count):
            kind = r.byte()
            if kind not in (E.FIELD, E.PROPERTY):
                r.fail(f"named argument kind 0x{kind:02x} is neither FIELD (0x53) nor PROPERTY (0x54)")
            t = _field_or_prop_type(r, resolver, 0)
            name = r.ser_string()
            named.append(CANamedArgument(kind == E.FIELD, name or "", CAArgument(t, _value(r, t, resolver, 0))))
    return CustomAttributeValue(tuple(fixed), tuple(named))


def _ca_type_of_param(module, t: SigType, resolver, r) -> CAType:
    if isinstance(t, PrimitiveType):
        et = t.element_type
        if et in _FIXED or et == E.STRING:
            return CAType(et)
        if et == E.OBJECT:
            return CAType(E.BOXED)
    elif isinstance(t, SzArrayType):
        return CAType(E.SZARRAY, element=_ca_type_of_param(module, strip_modifiers(t.element), resolver, r))
    elif isinstance(t, NamedType):
        return resolver.classify(module, t)
    elif isinstance(t, GenericInstType):
        r.fail("a generic instantiation cannot be a custom attribute parameter type")
    r.fail(f"parameter type {t} cannot be encoded in a custom attribute")


def _field_or_prop_type(r, resolver, depth) -> CAType:
    if depth > 8:
        r.fail("array types nested too deeply")
    b = r.byte()
    if b in _FIXED or b == E.STRING or b == E.TYPE or b == E.BOXED:
        return CAType(ElementType(b))
    if b == E.SZARRAY:
        return CAType(E.SZARRAY, element=_field_or_prop_type(r, resolver, depth + 1))
    if b == E.ENUM:
        name = r.ser_string()
        if not name:
            r.fail("enum argument without a type name")
        return CAType(E.ENUM, name, resolver.enum_underlying(name))
    r.fail(f"invalid custom attribute type byte 0x{b:02x}")


def _value(r, t: CAType, resolver, depth):
    et = t.element_type
    if et in _FIXED:
        v = r.take(_FIXED[et])
        return chr(v) if et == E.CHAR else v
    if et == E.ENUM:
        return r.take(_FIXED[t.underlying])
    if et == E.STRING or et == E.TYPE:
        return r.ser_string()
    if et == E.BOXED:
        inner = _field_or_prop_type(r, resolver, depth + 1)
        return CAArgument(inner, _value(r, inner, resolver, depth + 1))
    if et == E.SZARRAY:
        n = r.take(_FIXED[E.U4])
        if n == 0xFFFFFFFF:
            return None
        if n > len(r.blob) - r.pos:         # every element takes at least one byte
            r.fail(f"array of {n} elements runs past the end of the blob")
        return tuple(_value(r, t.element, resolver, depth + 1) for _ in range(n))
    r.fail(f"cannot decode a value of type {t}")
