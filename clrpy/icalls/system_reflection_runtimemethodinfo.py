"""Internal calls of System.Reflection.RuntimeMethodInfo: from method handles to the MethodInfo
objects (one per method and reflected type, runtime/type_objects.py), their names, generic methods,
base definitions, and invocation (runtime/reflection_invoke.py)."""
from ..runtime.native_memory import write_u64
from ..runtime.reflection_invoke import invoke
from ..typesys.object_layout import ARRAY_DATA_OFFSET
from ..typesys.type_handle import TypeKind
from ..typesys.vtable import build_vtable
from .managed_errors import ManagedError
from .registry import icall


def _md(engine, info):
    return engine.type_objects.method_of_info(info)


def _reflected(engine, info):
    return engine.type_objects.member_of_info(info)[1]


def method_from_handle(engine, method_handle, type_handle):
    """MethodBase.GetMethodFromHandle(handle[, declaring type]): the method object; given an
    instantiation of the method's generic type definition, the method of that instantiation."""
    objects = engine.type_objects
    md = objects.member_of_handle(method_handle)
    if not type_handle:
        return objects.method_info(md)
    th = engine.types.by_address[type_handle]
    if th is not md.owner and th.definition is md.owner.definition:
        for m in th.methods:
            if m.rid == md.rid and m.module is md.module:
                if md.generic_args:
                    m = engine.loader.instantiate_method(m, md.generic_args)
                return objects.method_info(m, th)
    return objects.method_info(md, th)


@icall("System.Reflection.RuntimeMethodInfo::GetMethodFromHandleInternalType_native(System.IntPtr,System.IntPtr,System.Boolean)")
def get_method_from_handle(engine, method_handle, type_handle, generic_check):
    if not method_handle:
        return 0
    return method_from_handle(engine, method_handle, type_handle)


@icall("System.Reflection.RuntimeMethodInfo::get_name(System.Reflection.MethodBase)")
def get_name(engine, method):
    return engine.strings.new(_md(engine, method).name)


@icall("System.Reflection.RuntimeMethodInfo::get_metadata_token(System.Reflection.RuntimeMethodInfo)")
def get_metadata_token(engine, method):
    return _md(engine, method).token


@icall("System.Reflection.RuntimeMethodInfo::InternalInvoke(System.Object,System.Object[],System.Exception&)")
def internal_invoke(engine, this, obj, args, exc_out):
    write_u64(exc_out, 0)
    return invoke(engine, _md(engine, this), obj, args)


@icall("System.Reflection.RuntimeMethodInfo::get_base_method(System.Reflection.RuntimeMethodInfo,System.Boolean)")
def get_base_method(engine, method, definition):
    """MethodInfo.GetBaseDefinition (definition: the method that introduced the vtable slot) or the
    override in the nearest base class (GetRuntimeBaseDefinition's single step)."""
    md = _md(engine, method)
    if not md.is_virtual or md.owner.is_interface:
        return method
    loader = engine.loader
    generic = md.generic_definition or md
    build_vtable(loader, md.owner)
    slot = md.owner.slot_of.get(generic, -1)
    if slot < 0:
        return method
    found = generic
    t = md.owner.parent
    while t is not None:
        build_vtable(loader, t)
        if slot >= len(t.vtable):
            break
        found = t.vtable[slot]
        if not definition:
            break
        t = t.parent
    if found is generic:
        return method
    if md.generic_args:
        found = loader.instantiate_method(found, md.generic_args)
    return engine.type_objects.method_info(found, _reflected(engine, method))


@icall("System.Reflection.RuntimeMethodInfo::get_IsGenericMethod()")
def get_is_generic_method(engine, this):
    md = _md(engine, this)
    return 1 if md.signature.generic_param_count else 0


@icall("System.Reflection.RuntimeMethodInfo::get_IsGenericMethodDefinition()")
def get_is_generic_method_definition(engine, this):
    return 1 if _md(engine, this).is_generic_method_definition else 0


@icall("System.Reflection.RuntimeMethodInfo::GetGenericArguments()")
def get_generic_arguments(engine, this):
    md = _md(engine, this)
    loader = engine.loader
    args = md.generic_args or loader.context_of(md).method_args
    objects = engine.type_objects
    arr = objects.new_array(loader.corlib_type("System", "Type"), len(args))
    for i, a in enumerate(args):
        write_u64(arr + ARRAY_DATA_OFFSET + 8 * i, objects.runtime_type(a))
    return arr


@icall("System.Reflection.RuntimeMethodInfo::GetGenericMethodDefinition_impl()")
def get_generic_method_definition(engine, this):
    md = _md(engine, this)
    if not md.signature.generic_param_count:
        return 0
    return engine.type_objects.method_info(md.generic_definition or md, _reflected(engine, this))


@icall("System.Reflection.RuntimeMethodInfo::MakeGenericMethod_impl(System.Type[])")
def make_generic_method(engine, this, types):
    md = _md(engine, this)
    if not md.is_generic_method_definition:
        return 0
    from .system_runtimetype import _types_of_array
    args = _types_of_array(engine, types)
    if len(args) != md.signature.generic_param_count:
        return 0
    if any(a.kind in (TypeKind.BYREF, TypeKind.POINTER) or a is engine.loader.void_type for a in args):
        raise ManagedError("System.ArgumentException", "Invalid generic arguments", "methodInstantiation")
    from ..typesys.generic_constraints import violations
    from ..typesys.type_loader import GenericContext
    ctx = GenericContext(engine.loader.context_of_type(md.owner).type_args, args)
    if violations(engine.loader, md.module, md.token, args, ctx):
        raise ManagedError("System.ArgumentException", "Invalid generic arguments", "methodInstantiation")
    inst = engine.loader.instantiate_method(md, args)
    return engine.type_objects.method_info(inst, _reflected(engine, this))


@icall("System.Reflection.RuntimeMethodInfo::get_core_clr_security_level()")
def get_core_clr_security_level(engine, this):
    return 1
