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


@icall("System.Delegate::CreateDelegate_internal(System.Type,System.Object,System.Reflection.MethodInfo,System.Boolean)")
def create_delegate_internal(engine, delegate_type, target, method, throw_on_bind_failure):
    """Delegate.CreateDelegate: a delegate of `delegate_type` over `method` (the managed caller has
    matched the signatures and chosen the target). A virtual method is resolved on the target's type
    now; a value type's instance method is called through its unboxing stub, the target being a box."""
    objects = engine.type_objects
    th = objects.type_of_runtime_type(delegate_type)
    md = objects.method_of_info(method)
    if target and md.is_virtual and not md.is_static:
        md = engine.dispatch.resolve_for_type(engine.types.type_of_object(target), md)
    if target and not md.is_static and md.owner.is_value_type:
        fp = engine.unboxing_stub(md)
    else:
        fp = engine.ensure_compiled(md)
    obj = engine.heap.new_object(engine.types.address(th), th.ensure_layout().instance_size)
    objects.set_field(obj, th, "method_ptr", fp)
    objects.set_field(obj, th, "m_target", target or 0)
    objects.set_field(obj, th, "method", objects.method_handle(md))
    return obj
