"""Internal calls of System.Delegate."""
import ctypes

from ..runtime.native_memory import read_u64
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


@icall("System.Delegate::GetVirtualMethod_internal()")
def get_virtual_method(engine, this):
    """Delegate.Method of a delegate made with ldvirtftn: the override its target's type reaches."""
    th = engine.types.type_of_object(this)
    fields = {}
    t = th
    while t is not None:
        for f in t.fields:
            if not f.is_static:
                fields.setdefault(f.name, f)
        t = t.parent
    md = engine.type_objects.member_of_handle(read_u64(this + fields["method"].offset))
    target = read_u64(this + fields["m_target"].offset)
    if target:
        md = engine.dispatch.resolve_for_type(engine.types.type_of_object(target), md)
    return engine.type_objects.method_info(md)
