"""Internal calls of System.RuntimeTypeHandle: questions about a type, asked through its RuntimeType."""
from ..errors import AssemblyResolutionError, TypeResolutionError
from ..metadata.signatures import ElementType as E
from ..runtime.strings import read_string
from ..typesys.casting import can_cast
from ..typesys.type_handle import TypeKind
from .managed_errors import ManagedError
from .registry import icall


def _th(engine, runtime_type):
    return engine.type_objects.type_of_runtime_type(runtime_type)


def _rt(engine, th):
    return engine.type_objects.runtime_type(th) if th is not None else 0


@icall("System.RuntimeTypeHandle::GetAttributes(System.RuntimeType)")
def get_attributes(engine, rt):
    return int(_th(engine, rt).flags)


@icall("System.RuntimeTypeHandle::GetMetadataToken(System.RuntimeType)")
def get_metadata_token(engine, rt):
    th = _th(engine, rt)
    return (0x02000000 | th.definition.rid) if th.module is not None else 0x02000000


@icall("System.RuntimeTypeHandle::GetGenericTypeDefinition_impl(System.RuntimeType)")
def get_generic_type_definition(engine, rt):
    th = _th(engine, rt)
    return _rt(engine, th.generic_definition or (th if th.is_generic_definition else None))


_COR_OF_KIND = {TypeKind.ARRAY: E.ARRAY, TypeKind.POINTER: E.PTR, TypeKind.BYREF: E.BYREF, TypeKind.FNPTR: E.FNPTR}


@icall("System.RuntimeTypeHandle::GetCorElementType(System.RuntimeType)")
def get_cor_element_type(engine, rt):
    th = _th(engine, rt)
    if th.kind == TypeKind.ARRAY:
        return int(E.SZARRAY if th.is_szarray else E.ARRAY)
    if th.kind in _COR_OF_KIND:
        return int(_COR_OF_KIND[th.kind])
    if th.kind == TypeKind.GENERIC_PARAM:
        return int(E.MVAR if th.generic_param_is_method else E.VAR)
    if th.cor_type is not None and th.cor_type not in (E.SZARRAY, E.ARRAY):
        return int(th.cor_type)
    if th.generic_definition is not None:
        return int(E.GENERICINST)
    return int(E.VALUETYPE if th.is_value_type else E.CLASS)


@icall("System.RuntimeTypeHandle::HasInstantiation(System.RuntimeType)")
def has_instantiation(engine, rt):
    th = _th(engine, rt)
    return 1 if (th.generic_definition is not None or th.is_generic_definition) else 0


@icall("System.RuntimeTypeHandle::IsComObject(System.RuntimeType)")
def is_com_object(engine, rt):
    return 0


@icall("System.RuntimeTypeHandle::IsInstanceOfType(System.RuntimeType,System.Object)")
def is_instance_of_type(engine, rt, obj):
    if not obj:
        return 0
    return 1 if can_cast(engine.loader, engine.types.type_of_object(obj), _th(engine, rt)) else 0


@icall("System.RuntimeTypeHandle::HasReferences(System.RuntimeType)")
def has_references(engine, rt):
    th = _th(engine, rt)
    return 1 if th.is_reference_type or th.ensure_layout().has_references else 0


@icall("System.RuntimeTypeHandle::GetArrayRank(System.RuntimeType)")
def get_array_rank(engine, rt):
    th = _th(engine, rt)
    return th.rank if th.kind == TypeKind.ARRAY else 0


@icall("System.RuntimeTypeHandle::GetElementType(System.RuntimeType)")
def get_element_type(engine, rt):
    th = _th(engine, rt)
    return _rt(engine, th.element if th.kind in (TypeKind.ARRAY, TypeKind.POINTER, TypeKind.BYREF) else None)


@icall("System.RuntimeTypeHandle::IsGenericVariable(System.RuntimeType)")
def is_generic_variable(engine, rt):
    return 1 if _th(engine, rt).kind == TypeKind.GENERIC_PARAM else 0


@icall("System.RuntimeTypeHandle::GetBaseType(System.RuntimeType)")
def get_base_type(engine, rt):
    return _rt(engine, _th(engine, rt).parent)


@icall("System.RuntimeTypeHandle::type_is_assignable_from(System.Type,System.Type)")
def type_is_assignable_from(engine, target, source):
    return 1 if can_cast(engine.loader, _th(engine, source), _th(engine, target)) else 0


@icall("System.RuntimeTypeHandle::IsGenericTypeDefinition(System.RuntimeType)")
def is_generic_type_definition(engine, rt):
    return 1 if _th(engine, rt).is_generic_definition else 0


@icall("System.RuntimeTypeHandle::is_subclass_of(System.IntPtr,System.IntPtr)")
def is_subclass_of(engine, child, parent):
    types = engine.types
    return 1 if types.by_address[child].is_subclass_of(types.by_address[parent]) else 0


@icall("System.RuntimeTypeHandle::IsByRefLike(System.RuntimeType)")
def is_by_ref_like(engine, rt):
    th = _th(engine, rt)
    if th.module is None:
        return 0
    for ca in th.module.custom_attributes(0x02000000 | th.definition.rid):
        if ca.type.table == 0x0A:
            parent = th.module.tables[0x0A][ca.type.rid].class_
            if parent.table == 0x01 and th.module.tables[0x01][parent.rid].type_name == "IsByRefLikeAttribute":
                return 1
        elif ca.type.table == 0x06:
            owner = th.module.owner_of_method(ca.type.rid)
            if th.module.tables[0x02][owner].type_name == "IsByRefLikeAttribute":
                return 1
    return 0


@icall("System.RuntimeTypeHandle::GetAssembly(System.RuntimeType)")
def get_assembly(engine, rt):
    module = _defining_module(_th(engine, rt))
    return engine.type_objects.assembly_object(module) if module is not None else 0


@icall("System.RuntimeTypeHandle::GetModule(System.RuntimeType)")
def get_module(engine, rt):
    module = _defining_module(_th(engine, rt))
    return engine.type_objects.module_object(module) if module is not None else 0


def _defining_module(th):
    while th.kind in (TypeKind.ARRAY, TypeKind.POINTER, TypeKind.BYREF):
        th = th.element
    if th.module is None:
        return th.loader.corlib             # generic parameters, function pointers
    return th.definition.module


@icall("System.RuntimeTypeHandle::internal_from_name(System.String,System.Threading.StackCrawlMark&,System.Reflection.Assembly,System.Boolean,System.Boolean,System.Boolean)")
def internal_from_name(engine, name, stack_mark, caller_assembly, throw_on_error, ignore_case, reflection_only):
    """Type.GetType(name): a name without an assembly is looked up in the calling method's assembly,
    then in mscorlib (as Mono does)."""
    modules = []
    caller = caller_of_stack_mark(engine, stack_mark) if stack_mark else None
    if caller is not None and caller.module is not None:
        modules.append(caller.module)
    elif caller is None:
        entry = getattr(engine, "entry_module", None)
        modules.extend(m for m in ([entry] if entry is not None else []))
    if engine.loader.corlib not in modules:
        modules.append(engine.loader.corlib)
    return type_by_name(engine, read_string(name), modules, throw_on_error, ignore_case)


def type_by_name(engine, text, modules, throw_on_error, ignore_case):
    from ..runtime.reflection_type_names import TypeNameError, parse_type_name, resolve
    try:
        parsed = parse_type_name(text)
    except TypeNameError:
        if throw_on_error:
            raise ManagedError("System.ArgumentException", f"Type name '{text}' is invalid.", "typeName")
        return 0
    try:
        th = resolve(engine.loader, parsed, modules, bool(ignore_case))
    except AssemblyResolutionError as e:
        if throw_on_error:
            raise ManagedError("System.IO.FileNotFoundException",
                               f"Could not load file or assembly '{parsed.assembly}' or one of its dependencies.")
        return 0
    except TypeResolutionError:
        th = None
    if th is None:
        if throw_on_error:
            where = f"{parsed.assembly}" if parsed.assembly else str(modules[0].assembly_name)
            raise ManagedError("System.TypeLoadException", f"Could not load type '{text.split(',')[0].strip()}' from assembly '{where}'.")
        return 0
    return engine.type_objects.runtime_type(th)


def caller_of_stack_mark(engine, stack_mark: int):
    """The method that called the method whose local StackCrawlMark is at `stack_mark`
    (StackCrawlMark.LookForMyCaller, what Type.GetType(string) passes): the frame of that method is
    the innermost frame-pointer record above the local, and its return address lies in the caller.
    Generated code keeps frame pointers, so the record is found by looking up the stack from the
    local for the first (saved frame pointer, return address into managed code) pair."""
    from ..runtime.native_memory import read_u64
    top = read_u64(engine.stack_hi_cell)
    address = stack_mark & ~7          # the mark is an int32 local
    limit = stack_mark + 64 * 1024
    if top:
        limit = min(limit, top)
    while address + 16 <= limit:
        saved = read_u64(address)
        if address < saved < limit + (1 << 20) and saved % 8 == 0:
            hit = engine.code_map.lookup(read_u64(address + 8) - 1)
            if hit is not None:
                return hit[0]
        address += 8
    return None
