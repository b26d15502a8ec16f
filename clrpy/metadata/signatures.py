"""Signatures (ECMA-335 II.23.2): the compressed encoding of types, methods, fields, properties,
locals, type specs and method specs in the #Blob heap.

A signature is a byte string read left to right: compressed unsigned integers (1, 2 or 4 bytes,
II.23.2), element-type bytes (II.23.1.16), TypeDefOrRef tokens compressed into one integer with a
2-bit tag, and nested types. The decoded form is a tree of small immutable objects (`SigType`
subclasses) that compare by value and hash, so later layers can use them as keys when they
instantiate generics or match member references.

Every read is bounds-checked; a malformed signature raises BadImageError, and nesting is limited
so a crafted blob cannot recurse without end.
"""
from dataclasses import dataclass
from enum import IntEnum

from ..errors import BadImageError
from .schema import TableId
from .tokens import Token

MAX_DEPTH = 64
MAX_ARRAY_RANK = 32


class ElementType(IntEnum):
    END = 0x00
    VOID = 0x01
    BOOLEAN = 0x02
    CHAR = 0x03
    I1 = 0x04
    U1 = 0x05
    I2 = 0x06
    U2 = 0x07
    I4 = 0x08
    U4 = 0x09
    I8 = 0x0A
    U8 = 0x0B
    R4 = 0x0C
    R8 = 0x0D
    STRING = 0x0E
    PTR = 0x0F
    BYREF = 0x10
    VALUETYPE = 0x11
    CLASS = 0x12
    VAR = 0x13
    ARRAY = 0x14
    GENERICINST = 0x15
    TYPEDBYREF = 0x16
    I = 0x18
    U = 0x19
    FNPTR = 0x1B
    OBJECT = 0x1C
    SZARRAY = 0x1D
    MVAR = 0x1E
    CMOD_REQD = 0x1F
    CMOD_OPT = 0x20
    INTERNAL = 0x21
    MODIFIER = 0x40
    SENTINEL = 0x41
    PINNED = 0x45
    # Only in custom attribute blobs (II.23.3):
    TYPE = 0x50         # System.Type
    BOXED = 0x51        # a boxed value (an argument of type object)
    FIELD = 0x53
    PROPERTY = 0x54
    ENUM = 0x55


E = ElementType

# The element types that stand alone (no operand) as types.
PRIMITIVE_ELEMENT_TYPES = frozenset({E.VOID, E.BOOLEAN, E.CHAR, E.I1, E.U1, E.I2, E.U2, E.I4, E.U4, E.I8,
                                     E.U8, E.R4, E.R8, E.STRING, E.TYPEDBYREF, E.I, E.U, E.OBJECT})


class CallingConvention:
    # Plain ints, not enum.IntFlag: `flags & IntFlag.X` builds a flag object (about 1 us), and
    # these flags are tested on the type loader's and the JIT importer's hot paths.
    DEFAULT = 0x0
    C = 0x1
    STDCALL = 0x2
    THISCALL = 0x3
    FASTCALL = 0x4
    VARARG = 0x5
    FIELD = 0x6
    LOCAL_SIG = 0x7
    PROPERTY = 0x8
    UNMANAGED = 0x9
    GENERICINST = 0xA
    NATIVEVARARG = 0xB
    KIND_MASK = 0xF
    GENERIC = 0x10
    HASTHIS = 0x20
    EXPLICITTHIS = 0x40


CC = CallingConvention


# -- the type tree -----------------------------------------------------------------------------------
class SigType:
    """Base of the decoded type nodes."""
    __slots__ = ()


@dataclass(frozen=True, slots=True)
class PrimitiveType(SigType):
    """A type named by its element type alone: void, bool, int32, string, object, typedref, ..."""
    element_type: ElementType


@dataclass(frozen=True, slots=True)
class NamedType(SigType):
    """CLASS or VALUETYPE followed by a TypeDef, TypeRef or TypeSpec token."""
    token: Token
    is_value_type: bool


@dataclass(frozen=True, slots=True)
class GenericInstType(SigType):
    generic: NamedType
    args: tuple


@dataclass(frozen=True, slots=True)
class GenericParamType(SigType):
    """!n (a type's generic parameter, VAR) or !!n (a method's, MVAR)."""
    number: int
    is_method: bool


@dataclass(frozen=True, slots=True)
class SzArrayType(SigType):
    element: SigType


@dataclass(frozen=True, slots=True)
class ArrayType(SigType):
    """A general array: rank, and optional sizes and lower bounds for the first dimensions."""
    element: SigType
    rank: int
    sizes: tuple = ()
    lower_bounds: tuple = ()


@dataclass(frozen=True, slots=True)
class PointerType(SigType):
    element: SigType


@dataclass(frozen=True, slots=True)
class ByRefType(SigType):
    element: SigType


@dataclass(frozen=True, slots=True)
class FnPtrType(SigType):
    method: "MethodSig"


@dataclass(frozen=True, slots=True)
class ModifiedType(SigType):
    """A custom modifier (modreq / modopt) applied to a type."""
    element: SigType
    modifier: Token
    required: bool


@dataclass(frozen=True, slots=True)
class PinnedType(SigType):
    """A local variable marked pinned."""
    element: SigType


def strip_modifiers(t: SigType) -> SigType:
    while isinstance(t, ModifiedType):
        t = t.element
    return t


# -- the signatures -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MethodSig:
    """A MethodDefSig, MethodRefSig or StandAloneMethodSig (II.23.2.1-3)."""
    flags: int
    ret: SigType
    params: tuple
    generic_param_count: int = 0
    sentinel: int = -1          # for vararg call sites: the index of the first extra argument

    @property
    def has_this(self) -> bool:
        return bool(self.flags & CC.HASTHIS)

    @property
    def explicit_this(self) -> bool:
        return bool(self.flags & CC.EXPLICITTHIS)

    @property
    def kind(self) -> int:
        return self.flags & CC.KIND_MASK

    @property
    def is_vararg(self) -> bool:
        return self.kind == CC.VARARG

    @property
    def is_generic(self) -> bool:
        return bool(self.flags & CC.GENERIC)

    @property
    def fixed_params(self):
        return self.params if self.sentinel < 0 else self.params[:self.sentinel]


@dataclass(frozen=True, slots=True)
class FieldSig:
    type: SigType


@dataclass(frozen=True, slots=True)
class PropertySig:
    has_this: bool
    type: SigType
    params: tuple


@dataclass(frozen=True, slots=True)
class LocalVarSig:
    locals: tuple


@dataclass(frozen=True, slots=True)
class MethodSpecSig:
    args: tuple


# -- decoding ----------------------------------------------------------------------------------------
_TDOR_TABLES = (TableId.TypeDef, TableId.TypeRef, TableId.TypeSpec)


class SigReader:
    """A cursor over one signature blob."""

    __slots__ = ("blob", "pos", "what")

    def __init__(self, blob: bytes, what: str = "signature"):
        self.blob = blob
        self.pos = 0
        self.what = what

    def fail(self, message):
        raise BadImageError(f"{self.what}: {message} (at byte {self.pos} of {len(self.blob)})")

    def at_end(self) -> bool:
        return self.pos >= len(self.blob)

    def byte(self) -> int:
        if self.pos >= len(self.blob):
            self.fail("unexpected end of signature")
        b = self.blob[self.pos]
        self.pos += 1
        return b

    def peek(self) -> int:
        if self.pos >= len(self.blob):
            self.fail("unexpected end of signature")
        return self.blob[self.pos]

    def uint(self) -> int:
        """A compressed unsigned integer (II.23.2)."""
        b = self.byte()
        if b < 0x80:
            return b
        if b & 0xC0 == 0x80:
            return ((b & 0x3F) << 8) | self.byte()
        if b & 0xE0 == 0xC0:
            return ((b & 0x1F) << 24) | (self.byte() << 16) | (self.byte() << 8) | self.byte()
        self.pos -= 1
        self.fail(f"invalid compressed integer lead byte 0x{b:02x}")

    def sint(self) -> int:
        """A compressed signed integer: the sign is rotated into the low bit."""
        start = self.pos
        u = self.uint()
        width = self.pos - start
        bits = {1: 7, 2: 14, 4: 29}[width]
        if u & 1:
            return (u >> 1) - (1 << (bits - 1))
        return u >> 1

    def type_def_or_ref(self) -> Token:
        v = self.uint()
        tag = v & 3
        if tag == 3:
            self.fail(f"invalid TypeDefOrRef tag in encoded token 0x{v:x}")
        return Token.make(_TDOR_TABLES[tag], v >> 2)

    # -- types ----------------------------------------------------------------------------------
    def type(self, depth: int = 0) -> SigType:
        if depth > MAX_DEPTH:
            self.fail("types nested too deeply")
        et = self.byte()
        if et in _PRIMITIVES:
            return _PRIMITIVES[et]
        if et == E.CLASS or et == E.VALUETYPE:
            return NamedType(self.type_def_or_ref(), et == E.VALUETYPE)
        if et == E.SZARRAY:
            return SzArrayType(self.type(depth + 1))
        if et == E.PTR:
            return PointerType(self.type(depth + 1))
        if et == E.BYREF:
            return ByRefType(self.type(depth + 1))
        if et == E.VAR or et == E.MVAR:
            return GenericParamType(self.uint(), et == E.MVAR)
        if et == E.GENERICINST:
            kind = self.byte()
            if kind not in (E.CLASS, E.VALUETYPE):
                self.fail(f"GENERICINST must be followed by CLASS or VALUETYPE, not 0x{kind:02x}")
            generic = NamedType(self.type_def_or_ref(), kind == E.VALUETYPE)
            n = self.uint()
            if n == 0 or n > len(self.blob):
                self.fail(f"generic instantiation with {n} arguments")
            return GenericInstType(generic, tuple(self.type(depth + 1) for _ in range(n)))
        if et == E.ARRAY:
            elem = self.type(depth + 1)
            rank = self.uint()
            if rank == 0 or rank > MAX_ARRAY_RANK:
                self.fail(f"array rank {rank} is out of range (1 to {MAX_ARRAY_RANK})")
            nsizes = self.uint()
            if nsizes > rank:
                self.fail(f"array of rank {rank} gives {nsizes} sizes")
            sizes = tuple(self.uint() for _ in range(nsizes))
            nlo = self.uint()
            if nlo > rank:
                self.fail(f"array of rank {rank} gives {nlo} lower bounds")
            lows = tuple(self.sint() for _ in range(nlo))
            return ArrayType(elem, rank, sizes, lows)
        if et == E.FNPTR:
            return FnPtrType(self.method(depth + 1))
        if et == E.CMOD_REQD or et == E.CMOD_OPT:
            mod = self.type_def_or_ref()
            return ModifiedType(self.type(depth + 1), mod, et == E.CMOD_REQD)
        if et == E.PINNED:
            return PinnedType(self.type(depth + 1))
        self.pos -= 1
        self.fail(f"unexpected element type 0x{et:02x}")

    # -- whole signatures -----------------------------------------------------------------------
    def method(self, depth: int = 0) -> MethodSig:
        flags = self.byte()
        if flags & CC.KIND_MASK > CC.NATIVEVARARG or flags & CC.KIND_MASK in (CC.FIELD, CC.LOCAL_SIG, CC.PROPERTY,
                                                                               CC.GENERICINST):
            self.pos -= 1
            self.fail(f"0x{flags:02x} is not a method calling convention")
        gcount = self.uint() if flags & CC.GENERIC else 0
        nparams = self.uint()
        if nparams > len(self.blob):
            self.fail(f"method signature claims {nparams} parameters")
        ret = self.type(depth + 1)
        params = []
        sentinel = -1
        while len(params) < nparams:
            if self.peek() == E.SENTINEL:
                if sentinel >= 0:
                    self.fail("more than one vararg sentinel")
                self.pos += 1
                sentinel = len(params)
                continue
            params.append(self.type(depth + 1))
        return MethodSig(flags, ret, tuple(params), gcount, sentinel)


_PRIMITIVES = {int(et): PrimitiveType(et) for et in PRIMITIVE_ELEMENT_TYPES}


def decode_method_sig(blob: bytes, what: str = "method signature") -> MethodSig:
    return SigReader(blob, what).method()


def decode_field_sig(blob: bytes, what: str = "field signature") -> FieldSig:
    r = SigReader(blob, what)
    cc = r.byte()
    if cc & CC.KIND_MASK != CC.FIELD:
        r.fail(f"a field signature starts with 0x06, not 0x{cc:02x}")
    return FieldSig(r.type())


def decode_member_ref_sig(blob: bytes, what: str = "member reference signature"):
    """A MemberRef's signature is a field or a method signature, told apart by its first byte."""
    if blob and blob[0] & CC.KIND_MASK == CC.FIELD:
        return decode_field_sig(blob, what)
    return decode_method_sig(blob, what)


def decode_property_sig(blob: bytes, what: str = "property signature") -> PropertySig:
    r = SigReader(blob, what)
    cc = r.byte()
    if cc & CC.KIND_MASK != CC.PROPERTY:
        r.fail(f"a property signature starts with 0x08 or 0x28, not 0x{cc:02x}")
    n = r.uint()
    if n > len(blob):
        r.fail(f"property signature claims {n} parameters")
    t = r.type()
    return PropertySig(bool(cc & CC.HASTHIS), t, tuple(r.type() for _ in range(n)))


def decode_local_var_sig(blob: bytes, what: str = "local variable signature") -> LocalVarSig:
    r = SigReader(blob, what)
    cc = r.byte()
    if cc != CC.LOCAL_SIG:
        r.fail(f"a local variable signature starts with 0x07, not 0x{cc:02x}")
    n = r.uint()
    if n > len(blob):
        r.fail(f"local variable signature claims {n} locals")
    return LocalVarSig(tuple(r.type() for _ in range(n)))


def decode_type_spec(blob: bytes, what: str = "type specification") -> SigType:
    return SigReader(blob, what).type()


def decode_method_spec(blob: bytes, what: str = "method instantiation") -> MethodSpecSig:
    r = SigReader(blob, what)
    cc = r.byte()
    if cc != CC.GENERICINST:
        r.fail(f"a method instantiation starts with 0x0a, not 0x{cc:02x}")
    n = r.uint()
    if n == 0 or n > len(blob):
        r.fail(f"method instantiation with {n} arguments")
    return MethodSpecSig(tuple(r.type() for _ in range(n)))


def decode_standalone_sig(blob: bytes, what: str = "standalone signature"):
    """A StandAloneSig row holds locals (0x07), a calli method signature, or (rarely) a field sig."""
    if blob and blob[0] == CC.LOCAL_SIG:
        return decode_local_var_sig(blob, what)
    if blob and blob[0] & CC.KIND_MASK == CC.FIELD:
        return decode_field_sig(blob, what)
    return decode_method_sig(blob, what)
