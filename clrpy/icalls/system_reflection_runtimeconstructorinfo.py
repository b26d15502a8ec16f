"""Internal calls of System.Reflection.RuntimeConstructorInfo: invocation (runtime/reflection_invoke.py:
with a null receiver it allocates the object), metadata token."""
from ..runtime.native_memory import write_u64
from ..runtime.reflection_invoke import invoke
from .registry import icall


def _md(engine, info):
    return engine.type_objects.method_of_info(info)


@icall("System.Reflection.RuntimeConstructorInfo::InternalInvoke(System.Object,System.Object[],System.Exception&)")
def constructor_internal_invoke(engine, this, obj, args, exc_out):
    write_u64(exc_out, 0)
    return invoke(engine, _md(engine, this), obj, args)


@icall("System.Reflection.RuntimeConstructorInfo::get_metadata_token(System.Reflection.RuntimeConstructorInfo)")
def constructor_metadata_token(engine, ctor):
    return _md(engine, ctor).token


@icall("System.Reflection.RuntimeConstructorInfo::get_core_clr_security_level()")
def constructor_security_level(engine, this):
    return 1
