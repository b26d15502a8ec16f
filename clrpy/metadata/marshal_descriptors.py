"""Marshalling descriptors (ECMA-335 II.23.4): the blob of a FieldMarshal row.

`[MarshalAs(UnmanagedType.LPWStr)]` and friends compile to a NativeType byte followed, for a few
kinds, by parameters: arrays carry an element type, a size-parameter index and an element count;
fixed arrays and strings a count; SAFEARRAYs a variant type and user-defined subtype; custom
marshalers four strings (GUID, native type name, managed marshaler type name, cookie). The
P/Invoke layer reads these to decide how to convert arguments and fields.
"""
from dataclasses import dataclass
from enum import IntEnum

from ..errors import BadImageError


class NativeType(IntEnum):
    BOOLEAN = 0x02
    I1 = 0x03
    U1 = 0x04
    I2 = 0x05
    U2 = 0x06
    I4 = 0x07
    U4 = 0x08
    I8 = 0x09
    U8 = 0x0A
    R4 = 0x0B
    R8 = 0x0C
    CURRENCY = 0x0F
    BSTR = 0x13
    LPSTR = 0x14
    LPWSTR = 0x15
    LPTSTR = 0x16
    FIXEDSYSSTRING = 0x17
    IUNKNOWN = 0x19
    IDISPATCH = 0x1A
    STRUCT = 0x1B
    INTF = 0x1C
    SAFEARRAY = 0x1D
    FIXEDARRAY = 0x1E
    INT = 0x1F
    UINT = 0x20
    BYVALSTR = 0x22
    ANSIBSTR = 0x23
    TBSTR = 0x24
    VARIANTBOOL = 0x25
    FUNC = 0x26
    ASANY = 0x28
    ARRAY = 0x2A
    LPSTRUCT = 0x2B
    CUSTOMMARSHALER = 0x2C
    ERROR = 0x2D
    IINSPECTABLE = 0x2E
    HSTRING = 0x2F
    LPUTF8STR = 0x30
    MAX = 0x50              # "no element type given"


@dataclass(frozen=True, slots=True)
class MarshalDescriptor:
    native_type: int
    element_type: int = None        # ARRAY, FIXEDARRAY: NativeType of elements (None = unspecified)
    size_param_index: int = None    # ARRAY: index of the parameter holding the element count
    size_const: int = None          # ARRAY, FIXEDARRAY, FIXEDSYSSTRING: number of elements / chars
    size_param_specified: bool = None   # ARRAY: the trailing flag some compilers emit
    safe_array_subtype: int = None  # SAFEARRAY: VARENUM
    safe_array_user_type: str = None
    iid_param_index: int = None     # INTF, IUNKNOWN, IDISPATCH
    guid: str = None                # CUSTOMMARSHALER
    native_type_name: str = None
    marshaler_type: str = None
    cookie: str = None

    @property
    def name(self) -> str:
        try:
            return NativeType(self.native_type).name
        except ValueError:
            return f"0x{self.native_type:02x}"


class _Reader:
    def __init__(self, blob, what):
        self.blob, self.pos, self.what = blob, 0, what

    def more(self):
        return self.pos < len(self.blob)

    def fail(self, msg):
        raise BadImageError(f"{self.what}: {msg} (at byte {self.pos} of {len(self.blob)})")

    def uint(self):
        if not self.more():
            self.fail("unexpected end of blob")
        b = self.blob[self.pos]
        if b < 0x80:
            n = 1
            v = b
        elif b & 0xC0 == 0x80:
            n = 2
            v = b & 0x3F
        elif b & 0xE0 == 0xC0:
            n = 4
            v = b & 0x1F
        else:
            self.fail(f"invalid compressed integer byte 0x{b:02x}")
        if self.pos + n > len(self.blob):
            self.fail("truncated compressed integer")
        for i in range(1, n):
            v = (v << 8) | self.blob[self.pos + i]
        self.pos += n
        return v

    def string(self):
        n = self.uint()
        if self.pos + n > len(self.blob):
            self.fail(f"string of {n} bytes runs past the end of the blob")
        s = bytes(self.blob[self.pos:self.pos + n]).decode("utf-8", errors="replace")
        self.pos += n
        return s


def decode_marshal_descriptor(blob: bytes, what: str = "marshalling descriptor") -> MarshalDescriptor:
    r = _Reader(blob, what)
    if not blob:
        r.fail("empty descriptor")
    nt = r.uint()
    if nt == NativeType.ARRAY:
        elem = r.uint() if r.more() else None
        param = r.uint() if r.more() else None
        count = r.uint() if r.more() else None
        flag = bool(r.uint()) if r.more() else None
        return MarshalDescriptor(nt, element_type=elem, size_param_index=param, size_const=count,
                                 size_param_specified=flag)
    if nt == NativeType.FIXEDARRAY:
        count = r.uint() if r.more() else None
        elem = r.uint() if r.more() else None
        return MarshalDescriptor(nt, element_type=elem, size_const=count)
    if nt == NativeType.FIXEDSYSSTRING:
        return MarshalDescriptor(nt, size_const=r.uint() if r.more() else None)
    if nt == NativeType.SAFEARRAY:
        sub = r.uint() if r.more() else None
        user = r.string() if r.more() else None
        return MarshalDescriptor(nt, safe_array_subtype=sub, safe_array_user_type=user)
    if nt in (NativeType.INTF, NativeType.IUNKNOWN, NativeType.IDISPATCH):
        return MarshalDescriptor(nt, iid_param_index=r.uint() if r.more() else None)
    if nt == NativeType.CUSTOMMARSHALER:
        return MarshalDescriptor(nt, guid=r.string(), native_type_name=r.string(), marshaler_type=r.string(),
                                 cookie=r.string() if r.more() else "")
    return MarshalDescriptor(nt)
