"""Internal calls of System.Array, on Mono's array layout (typesys/object_layout.py).

Single-dimensional zero-based arrays have no bounds vector (`bounds` is null, rank 1, lower bound
0); general arrays have one {uintptr length; int32 lower bound} entry per dimension.
"""
import ctypes

from ..errors import ClrpyError
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
    """Copy with memmove when no element needs converting or checking; False lets Array.Copy do it."""
    st, dt = _type(engine, src), _type(engine, dst)
    if st.rank != dt.rank:
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
    th = _type(engine, this)
    elem = th.element
    addr = this + ARRAY_DATA_OFFSET + pos * elem.size_of_value
    if elem.is_reference_type:
        return read_u64(addr)
    return engine.box(elem, addr)


@icall("System.Array::SetValueImpl(System.Object,System.Int32)")
def set_value_impl(engine, this, value, pos):
    th = _type(engine, this)
    elem = th.element
    size = elem.size_of_value
    addr = this + ARRAY_DATA_OFFSET + pos * size
    if elem.is_reference_type:
        if value and not can_cast(engine.loader, engine.types.type_of_object(value), elem):
            raise engine.managed_error("System.InvalidCastException", "Object cannot be stored in an array of this type.")
        write_u64(addr, value or 0)
        return
    if not value:
        ctypes.memset(addr, 0, size)
        return
    vt = engine.types.type_of_object(value)
    if vt is not elem and not (vt.is_enum and vt.element is elem) and not (elem.is_enum and elem.element is vt):
        raise engine.managed_error("System.InvalidCastException", "Object cannot be stored in an array of this type.")
    ctypes.memmove(addr, value + OBJECT_HEADER_SIZE, size)


@icall("System.Array::GetGenericValueImpl(System.Int32,!!0&)")
def get_generic_value_impl(engine, this, pos, out):
    size = element_size(engine, this)
    ctypes.memmove(out, this + ARRAY_DATA_OFFSET + pos * size, size)


@icall("System.Array::SetGenericValueImpl(System.Int32,!!0&)")
def set_generic_value_impl(engine, this, pos, value):
    size = element_size(engine, this)
    ctypes.memmove(this + ARRAY_DATA_OFFSET + pos * size, value, size)
