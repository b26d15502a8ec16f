"""Internal calls of System.Reflection.RuntimeEventInfo and EventInfo: event objects from handles and
what they know (MonoEventInfo: declaring and reflected type, name, accessors, attributes)."""
from ..runtime.native_memory import write_u64
from ..typesys.object_layout import ARRAY_DATA_OFFSET
from .registry import icall


def _event(engine, info):
    return engine.type_objects.member_of_info(info)


@icall("System.Reflection.EventInfo::internal_from_handle_type(System.IntPtr,System.IntPtr)")
def internal_from_handle_type(engine, handle, type_handle):
    if not handle:
        return 0
    objects = engine.type_objects
    th = engine.types.by_address[type_handle] if type_handle else None
    return objects.event_info(objects.member_of_handle(handle), th)


@icall("System.Reflection.RuntimeEventInfo::get_event_info(System.Reflection.RuntimeEventInfo,System.Reflection.MonoEventInfo&)")
def get_event_info(engine, event_info, info):
    event, reflected = _event(engine, event_info)
    objects = engine.type_objects
    loader = engine.loader
    th = loader.corlib_type("System.Reflection", "MonoEventInfo")

    def method(md):
        return objects.method_info(md, reflected) if md is not None else 0
    objects.set_field(info, th, "declaring_type", objects.runtime_type(event.owner))
    objects.set_field(info, th, "reflected_type", objects.runtime_type(reflected))
    objects.set_field(info, th, "name", engine.strings.new(event.name))
    objects.set_field(info, th, "add_method", method(event.add))
    objects.set_field(info, th, "remove_method", method(event.remove))
    objects.set_field(info, th, "raise_method", method(event.fire))
    objects.set_field(info, th, "attrs", event.flags, 4)
    others = objects.new_array(loader.corlib_type("System.Reflection", "MethodInfo"), len(event.others))
    objects.set_field(info, th, "other_methods", others)
    for i, md in enumerate(event.others):
        write_u64(others + ARRAY_DATA_OFFSET + 8 * i, method(md))


@icall("System.Reflection.RuntimeEventInfo::get_metadata_token(System.Reflection.RuntimeEventInfo)")
def get_metadata_token(engine, event_info):
    event, _ = _event(engine, event_info)
    return event.token
