"""Internal calls of System.MonoCustomAttrs: the custom attributes of one reflection object (a type,
method, constructor, field, property, event or parameter), as new attribute objects or as a yes/no
(runtime/attribute_objects.py builds them). Inheritance and pseudo-attributes are managed code's."""
from ..metadata.schema import TableId as T
from ..runtime.attribute_objects import construct, matching_rows
from ..runtime.native_memory import read_u64, write_u64
from ..runtime.reflection_invoke import held
from ..typesys.object_layout import ARRAY_DATA_OFFSET
from .managed_errors import ManagedError
from .registry import icall


def target_of(engine, provider):
    """(module, metadata token) whose CustomAttribute rows belong to reflection object `provider`;
    (None, 0) for things without metadata (arrays, pointers, generic parameters)."""
    objects = engine.type_objects
    cls = engine.types.type_of_object(provider)
    name = cls.name
    if name == "RuntimeType":
        th = objects.type_of_runtime_type(provider)
        d = th.definition
        if d.module is None or d.kind.name == "GENERIC_PARAM":
            return None, 0
        return d.module, (T.TypeDef << 24) | d.rid
    if name in ("RuntimeMethodInfo", "RuntimeConstructorInfo"):
        md = objects.method_of_info(provider)
        return md.module, md.token
    if name in ("RuntimeFieldInfo", "RuntimePropertyInfo", "RuntimeEventInfo"):
        member, _ = objects.member_of_info(provider)
        return member.module, member.token
    if name == "RuntimeParameterInfo":
        member = objects.get_field(provider, cls, "MemberImpl")
        position = ctypes_i32(provider + objects.offset(cls, "PositionImpl"))
        if not member:
            return None, 0
        md = objects.method_of_info(member)
        for rid in md.module.params_of(md.rid):
            if md.module.tables[T.Param][rid].sequence == position + 1:
                return md.module, (T.Param << 24) | rid
        return None, 0
    raise ManagedError("System.NotSupportedException", f"custom attributes of a {cls.full_name}")


def ctypes_i32(address):
    import ctypes
    return ctypes.c_int32.from_address(address).value


def _rows(engine, provider, attribute_type):
    module, token = target_of(engine, provider)
    if module is None:
        return None, []
    wanted = engine.type_objects.type_of_runtime_type(attribute_type) if attribute_type else None
    return module, matching_rows(engine, module, module.custom_attributes(token), wanted)


@icall("System.MonoCustomAttrs::IsDefinedInternal(System.Reflection.ICustomAttributeProvider,System.Type)")
def is_defined_internal(engine, provider, attribute_type):
    _, rows = _rows(engine, provider, attribute_type)
    return 1 if rows else 0


@icall("System.MonoCustomAttrs::GetCustomAttributesInternal(System.Reflection.ICustomAttributeProvider,System.Type,System.Boolean)")
def get_custom_attributes_internal(engine, provider, attribute_type, pseudo_attrs):
    module, rows = _rows(engine, provider, attribute_type)
    objects = engine.type_objects
    arr = objects.new_array(engine.loader.corlib_type("System", "Attribute"), len(rows))
    with held(engine, arr):
        for i, (row, ctor) in enumerate(rows):
            write_u64(arr + ARRAY_DATA_OFFSET + 8 * i, construct(engine, module, row, ctor))
    return arr
