"""Internal calls of System.Array, on Mono's array layout (typesys/object_layout.py).

Single-dimensional zero-based arrays have no bounds vector (`bounds` is null, rank 1, lower bound
0); general arrays have one {uintptr length; int32 lower bound} entry per dimension.
"""
import ctypes

from ..errors import ClrpyError
from ..metadata.signatures import ElementType as E
from ..runtime.native_memory import read_u32, read_u64, write_u64
from ..typesys.casting import can_cast
from ..typesys.native_type import NT_RANK
from ..typesys.object_layout import (ARRAY_BOUND_LENGTH_OFFSET, ARRAY_BOUND_LOWER_OFFSET, ARRAY_BOUND_SIZE,
                                     ARRAY_BOUNDS_OFFSET, ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET,
                                     OBJECT_HEADER_SIZE)
from .registry import icall


def _type(engine, arr):
    return engine.types.type_of_object(arr)


def _rank(arr) -> int:
    return read_u32(read_u64(arr) + NT_RANK)


def _bound(arr, dim):
    bounds = read_u64(arr + ARRAY_BOUNDS_OFFSET)
    if not bounds:
        return read_u64(arr + ARRAY_LENGTH_OFFSET), 0
    entry = bounds + ARRAY_BOUND_SIZE * dim
    return read_u64(entry + ARRAY_BOUND_LENGTH_OFFSET), ctypes.c_int32.from_address(entry + ARRAY_BOUND_LOWER_OFFSET).value


def _check_dimension(arr, dim):
    if not 0 <= dim < _rank(arr):
        raise IndexOutOfRange()


class IndexOutOfRange(ClrpyError):
    """Raised as System.IndexOutOfRangeException by the icall glue."""
    managed_type = "System.IndexOutOfRangeException"


@icall("System.Array::GetRank()")
def get_rank(engine, this):
    return _rank(this)


@icall("System.Array::GetLength(System.Int32)")
def get_length(engine, this, dim):
    _check_dimension(this, dim)
    return _bound(this, dim)[0]


@icall("System.Array::GetLowerBound(System.Int32)")
def get_lower_bound(engine, this, dim):
    _check_dimension(this, dim)
    return _bound(this, dim)[1]


def element_size(engine, arr) -> int:
    return _type(engine, arr).element.size_of_value


@icall("System.Array::ClearInternal(System.Array,System.Int32,System.Int32)")
def clear_internal(engine, arr, index, length):
    size = element_size(engine, arr)
    ctypes.memset(arr + ARRAY_DATA_OFFSET + index * size, 0, length * size)


@icall("System.Array::FastCopy(System.Array,System.Int32,System.Array,System.Int32,System.Int32)")
def fast_copy(engine, src, src_index, dst, dst_index, length):
    """Copy with memmove when no element needs converting or checking and both ranges fit in their
    arrays; False lets Array.Copy do it (and throw for a range that does not fit)."""
    st, dt = _type(engine, src), _type(engine, dst)
    if st.rank != dt.rank:
        return 0
    if (src_index + length > read_u64(src + ARRAY_LENGTH_OFFSET)
            or dst_index + length > read_u64(dst + ARRAY_LENGTH_OFFSET)):
        return 0
    se, de = st.element, dt.element
    same = se is de
    if not same and not (se.is_reference_type and de.is_reference_type and can_cast(engine.loader, se, de)):
        return 0
    size = se.size_of_value
    ctypes.memmove(dst + ARRAY_DATA_OFFSET + dst_index * size, src + ARRAY_DATA_OFFSET + src_index * size,
                   length * size)
    return 1


@icall("System.Array::GetValueImpl(System.Int32)")
def get_value_impl(engine, this, pos):
    elem = _type(engine, this).element
    addr = this + ARRAY_DATA_OFFSET + pos * elem.size_of_value
    if elem.is_reference_type:
        return read_u64(addr)
    if elem.is_nullable:
        return _box_nullable(engine, elem, addr)
    return engine.box(elem, addr)


def _nullable_fields(th):
    th.ensure_layout()
    fields = [f for f in th.fields if not f.is_static]
    return (next(f for f in fields if f.name in ("has_value", "hasValue")), next(f for f in fields if f.name == "value"))


def _box_nullable(engine, th, addr):
    has_value, value = _nullable_fields(th)
    if not ctypes.c_uint8.from_address(addr + has_value.offset).value:
        return 0
    return engine.box(th.generic_args[0], addr + value.offset)


# Array.SetValue's widening of primitive values (what each value type may be stored as), as .NET
# defines it for reflection; anything else is not a widening conversion.
_WIDENS = {
    E.BOOLEAN: (E.BOOLEAN,),
    E.CHAR: (E.CHAR, E.U2, E.U4, E.I4, E.U8, E.I8, E.R4, E.R8),
    E.U1: (E.CHAR, E.U1, E.U2, E.I2, E.U4, E.I4, E.U8, E.I8, E.R4, E.R8),
    E.I1: (E.I1, E.I2, E.I4, E.I8, E.R4, E.R8),
    E.U2: (E.CHAR, E.U2, E.U4, E.I4, E.U8, E.I8, E.R4, E.R8),
    E.I2: (E.I2, E.I4, E.I8, E.R4, E.R8),
    E.U4: (E.U4, E.U8, E.I8, E.R4, E.R8),
    E.I4: (E.I4, E.I8, E.R4, E.R8),
    E.U8: (E.U8, E.R4, E.R8),
    E.I8: (E.I8, E.R4, E.R8),
    E.R4: (E.R4, E.R8),
    E.R8: (E.R8,),
}
_READ = {E.BOOLEAN: ctypes.c_uint8, E.CHAR: ctypes.c_uint16, E.U1: ctypes.c_uint8, E.I1: ctypes.c_int8,
         E.U2: ctypes.c_uint16, E.I2: ctypes.c_int16, E.U4: ctypes.c_uint32, E.I4: ctypes.c_int32,
         E.U8: ctypes.c_uint64, E.I8: ctypes.c_int64, E.R4: ctypes.c_float, E.R8: ctypes.c_double}


def _primitive(th):
    if th.is_enum:
        th.ensure_layout()
        th = th.element
    return th.cor_type if th.cor_type in _WIDENS else None


@icall("System.Array::SetValueImpl(System.Object,System.Int32)")
def set_value_impl(engine, this, value, pos):
    elem = _type(engine, this).element
    size = elem.size_of_value
    addr = this + ARRAY_DATA_OFFSET + pos * size
    loader = engine.loader
    if not value:
        if elem.is_reference_type:
            write_u64(addr, 0)
        else:
            ctypes.memset(addr, 0, size)
        return
    vt = engine.types.type_of_object(value)
    if elem.is_nullable:
        elem_value = elem.generic_args[0]
        if vt is not elem_value:
            raise _invalid_cast(engine)
        has_value, field = _nullable_fields(elem)
        ctypes.memmove(addr + field.offset, value + OBJECT_HEADER_SIZE, elem_value.size_of_value)
        ctypes.c_uint8.from_address(addr + has_value.offset).value = 1
        return
    if elem.is_reference_type:
        if not can_cast(loader, vt, elem):
            raise _invalid_cast(engine)
        write_u64(addr, value)
        return
    if vt is elem:
        ctypes.memmove(addr, value + OBJECT_HEADER_SIZE, size)
        return
    src, dst = _primitive(vt), _primitive(elem)
    if src is None or dst is None:
        raise _invalid_cast(engine)
    if dst not in _WIDENS[src]:
        raise engine.managed_error("System.ArgumentException", "Object type cannot be converted to target type.")
    v = _READ[src].from_address(value + OBJECT_HEADER_SIZE).value
    _READ[dst].from_address(addr).value = float(v) if dst in (E.R4, E.R8) else v


def _invalid_cast(engine):
    return engine.managed_error("System.InvalidCastException", "Object cannot be stored in an array of this type.")


def _position(engine, arr, indices) -> int:
    """The linear position of the element at `indices` (an int[]), checked against the bounds."""
    rank = _rank(arr)
    if read_u64(indices + ARRAY_LENGTH_OFFSET) != rank:
        raise engine.managed_error("System.ArgumentException", "Indices length does not match the array rank.")
    pos = 0
    for d in range(rank):
        i = ctypes.c_int32.from_address(indices + ARRAY_DATA_OFFSET + 4 * d).value
        length, lower = _bound(arr, d)
        if not lower <= i < lower + length:
            raise IndexOutOfRange()
        pos = pos * length + (i - lower)
    return pos


@icall("System.Array::GetValue(System.Int32[])")
def get_value(engine, this, indices):
    return get_value_impl(engine, this, _position(engine, this, indices))


@icall("System.Array::SetValue(System.Object,System.Int32[])")
def set_value(engine, this, value, indices):
    set_value_impl(engine, this, value, _position(engine, this, indices))


@icall("System.Array::GetGenericValueImpl(System.Int32,!!0&)")
def get_generic_value_impl(engine, this, pos, out):
    size = element_size(engine, this)
    ctypes.memmove(out, this + ARRAY_DATA_OFFSET + pos * size, size)


@icall("System.Array::SetGenericValueImpl(System.Int32,!!0&)")
def set_generic_value_impl(engine, this, pos, value):
    size = element_size(engine, this)
    ctypes.memmove(this + ARRAY_DATA_OFFSET + pos * size, value, size)


@icall("System.Array::CreateInstanceImpl(System.Type,System.Int32[],System.Int32[])")
def create_instance_impl(engine, element_type, lengths, bounds):
    """Array.CreateInstance: a vector when there is one dimension with lower bound 0, else a general
    array (a one-dimensional array with another lower bound is an `int[*]`, as in Mono and CoreCLR)."""
    from ..typesys.layout import value_slot
    loader = engine.loader
    elem = engine.type_objects.type_of_runtime_type(element_type)
    rank = read_u64(lengths + ARRAY_LENGTH_OFFSET)
    dims = [ctypes.c_int32.from_address(lengths + ARRAY_DATA_OFFSET + 4 * i).value for i in range(rank)]
    lows = [ctypes.c_int32.from_address(bounds + ARRAY_DATA_OFFSET + 4 * i).value for i in range(rank)] if bounds \
        else [0] * rank
    if elem is loader.void_type or elem.is_pointer_like and elem.kind.name == "BYREF":
        raise engine.managed_error("System.NotSupportedException", "Arrays of System.Void are not supported.")
    if any(n < 0 for n in dims):
        raise engine.managed_error("System.OverflowException", "Arithmetic operation resulted in an overflow.")
    size = value_slot(elem)[0]
    if rank == 1 and lows[0] == 0:
        return engine.heap.new_szarray(engine.types.address(loader.array_of(elem)), size, dims[0])
    th = loader.array_of(elem, rank, False)
    return engine.heap.new_mdarray(engine.types.address(th), size, dims, lows)
