"""Internal calls of System.RuntimeMethodHandle."""
from .registry import icall


@icall("System.RuntimeMethodHandle::GetFunctionPointer(System.IntPtr)")
def get_function_pointer(engine, handle):
    md = engine.type_objects.member_of_handle(handle)
    return engine.callable_address(md)
