"""Internal calls of System.Delegate."""
import ctypes

from ..typesys.object_layout import OBJECT_SYNC_OFFSET
from .registry import icall


@icall("System.Delegate::AllocDelegateLike_internal(System.Delegate)")
def alloc_delegate_like(engine, delegate):
    """A new delegate of the same type and target (MulticastDelegate.CombineImpl fills its list)."""
    size = engine.object_size(delegate)
    copy = engine.heap.allocate(size)
    ctypes.memmove(copy, delegate, size)
    ctypes.c_uint64.from_address(copy + OBJECT_SYNC_OFFSET).value = 0
    return copy
