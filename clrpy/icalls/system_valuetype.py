"""Internal calls of System.ValueType: the default Equals and GetHashCode of structs.

Mono's ValueType.Equals(object) and GetHashCode() call these with boxes and finish in managed code:
the icall compares (or hashes) the fields it can by their bits and hands back the others, boxed,
in an object[] (pairs for Equals), on which the managed side calls Equals / GetHashCode. We follow
Mono's choices exactly (which fields are compared natively, the string hash), so that results match.
"""
import ctypes

from ..metadata.signatures import ElementType as E
from ..runtime.native_memory import read_u64, write_u64
from ..typesys.object_layout import (ARRAY_DATA_OFFSET, OBJECT_HEADER_SIZE, STRING_CHARS_OFFSET,
                                     STRING_LENGTH_OFFSET)
from .registry import icall

_BITS = {E.BOOLEAN: 1, E.I1: 1, E.U1: 1, E.CHAR: 2, E.I2: 2, E.U2: 2, E.I4: 4, E.U4: 4, E.I8: 8, E.U8: 8}


def _instance_fields(th):
    th.ensure_layout()
    return [f for f in th.fields if not f.is_static]


def _compare_kind(ft):
    """How Mono's icall compares a field of type `ft`: ("bits", size), ("float", ctype), ("string",)
    or None (boxed and compared by Equals in managed code)."""
    if ft.is_enum:
        ft.ensure_layout()
        ft = ft.element
    et = ft.cor_type
    if et in _BITS:
        return ("bits", _BITS[et])
    if et == E.R4:
        return ("float", ctypes.c_float)
    if et == E.R8:
        return ("float", ctypes.c_double)
    if et == E.STRING:
        return ("string",)
    return None


def _string_units(s) -> bytes:
    n = ctypes.c_int32.from_address(s + STRING_LENGTH_OFFSET).value
    return ctypes.string_at(s + STRING_CHARS_OFFSET, 2 * n)


def _field_object(engine, ft, address) -> int:
    """The field's value as an object: the reference itself, or a box (Nullable<T>: T or null)."""
    if not ft.is_value_type:
        return read_u64(address)
    if ft.is_nullable:
        has_value = next(f for f in _instance_fields(ft) if f.name in ("has_value", "hasValue"))
        value = next(f for f in _instance_fields(ft) if f.name == "value")
        if not ctypes.c_uint8.from_address(address + has_value.offset).value:
            return 0
        return engine.box(ft.generic_args[0], address + value.offset)
    return engine.box(ft, address)


def _object_array(engine, n) -> int:
    loader = engine.loader
    return engine.heap.new_szarray(engine.types.address(loader.array_of(loader.object_type)), 8, n)


@icall("System.ValueType::InternalEquals(System.Object,System.Object,System.Object[]&)")
def internal_equals(engine, this, that, fields_out):
    write_u64(fields_out, 0)
    th = engine.types.type_of_object(this)
    rest = []
    for f in _instance_fields(th):
        p1 = this + OBJECT_HEADER_SIZE + f.offset
        p2 = that + OBJECT_HEADER_SIZE + f.offset
        kind = _compare_kind(f.type)
        if kind is None:
            rest.append(f)
        elif kind[0] == "bits":
            if ctypes.string_at(p1, kind[1]) != ctypes.string_at(p2, kind[1]):
                return 0
        elif kind[0] == "float":
            a, b = kind[1].from_address(p1).value, kind[1].from_address(p2).value
            if a != b and not (a != a and b != b):      # NaN equals NaN here, as in Mono
                return 0
        else:
            s1, s2 = read_u64(p1), read_u64(p2)
            if s1 != s2 and (not s1 or not s2 or _string_units(s1) != _string_units(s2)):
                return 0
    if not rest:
        return 1
    arr = _object_array(engine, 2 * len(rest))
    write_u64(fields_out, arr)
    for i, f in enumerate(rest):
        for j, obj in enumerate((this, that)):
            write_u64(arr + ARRAY_DATA_OFFSET + 8 * (2 * i + j),
                      _field_object(engine, f.type, obj + OBJECT_HEADER_SIZE + f.offset))
    return 0


def mono_string_hash(s) -> int:
    """Mono's mono_string_hash_internal (h = h * 31 + c over the UTF-16 units, 32-bit)."""
    h = 0
    units = _string_units(s)
    for i in range(0, len(units), 2):
        h = (h * 31 + (units[i] | units[i + 1] << 8)) & 0xFFFFFFFF
    return h


@icall("System.ValueType::InternalGetHashCode(System.Object,System.Object[]&)")
def internal_get_hash_code(engine, this, fields_out):
    write_u64(fields_out, 0)
    th = engine.types.type_of_object(this)
    result = 0
    rest = []
    for f in _instance_fields(th):
        p = this + OBJECT_HEADER_SIZE + f.offset
        et = f.type.cor_type
        if et == E.I4:
            result ^= ctypes.c_uint32.from_address(p).value
        elif et == E.STRING:
            s = read_u64(p)
            if s:
                result ^= mono_string_hash(s)
        else:
            rest.append(f)
    if rest:
        arr = _object_array(engine, len(rest))
        write_u64(fields_out, arr)
        for i, f in enumerate(rest):
            write_u64(arr + ARRAY_DATA_OFFSET + 8 * i, _field_object(engine, f.type, this + OBJECT_HEADER_SIZE + f.offset))
    return ctypes.c_int32(result).value
