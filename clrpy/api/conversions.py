"""Converting values between Python and managed code at the embedding API's boundary.

Python int, float, bool, str and None go to the parameter types they fit (range-checked: a value
that does not fit raises OverflowError, as ctypes would silently wrap); results come back as
Python int, float, bool, str (for char and string) or None. Enums travel as their integer values.
Structs live on the Python side as boxes (ManagedObject): passed by copy, and struct results,
fields and elements come back as new boxes.
"""
import ctypes

from ..metadata.signatures import ElementType as E
from ..runtime.strings import read_string
from ..typesys.object_layout import OBJECT_HEADER_SIZE

INT_RANGES = {E.I1: (-(1 << 7), (1 << 7) - 1), E.U1: (0, (1 << 8) - 1), E.I2: (-(1 << 15), (1 << 15) - 1),
              E.U2: (0, (1 << 16) - 1), E.I4: (-(1 << 31), (1 << 31) - 1), E.U4: (0, (1 << 32) - 1),
              E.I8: (-(1 << 63), (1 << 63) - 1), E.U8: (0, (1 << 64) - 1), E.I: (-(1 << 63), (1 << 63) - 1),
              E.U: (0, (1 << 64) - 1)}

# C# keywords for signature strings and messages.
KEYWORDS = {"bool": "System.Boolean", "char": "System.Char", "sbyte": "System.SByte", "byte": "System.Byte",
            "short": "System.Int16", "ushort": "System.UInt16", "int": "System.Int32", "uint": "System.UInt32",
            "long": "System.Int64", "ulong": "System.UInt64", "float": "System.Single", "double": "System.Double",
            "string": "System.String", "object": "System.Object", "nint": "System.IntPtr",
            "nuint": "System.UIntPtr", "void": "System.Void"}


# Among integer types an int fits: int32, then wider signed, then the rest; the small types in C#'s
# order of betterness (sbyte, byte, short, ushort: each converts implicitly to the ones after it).
_INT_PREFERENCE = {E.I4: 9, E.I8: 8, E.I: 6, E.U4: 5.5, E.U8: 5, E.U: 4.9, E.I1: 4.6, E.U1: 4.5, E.I2: 4.4, E.U2: 4.3}


def _underlying(th):
    """Enums are passed as their underlying integer type."""
    if th.is_value_type and th.is_enum:
        th.ensure_layout()
        return th.element
    return th


def fit_score(value, th, loader):
    """How well a Python value fits a parameter of type `th`: higher is better, None if it cannot."""
    th = _underlying(th)
    et = th.cor_type
    if isinstance(value, bool):
        return 10 if et == E.BOOLEAN else None
    if isinstance(value, int):
        if et in INT_RANGES:
            lo, hi = INT_RANGES[et]
            if not lo <= value <= hi:
                return None
            return _INT_PREFERENCE[et]
        if et in (E.R8, E.R4):
            return 2
        return None
    if isinstance(value, float):
        return {E.R8: 9, E.R4: 7}.get(et)
    if isinstance(value, str):
        if th is loader.string_type:
            return 9
        if et == E.CHAR and len(value) == 1:
            return 5
        return None
    if value is None:
        return 5 if th.is_reference_type else None
    address = getattr(value, "address", None)
    if address is not None and th.is_reference_type:
        from ..typesys.casting import can_cast
        if not can_cast(loader, value.type, th):
            return None
        if value.type is th:
            return 9
        # The more derived the parameter's class, the better (C#'s better conversion target).
        depth, t = 0, th.parent
        while t is not None:
            depth, t = depth + 1, t.parent
        return 8 + depth / 100 if not th.is_interface else 8.005
    if address is not None and th.is_value_type and value.type is th:
        return 9                    # a boxed value for a parameter of its type: passed as a copy
    return None


def to_native(value, th, engine):
    """The ctypes-compatible argument for `value` passed as a `th` (a value type: a buffer holding a
    copy of the value, which the callee owns, as the calling convention says)."""
    th = _underlying(th)
    et = th.cor_type
    if value is None:
        return None
    address = getattr(value, "address", None)
    if address is not None:
        if th.is_value_type and not th.is_primitive:
            if value.type is not th:
                raise TypeError(f"expected a {th.full_name}, got a {value.type.full_name}")
            size = th.ensure_layout().instance_size
            return ctypes.create_string_buffer(ctypes.string_at(address + OBJECT_HEADER_SIZE, size), size)
        return address
    if th is engine.loader.string_type:
        if not isinstance(value, str):
            raise TypeError(f"expected a str for a string parameter, got {type(value).__name__}")
        return engine.heap.new_string(engine.types.address(th), value)
    if et == E.BOOLEAN:
        return 1 if value else 0
    if et == E.CHAR:
        if isinstance(value, str):
            if len(value) != 1:
                raise TypeError(f"expected a single character for a char parameter, got {value!r}")
            value = ord(value)
        return value
    if et in INT_RANGES:
        if isinstance(value, float) or not isinstance(value, int):
            raise TypeError(f"expected an int for a {th.full_name} parameter, got {type(value).__name__}")
        lo, hi = INT_RANGES[et]
        if not lo <= value <= hi:
            raise OverflowError(f"{value} does not fit in {th.full_name}")
        if et in (E.U8, E.U) and value > INT_RANGES[E.I8][1]:
            value -= 1 << 64
        elif et == E.U4 and value > INT_RANGES[E.I4][1]:
            value -= 1 << 32
        return value
    if et in (E.R4, E.R8):
        return float(value)
    raise TypeError(f"clrpy cannot pass a Python {type(value).__name__} as a {th.full_name} yet")


def from_native(raw, th, engine):
    """A Python value for a managed result `raw` of type `th` (None for void)."""
    if th is None:
        return None
    et = th.cor_type
    if th is engine.loader.string_type:
        return read_string(raw) if raw else None
    if et == E.BOOLEAN:
        return bool(raw)
    if et == E.CHAR:
        return chr(raw & 0xFFFF)
    if et in INT_RANGES:
        lo, hi = INT_RANGES[et]
        bits = (hi - lo + 1).bit_length() - 1
        v = raw & ((1 << bits) - 1)
        if lo < 0 and v > hi:
            v -= 1 << bits
        return v
    if et in (E.R4, E.R8):
        return float(raw)
    if th.is_reference_type:
        if not raw:
            return None
        from .objects import ManagedObject
        return ManagedObject(engine, raw)
    if th.is_enum:
        return from_native(raw, th.element, engine)
    if isinstance(raw, bytes):
        # A struct result (returned through a hidden pointer): a new box on the Python side.
        from .objects import ManagedObject
        buf = ctypes.create_string_buffer(raw, len(raw))
        return ManagedObject(engine, engine.box(th, ctypes.addressof(buf)))
    raise TypeError(f"clrpy cannot return a {th.full_name} to Python yet")


_READERS = {"i8": ctypes.c_int8, "i16": ctypes.c_int16, "i32": ctypes.c_int32, "i64": ctypes.c_int64,
            "float": ctypes.c_float, "double": ctypes.c_double, "ptr": ctypes.c_uint64}


def read_value(address: int, th, engine):
    """The Python value of a `th` stored at `address` (a field or an array element)."""
    from ..jit.abi import StackKind, type_rep
    rep = type_rep(th)
    if rep.kind == StackKind.VALUE:
        # A struct field or element: a boxed copy.
        from .objects import ManagedObject
        return ManagedObject(engine, engine.box(th, address))
    raw = _READERS[rep.storage].from_address(address).value
    if rep.storage == "ptr":
        raw = raw or None
    return from_native(raw, th, engine)


def write_value(address: int, th, value, engine):
    from ..jit.abi import StackKind, type_rep
    rep = type_rep(th)
    if rep.kind == StackKind.VALUE:
        if getattr(value, "type", None) is not th:
            raise TypeError(f"a {th.full_name} field takes a boxed {th.full_name}, not {type(value).__name__}")
        ctypes.memmove(address, value.address + OBJECT_HEADER_SIZE, rep.size)
        return
    raw = to_native(value, th, engine)
    if isinstance(raw, ManagedRef):
        raw = raw.address
    _READERS[rep.storage].from_address(address).value = raw or 0


class ManagedRef:
    """Anything that stands for a managed object on the Python side (has `.address`)."""
    address = 0
