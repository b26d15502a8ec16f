"""Internal calls of System.RuntimeFieldHandle."""
from .registry import icall
from .system_reflection_runtimefieldinfo import set_value_internal


@icall("System.RuntimeFieldHandle::SetValueInternal(System.Reflection.FieldInfo,System.Object,System.Object)")
def handle_set_value_internal(engine, fi, obj, value):
    set_value_internal(engine, fi, obj, value)
