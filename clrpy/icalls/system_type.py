"""Internal calls of System.Type and System.RuntimeTypeHandle."""
from .registry import icall


@icall("System.Type::internal_from_handle(System.IntPtr)")
def internal_from_handle(engine, handle):
    if not handle:
        return 0
    return engine.type_objects.runtime_type(engine.types.by_address[handle])
