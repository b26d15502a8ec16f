"""Internal calls of System.Object."""
import ctypes

from ..runtime.native_memory import read_u64
from ..typesys.object_layout import ARRAY_BOUNDS_OFFSET, OBJECT_HEADER_SIZE, OBJECT_SYNC_OFFSET
from .registry import icall


@icall("System.Object::GetType()")
def get_type(engine, this):
    return engine.type_objects.runtime_type(engine.types.type_of_object(this))


@icall("System.Object::InternalGetHashCode(System.Object)")
def internal_get_hash_code(engine, obj):
    # Objects never move (non-moving collector), so the address is a stable identity.
    return ((obj or 0) >> 3) & 0x7FFFFFFF


@icall("System.Object::MemberwiseClone()")
def memberwise_clone(engine, this):
    size = engine.object_size(this)
    copy = engine.heap.allocate(size)
    ctypes.memmove(copy, this, size)
    ctypes.c_uint64.from_address(copy + OBJECT_SYNC_OFFSET).value = 0     # a new object: no lock, no hash
    bounds = read_u64(this + ARRAY_BOUNDS_OFFSET) if engine.types.type_of_object(this).is_array else 0
    if bounds:      # a general array's bounds vector is inside it: the copy points at its own
        ctypes.c_uint64.from_address(copy + ARRAY_BOUNDS_OFFSET).value = copy + (bounds - this)
    return copy
