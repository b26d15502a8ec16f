"""Internal calls of System.RuntimeType: names and structure of a type, for reflection and ToString."""
from ..runtime.native_memory import write_u64
from ..typesys.object_layout import ARRAY_DATA_OFFSET
from ..typesys.type_handle import TypeKind
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
