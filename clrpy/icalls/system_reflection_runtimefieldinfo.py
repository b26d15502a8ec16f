"""Internal calls of System.Reflection.RuntimeFieldInfo and FieldInfo: field objects from handles, and
reading and writing fields reflectively (FieldInfo.GetValue/SetValue: boxes in, boxes out)."""
from ..metadata.schema import TableId as T
from ..runtime.reflection_values import box_value, constant_value, static_field_address, store_value
from ..typesys.object_layout import OBJECT_HEADER_SIZE
from .managed_errors import ManagedError
from .registry import icall


def _field(engine, info):
    return engine.type_objects.member_of_info(info)


def field_from_handle(engine, field_handle, type_handle):
    objects = engine.type_objects
    f = objects.member_of_handle(field_handle)
    if not type_handle:
        return objects.field_info(f)
    th = engine.types.by_address[type_handle]
    if th is not f.owner and th.definition is f.owner.definition:
        for g in th.fields:
            if g.rid == f.rid and g.module is f.module:
                return objects.field_info(g, th)
    return objects.field_info(f, th)


@icall("System.Reflection.FieldInfo::internal_from_handle_type(System.IntPtr,System.IntPtr)")
def internal_from_handle_type(engine, field_handle, type_handle):
    return field_from_handle(engine, field_handle, type_handle) if field_handle else 0


def _address(engine, f, obj) -> int:
    """Where field `f` lives: its static slot, or inside `obj` (a box for value-type owners)."""
    if f.is_static:
        if f.has_rva:
            raise ManagedError("System.NotSupportedException", f"reading the data field {f.name} (an RVA static)")
        return static_field_address(engine, f)
    if not obj:
        raise ManagedError("System.Reflection.TargetException", "Non-static field requires a target")
    f.owner.ensure_layout()
    base = obj + OBJECT_HEADER_SIZE if f.owner.is_value_type else obj
    return base + f.offset


def _check_open(f):
    if any(a.kind.name == "GENERIC_PARAM" for a in f.owner.generic_args) or f.owner.is_generic_definition:
        raise ManagedError("System.InvalidOperationException",
                           "Late bound operations cannot be performed on fields with types for which "
                           "Type.ContainsGenericParameters is true.")


@icall("System.Reflection.RuntimeFieldInfo::GetValueInternal(System.Object)")
def get_value_internal(engine, this, obj):
    f, _ = _field(engine, this)
    _check_open(f)
    if f.is_literal:
        return constant_value(engine, f.module, f.token, f.type)
    return box_value(engine, f.type, _address(engine, f, obj))


@icall("System.Reflection.RuntimeFieldInfo::UnsafeGetValue(System.Object)")
def unsafe_get_value(engine, this, obj):
    return get_value_internal(engine, this, obj)


@icall("System.Reflection.RuntimeFieldInfo::SetValueInternal(System.Reflection.FieldInfo,System.Object,System.Object)")
def set_value_internal(engine, fi, obj, value):
    f, _ = _field(engine, fi)
    _check_open(f)
    if f.is_literal:
        raise ManagedError("System.FieldAccessException", "Cannot set a constant field")
    store_value(engine, f.type, _address(engine, f, obj), value)


@icall("System.Reflection.RuntimeFieldInfo::ResolveType()")
def resolve_type(engine, this):
    f, _ = _field(engine, this)
    return engine.type_objects.runtime_type(f.type)


@icall("System.Reflection.RuntimeFieldInfo::GetParentType(System.Boolean)")
def get_parent_type(engine, this, declaring):
    f, reflected = _field(engine, this)
    return engine.type_objects.runtime_type(f.owner if declaring else reflected)


@icall("System.Reflection.RuntimeFieldInfo::GetFieldOffset()")
def get_field_offset(engine, this):
    f, _ = _field(engine, this)
    f.owner.ensure_layout()
    return f.offset - (0 if f.owner.is_value_type else OBJECT_HEADER_SIZE)


@icall("System.Reflection.RuntimeFieldInfo::GetRawConstantValue()")
def get_raw_constant_value(engine, this):
    f, _ = _field(engine, this)
    if not f.is_literal:
        raise ManagedError("System.InvalidOperationException", "Operation is not valid due to the current state of the object.")
    return constant_value(engine, f.module, f.token)


@icall("System.Reflection.RuntimeFieldInfo::get_metadata_token(System.Reflection.RuntimeFieldInfo)")
def get_metadata_token(engine, info):
    f, _ = _field(engine, info)
    return (T.Field << 24) | f.rid


@icall("System.Reflection.RuntimeFieldInfo::get_core_clr_security_level()")
def get_core_clr_security_level(engine, this):
    return 1
