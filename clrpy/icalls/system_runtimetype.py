"""Internal calls of System.RuntimeType: names and structure of a type, for reflection and ToString."""
from ..typesys.type_handle import TypeKind
from .registry import icall


def _th(engine, rt):
    return engine.type_objects.type_of_runtime_type(rt)


def _string(engine, text):
    return engine.strings.new(text) if text is not None else 0


def reflection_name(th, full: bool, assembly_qualified: bool) -> str:
    """Type.Name / Type.FullName / AssemblyQualifiedName spelling: nested types with '+', generic
    arguments in brackets (assembly-qualified inside FullName, as .NET writes them)."""
    k = th.kind
    if k == TypeKind.ARRAY:
        inner = reflection_name(th.element, full, False)
        name = inner + ("[]" if th.is_szarray else "[" + "," * (th.rank - 1) + "]")
    elif k == TypeKind.POINTER:
        name = reflection_name(th.element, full, False) + "*"
    elif k == TypeKind.BYREF:
        name = reflection_name(th.element, full, False) + "&"
    elif k == TypeKind.GENERIC_PARAM or th.module is None:
        name = th.name
    else:
        d = th.definition
        if not full:
            name = d.name
        else:
            name = d.name
            outer = d.enclosing
            while outer is not None:
                name = outer.name + "+" + name
                ns = outer.namespace
                outer = outer.enclosing
            else:
                ns = d.namespace if d.enclosing is None else ns
            name = f"{ns}.{name}" if ns else name
            if th.generic_args:
                args = ",".join("[" + reflection_name(a, True, True) + "]" for a in th.generic_args)
                name += f"[{args}]"
    if assembly_qualified:
        module = _defining_module(th)
        if module is not None and module.assembly_name is not None:
            name += ", " + str(module.assembly_name)
    return name


def _defining_module(th):
    while th.kind in (TypeKind.ARRAY, TypeKind.POINTER, TypeKind.BYREF):
        th = th.element
    return th.module


@icall("System.RuntimeType::get_Name()")
def get_name(engine, this):
    return _string(engine, reflection_name(_th(engine, this), False, False))


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
    if th.kind == TypeKind.GENERIC_PARAM:
        return 0
    return _string(engine, reflection_name(th, bool(full_name), bool(assembly_qualified)))


@icall("System.RuntimeType::get_DeclaringType()")
def get_declaring_type(engine, this):
    th = _th(engine, this)
    outer = th.definition.enclosing if th.module is not None else None
    return engine.type_objects.runtime_type(outer) if outer is not None else 0
