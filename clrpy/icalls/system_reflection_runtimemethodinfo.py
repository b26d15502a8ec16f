"""Internal calls of System.Reflection.RuntimeMethodInfo: from method handles to the MethodInfo
objects (one per method, runtime/type_objects.py), and their names."""
from .registry import icall


@icall("System.Reflection.RuntimeMethodInfo::GetMethodFromHandleInternalType_native(System.IntPtr,System.IntPtr,System.Boolean)")
def get_method_from_handle(engine, method_handle, type_handle, generic_check):
    if not method_handle:
        return 0
    objects = engine.type_objects
    return objects.method_info(objects.member_of_handle(method_handle))


@icall("System.Reflection.RuntimeMethodInfo::get_name(System.Reflection.MethodBase)")
def get_name(engine, method):
    return engine.strings.new(engine.type_objects.method_of_info(method).name)
