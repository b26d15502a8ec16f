"""Internal calls of System.Reflection.RuntimePropertyInfo: property objects from handles and what
they know (declaring and reflected type, name, accessors, attributes, default value). Getting and
setting a property's value is the class library's work: it invokes the accessor methods."""
from ..runtime.reflection_values import constant_value
from .registry import icall

# System.Reflection.PInfo: which parts of MonoPropertyInfo the caller wants (we fill them all)


def _prop(engine, info):
    return engine.type_objects.member_of_info(info)


def property_from_handle(engine, handle, type_handle):
    objects = engine.type_objects
    prop = objects.member_of_handle(handle)
    th = engine.types.by_address[type_handle] if type_handle else None
    return objects.property_info(prop, th)


@icall("System.Reflection.RuntimePropertyInfo::internal_from_handle_type(System.IntPtr,System.IntPtr)")
def internal_from_handle_type(engine, handle, type_handle):
    return property_from_handle(engine, handle, type_handle) if handle else 0


@icall("System.Reflection.RuntimePropertyInfo::get_property_info(System.Reflection.RuntimePropertyInfo,System.Reflection.MonoPropertyInfo&,System.Reflection.PInfo)")
def get_property_info(engine, prop_info, info, req):
    prop, reflected = _prop(engine, prop_info)
    objects = engine.type_objects
    th = engine.loader.corlib_type("System.Reflection", "MonoPropertyInfo")
    objects.set_field(info, th, "parent", objects.runtime_type(reflected))
    objects.set_field(info, th, "declaring_type", objects.runtime_type(prop.owner))
    objects.set_field(info, th, "name", engine.strings.new(prop.name))
    objects.set_field(info, th, "get_method", objects.method_info(prop.getter, reflected) if prop.getter else 0)
    objects.set_field(info, th, "set_method", objects.method_info(prop.setter, reflected) if prop.setter else 0)
    objects.set_field(info, th, "attrs", prop.flags, 4)


@icall("System.Reflection.RuntimePropertyInfo::get_default_value(System.Reflection.RuntimePropertyInfo)")
def get_default_value(engine, prop_info):
    prop, _ = _prop(engine, prop_info)
    return constant_value(engine, prop.module, prop.token, prop.type)


@icall("System.Reflection.RuntimePropertyInfo::get_metadata_token(System.Reflection.RuntimePropertyInfo)")
def get_metadata_token(engine, prop_info):
    prop, _ = _prop(engine, prop_info)
    return prop.token
