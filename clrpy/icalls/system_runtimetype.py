"""Internal calls of System.RuntimeType: names and structure of a type, making types (generic
instantiations, arrays, pointers, byrefs), and the member lists reflection starts from
(runtime/member_lists.py decides which members each call returns)."""
import ctypes

from ..errors import UnsupportedFeatureError
from ..runtime import member_lists
from ..runtime.native_memory import read_u64, write_u64
from ..runtime.reflection_invoke import held
from ..typesys.object_layout import ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET
from ..typesys.type_handle import TypeKind
from ..typesys.type_loader import GenericContext
from ..typesys.vtable import all_interfaces, build_vtable
from .managed_errors import ManagedError
from .mono_runtimegptrarrayhandle import new_gptr_array
from .mono_safestringmarshal import utf8_at
from .registry import icall


def _th(engine, rt):
    return engine.type_objects.type_of_runtime_type(rt)


def _string(engine, text):
    return engine.strings.new(text) if text is not None else 0


# Name formats, as Mono's runtime spells them: Type.ToString() (REFLECTION: generic arguments by
# their own names), Type.FullName (FULL: generic arguments assembly-qualified, each in brackets) and
# Type.AssemblyQualifiedName (QUALIFIED).
REFLECTION, FULL, QUALIFIED = 0, 1, 2


def reflection_name(th, full: bool, assembly_qualified: bool) -> str:
    """RuntimeType.getFullName(full, assembly_qualified): ToString() is (False, False), FullName
    (True, False), AssemblyQualifiedName (True, True)."""
    return type_name(th, (QUALIFIED if assembly_qualified else FULL) if full else REFLECTION)


def type_name(th, fmt: int, recursed: bool = False) -> str:
    k = th.kind
    if k in (TypeKind.ARRAY, TypeKind.POINTER, TypeKind.BYREF):
        name = type_name(th.element, FULL if fmt == QUALIFIED else fmt)
        if k == TypeKind.ARRAY:
            name += "[]" if th.is_szarray else "[" + ("*" if th.rank == 1 else "," * (th.rank - 1)) + "]"
        else:
            name += "*" if k == TypeKind.POINTER else "&"
        if fmt == QUALIFIED:
            name += _assembly_suffix(th)
        return name
    if k == TypeKind.GENERIC_PARAM or th.module is None:
        return th.name
    d = th.definition
    if d.enclosing is not None:
        name = type_name(d.enclosing, fmt, recursed=True) + "+" + d.name
    else:
        name = f"{d.namespace}.{d.name}" if d.namespace else d.name
    if recursed:
        return name
    if th.generic_args:
        if fmt == REFLECTION:
            name += "[" + ",".join(type_name(a, REFLECTION) for a in th.generic_args) + "]"
        else:
            name += "[" + ",".join("[" + type_name(a, QUALIFIED) + "]" for a in th.generic_args) + "]"
    elif fmt == REFLECTION and th.generic_param_count:
        # An open generic type definition: its parameters by name.
        params = d.module.generic_params((0x02 << 24) | d.rid)
        name += "[" + ",".join(p.name for p in params) + "]"
    if fmt == QUALIFIED:
        name += _assembly_suffix(th)
    return name


def _assembly_suffix(th) -> str:
    module = _defining_module(th)
    if module is not None and module.assembly_name is not None:
        return ", " + str(module.assembly_name)
    return ""


def _defining_module(th):
    while th.kind in (TypeKind.ARRAY, TypeKind.POINTER, TypeKind.BYREF):
        th = th.element
    return th.module


@icall("System.RuntimeType::get_Name()")
def get_name(engine, this):
    return _string(engine, simple_name(_th(engine, this)))


def simple_name(th) -> str:
    """Type.Name: the type's own name, with the suffixes of arrays, pointers and byrefs."""
    k = th.kind
    if k == TypeKind.ARRAY:
        return simple_name(th.element) + ("[]" if th.is_szarray else "[" + ("*" if th.rank == 1 else "," * (th.rank - 1)) + "]")
    if k == TypeKind.POINTER:
        return simple_name(th.element) + "*"
    if k == TypeKind.BYREF:
        return simple_name(th.element) + "&"
    return th.definition.name if th.module is not None else th.name


@icall("System.RuntimeType::get_Namespace()")
def get_namespace(engine, this):
    th = _th(engine, this)
    while th.kind in (TypeKind.ARRAY, TypeKind.POINTER, TypeKind.BYREF):
        th = th.element
    d = th.definition
    while d.enclosing is not None:
        d = d.enclosing
    return _string(engine, d.namespace or None)


@icall("System.RuntimeType::getFullName(System.Boolean,System.Boolean)")
def get_full_name(engine, this, full_name, assembly_qualified):
    th = _th(engine, this)
    if th.kind == TypeKind.GENERIC_PARAM and full_name:
        return 0
    return _string(engine, reflection_name(th, bool(full_name), bool(assembly_qualified)))


@icall("System.RuntimeType::get_DeclaringType()")
def get_declaring_type(engine, this):
    th = _th(engine, this)
    outer = th.definition.enclosing if th.module is not None else None
    return engine.type_objects.runtime_type(outer) if outer is not None else 0


@icall("System.RuntimeType::GetGenericArgumentsInternal(System.Boolean)")
def get_generic_arguments_internal(engine, this, runtime_array):
    """The type arguments of an instantiation, or the parameters of a generic type definition
    (as RuntimeType[] or Type[])."""
    th = _th(engine, this)
    loader = engine.loader
    if th.generic_definition is not None:
        args = th.generic_args
    elif th.module is not None:
        args = loader.typical_args(th)
    else:
        args = ()
    element = loader.corlib_type("System", "RuntimeType" if runtime_array else "Type")
    arr = engine.heap.new_szarray(engine.types.address(loader.array_of(element)), 8, len(args))
    for i, a in enumerate(args):
        write_u64(arr + ARRAY_DATA_OFFSET + 8 * i, engine.type_objects.runtime_type(a))
    return arr


# -- making types -------------------------------------------------------------------------------------
def _types_of_array(engine, arr):
    n = read_u64(arr + ARRAY_LENGTH_OFFSET)
    return [_th(engine, read_u64(arr + ARRAY_DATA_OFFSET + 8 * i)) for i in range(n)]


@icall("System.RuntimeType::MakeGenericType(System.Type,System.Type[])")
def make_generic_type(engine, gt, types):
    """typeof(List<>).MakeGenericType(...), and RuntimeType.CreateInstanceForAnotherGenericParameter
    (EqualityComparer<T>.Default's comparer types). The managed caller has checked the count."""
    definition = _th(engine, gt)
    args = _types_of_array(engine, types)
    loader = engine.loader
    from ..typesys.generic_constraints import violations
    problems = violations(loader, definition.module, (0x02 << 24) | definition.rid, args,
                          GenericContext(args, ()))
    if problems:
        raise ManagedError("System.ArgumentException", "Invalid generic arguments", "typeArguments")
    return engine.type_objects.runtime_type(loader.instantiate(definition, args))


@icall("System.RuntimeType::make_array_type(System.Int32)")
def make_array_type(engine, this, rank):
    th = _th(engine, this)
    return engine.type_objects.runtime_type(engine.loader.array_of(th, max(rank, 1), szarray=rank == 0))


@icall("System.RuntimeType::make_byref_type()")
def make_byref_type(engine, this):
    return engine.type_objects.runtime_type(engine.loader.byref_to(_th(engine, this)))


@icall("System.RuntimeType::MakePointerType(System.Type)")
def make_pointer_type(engine, t):
    return engine.type_objects.runtime_type(engine.loader.pointer_to(_th(engine, t)))


# -- members --------------------------------------------------------------------------------------------
@icall("System.RuntimeType::GetConstructors_native(System.Reflection.BindingFlags)")
def get_constructors_native(engine, this, flags):
    objects = engine.type_objects
    return new_gptr_array(objects.method_handle(m) for m in member_lists.constructors(_th(engine, this), flags))


@icall("System.RuntimeType::GetMethodsByName_native(System.IntPtr,System.Reflection.BindingFlags,System.RuntimeType+MemberListType)")
def get_methods_by_name_native(engine, this, name, flags, list_type):
    objects = engine.type_objects
    found = member_lists.methods(_th(engine, this), utf8_at(name), flags, list_type)
    return new_gptr_array(objects.method_handle(m) for m in found)


@icall("System.RuntimeType::GetFields_native(System.IntPtr,System.Reflection.BindingFlags,System.RuntimeType+MemberListType)")
def get_fields_native(engine, this, name, flags, list_type):
    objects = engine.type_objects
    found = member_lists.fields(_th(engine, this), utf8_at(name), flags, list_type)
    return new_gptr_array(objects.field_handle(f) for f in found)


@icall("System.RuntimeType::GetPropertiesByName_native(System.IntPtr,System.Reflection.BindingFlags,System.RuntimeType+MemberListType)")
def get_properties_by_name_native(engine, this, name, flags, list_type):
    objects = engine.type_objects
    found = member_lists.properties(_th(engine, this), utf8_at(name), flags, list_type)
    return new_gptr_array(objects.member_handle(p) for p in found)


@icall("System.RuntimeType::GetEvents_native(System.IntPtr,System.RuntimeType+MemberListType)")
def get_events_native(engine, this, name, list_type):
    # Every event, public or not, static or not: the managed caller filters by BindingFlags.
    objects = engine.type_objects
    flags = (member_lists.PUBLIC | member_lists.NON_PUBLIC | member_lists.INSTANCE | member_lists.STATIC
             | member_lists.FLATTEN_HIERARCHY)
    found = member_lists.events(_th(engine, this), utf8_at(name), flags, list_type)
    return new_gptr_array(objects.member_handle(e) for e in found)


@icall("System.RuntimeType::GetNestedTypes_native(System.IntPtr,System.Reflection.BindingFlags,System.RuntimeType+MemberListType)")
def get_nested_types_native(engine, this, name, flags, list_type):
    found = member_lists.nested_types(_th(engine, this), utf8_at(name), flags, list_type)
    return new_gptr_array(engine.types.address(t) for t in found)


@icall("System.RuntimeType::GetInterfaces()")
def get_interfaces(engine, this):
    th = _th(engine, this)
    if th.kind == TypeKind.GENERIC_PARAM:
        ifaces = []
    else:
        ifaces = list(all_interfaces(th)) + [i for i, _ in engine.extra_interfaces(th)]
    seen = []
    for i in ifaces:
        if i not in seen:
            seen.append(i)
    objects = engine.type_objects
    arr = objects.new_array(engine.loader.corlib_type("System", "Type"), len(seen))
    for k, i in enumerate(seen):
        write_u64(arr + ARRAY_DATA_OFFSET + 8 * k, objects.runtime_type(i))
    return arr


@icall("System.RuntimeType::GetInterfaceMapData(System.Type,System.Type,System.Reflection.MethodInfo[]&,System.Reflection.MethodInfo[]&)")
def get_interface_map_data(engine, t, iface, targets_out, methods_out):
    th, it = _th(engine, t), _th(engine, iface)
    write_u64(targets_out, 0)
    write_u64(methods_out, 0)
    if it not in all_interfaces(th):
        return
    loader = engine.loader
    build_vtable(loader, it)
    objects = engine.type_objects
    mi = loader.corlib_type("System.Reflection", "MethodInfo")
    methods = list(it.vtable)
    with held(engine):
        targets = objects.new_array(mi, len(methods))
        write_u64(targets_out, targets)
        infos = objects.new_array(mi, len(methods))
        write_u64(methods_out, infos)
        for k, m in enumerate(methods):
            write_u64(infos + ARRAY_DATA_OFFSET + 8 * k, objects.method_info(m, it))
            impl = engine.dispatch.resolve_for_type(th, m)
            write_u64(targets + ARRAY_DATA_OFFSET + 8 * k, objects.method_info(impl, th))


@icall("System.RuntimeType::GetTypeCodeImplInternal(System.Type)")
def get_type_code_impl_internal(engine, t):
    th = _th(engine, t)
    if th.is_enum:
        th.ensure_layout()
        th = th.element
    if th.kind != TypeKind.VALUE_TYPE and th.kind != TypeKind.CLASS:
        return 1                                            # TypeCode.Object
    if th is engine.loader.string_type:
        return 18
    if th.module is engine.loader.corlib and th.namespace == "System":
        code = _TYPE_CODES.get(th.name)
        if code is not None:
            return code
    return 1


_TYPE_CODES = {"Boolean": 3, "Char": 4, "SByte": 5, "Byte": 6, "Int16": 7, "UInt16": 8, "Int32": 9, "UInt32": 10,
               "Int64": 11, "UInt64": 12, "Single": 13, "Double": 14, "Decimal": 15, "DateTime": 16, "DBNull": 2}


@icall("System.RuntimeType::CreateInstanceInternal(System.Type)")
def create_instance_internal(engine, t):
    """Activator.CreateInstance of a value type without a parameterless constructor: a zeroed box."""
    th = _th(engine, t)
    if th.is_nullable:
        return 0
    if not th.is_value_type or th.kind == TypeKind.GENERIC_PARAM:
        raise UnsupportedFeatureError(f"CreateInstanceInternal of {th.full_name}")
    engine.class_init.ensure(th)
    return engine.heap.new_object(engine.types.address(th), engine.object_size_of_box(th))


@icall("System.RuntimeType::GetGenericParameterPosition()")
def get_generic_parameter_position(engine, this):
    th = _th(engine, this)
    return th.generic_param_number if th.kind == TypeKind.GENERIC_PARAM else -1


@icall("System.RuntimeType::get_DeclaringMethod()")
def get_declaring_method(engine, this):
    th = _th(engine, this)
    if th.kind == TypeKind.GENERIC_PARAM and th.generic_param_is_method:
        raise UnsupportedFeatureError("Type.DeclaringMethod of a generic method parameter")
    return 0


@icall("System.RuntimeType::get_core_clr_security_level()")
def get_core_clr_security_level(engine, this):
    return 1                                # safe-critical: what Mono answers without CoreCLR security


@icall("System.RuntimeType::GetCorrespondingInflatedMethod(System.Reflection.MethodInfo)")
def get_corresponding_inflated_method(engine, this, method):
    return _inflated(engine, this, method)


@icall("System.RuntimeType::GetCorrespondingInflatedConstructor(System.Reflection.ConstructorInfo)")
def get_corresponding_inflated_constructor(engine, this, ctor):
    return _inflated(engine, this, ctor)


def _inflated(engine, this, info):
    """The member of instantiation `this` that corresponds to `info`, a member of its definition."""
    th = _th(engine, this)
    md = engine.type_objects.method_of_info(info)
    for m in th.methods:
        if m.rid == md.rid and m.module is md.module:
            return engine.type_objects.method_info(m, th)
    return 0


@icall("System.RuntimeType::GetPacking(System.Int32&,System.Int32&)")
def get_packing(engine, this, packing_out, size_out):
    th = _th(engine, this)
    row = th.module.class_layout(th.definition.rid) if th.module is not None else None
    ctypes.c_int32.from_address(packing_out).value = row.packing_size if row is not None else 8
    ctypes.c_int32.from_address(size_out).value = row.class_size if row is not None else 0


@icall("System.RuntimeType::IsWindowsRuntimeObjectType(System.RuntimeType)")
def is_windows_runtime_object_type(engine, t):
    return 0


@icall("System.RuntimeType::IsTypeExportedToWindowsRuntime(System.RuntimeType)")
def is_type_exported_to_windows_runtime(engine, t):
    return 0
