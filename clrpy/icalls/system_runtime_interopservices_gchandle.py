"""Internal calls of System.Runtime.InteropServices.GCHandle, over a table of handles in Python.

Until the collector lands (the garbage-collector issue owns this module and moves the table where
the collector can read it) no object is ever freed, so every kind of handle keeps its target: a weak
handle is never cleared, and a pinned handle's object never moves anyway (the heap is non-moving).

The int32 managed code keeps (GCHandle.handle) encodes the entry's index and kind:
(index + 1) << 3 | kind, with kind = GCHandleType + 1, so no valid handle is 0.
"""
from ..typesys.object_layout import ARRAY_DATA_OFFSET, OBJECT_HEADER_SIZE, STRING_CHARS_OFFSET
from .managed_errors import ManagedError
from .registry import icall

KIND_BITS = 3


def _table(engine) -> dict:
    table = getattr(engine, "gc_handles", None)
    if table is None:
        table = engine.gc_handles = {}
    return table


@icall("System.Runtime.InteropServices.GCHandle::GetTargetHandle(System.Object,System.Int32,System.Runtime.InteropServices.GCHandleType)")
def get_target_handle(engine, obj, handle, kind):
    table = _table(engine)
    if handle == 0:
        index = engine.next_gc_handle = getattr(engine, "next_gc_handle", 0) + 1
        handle = index << KIND_BITS | (kind + 1)
    elif handle not in table:
        raise ManagedError("System.InvalidOperationException", "Handle is not initialized.")
    old = table.get(handle, 0)
    if old:
        engine.remove_python_root(old)
    if obj:
        engine.add_python_root(obj)
    table[handle] = obj
    return handle


@icall("System.Runtime.InteropServices.GCHandle::GetTarget(System.Int32)")
def get_target(engine, handle):
    return _table(engine).get(handle, 0)


@icall("System.Runtime.InteropServices.GCHandle::FreeHandle(System.Int32)")
def free_handle(engine, handle):
    obj = _table(engine).pop(handle, 0)
    if obj:
        engine.remove_python_root(obj)


@icall("System.Runtime.InteropServices.GCHandle::CheckCurrentDomain(System.Int32)")
def check_current_domain(engine, handle):
    return 1                    # one application domain


@icall("System.Runtime.InteropServices.GCHandle::GetAddrOfPinnedObject(System.Int32)")
def get_addr_of_pinned_object(engine, handle):
    """The address of the pinned object's data: a string's first char, an array's first element,
    otherwise the first field (as Mono answers)."""
    obj = _table(engine).get(handle, 0)
    if not obj:
        return 0
    th = engine.types.type_of_object(obj)
    if th.is_array:
        return obj + ARRAY_DATA_OFFSET
    if th is engine.loader.string_type:
        return obj + STRING_CHARS_OFFSET
    return obj + OBJECT_HEADER_SIZE
