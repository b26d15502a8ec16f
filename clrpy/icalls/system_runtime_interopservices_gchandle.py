"""Internal calls of System.Runtime.InteropServices.GCHandle, over the collector's handle table
(runtime/gc/handles.py). WeakReference and WeakReference<T> are built on them by the class library.

The int32 managed code keeps (GCHandle.handle) encodes the entry's index and kind:
(index + 1) << 3 | kind, with kind = GCHandleType + 1, so no valid handle is 0.
"""
from ..typesys.object_layout import ARRAY_DATA_OFFSET, OBJECT_HEADER_SIZE, STRING_CHARS_OFFSET
from ..typesys.type_handle import TypeAttributes, TypeKind
from .managed_errors import ManagedError
from .registry import icall

PINNED = 3                      # GCHandleType.Pinned
NOT_BLITTABLE = -1              # GetAddrOfPinnedObject's answers the managed caller turns into exceptions
NOT_PINNED = -2


@icall("System.Runtime.InteropServices.GCHandle::GetTargetHandle(System.Object,System.Int32,System.Runtime.InteropServices.GCHandleType)")
def get_target_handle(engine, obj, handle, kind):
    """Allocate a handle of `kind` for `obj` (handle 0), or point an existing one at `obj`."""
    handles = engine.gc.handles
    if handle == 0:
        return handles.alloc(obj or 0, kind + 1)
    if not handles.set_target(handle, obj or 0):
        raise ManagedError("System.InvalidOperationException", "Handle is not initialized.")
    return handle


@icall("System.Runtime.InteropServices.GCHandle::GetTarget(System.Int32)")
def get_target(engine, handle):
    return engine.gc.handles.target(handle)


@icall("System.Runtime.InteropServices.GCHandle::FreeHandle(System.Int32)")
def free_handle(engine, handle):
    engine.gc.handles.free(handle)


@icall("System.Runtime.InteropServices.GCHandle::CheckCurrentDomain(System.Int32)")
def check_current_domain(engine, handle):
    return 1 if engine.gc.handles.is_valid(handle) else 0


@icall("System.Runtime.InteropServices.GCHandle::GetAddrOfPinnedObject(System.Int32)")
def get_addr_of_pinned_object(engine, handle):
    """The address of a pinned object's data, as Mono answers: a string's first char, an array's
    first element, a formatted class's first field; -2 if the handle is not pinned, -1 for a class
    with automatic layout (the managed caller throws). The heap never moves objects: the address
    stays valid while the handle exists."""
    handles = engine.gc.handles
    if handles.kind_of(handle) != PINNED + 1:
        return NOT_PINNED
    obj = handles.target(handle)
    if not obj:
        return 0
    th = engine.types.type_of_object(obj)
    if th.kind == TypeKind.ARRAY:
        return obj + ARRAY_DATA_OFFSET
    if th is engine.loader.string_type:
        return obj + STRING_CHARS_OFFSET
    if not th.is_value_type and (th.flags & TypeAttributes.LAYOUT_MASK) == 0:
        return NOT_BLITTABLE
    return obj + OBJECT_HEADER_SIZE
