"""Generic parameter constraints (ECMA-335 II.10.1.7): checking that type arguments satisfy them.

The JIT trusts the compiler (C# checks constraints at compile time, and verification is not a
goal), so only instantiations made at run time are checked: Type.MakeGenericType and
MethodInfo.MakeGenericMethod, where a bad argument is an ArgumentException, not a crash later.
"""
from ..metadata.schema import TableId as T
from .casting import can_cast
from .type_handle import TypeKind

REFERENCE_TYPE, NOT_NULLABLE_VALUE_TYPE, DEFAULT_CONSTRUCTOR = 0x4, 0x8, 0x10


def violations(loader, module, owner_token: int, args, ctx) -> list:
    """Descriptions of the constraints of the generic parameters of `owner_token` (a TypeDef or
    MethodDef of `module`) that `args` break; `ctx` is the generic context the constraints are read
    in (the instantiation being made)."""
    problems = []
    for row, arg in zip(module.generic_params(owner_token), args):
        rid = _rid_of(module, owner_token, row.number)
        flags = row.flags
        if arg.kind == TypeKind.GENERIC_PARAM:
            continue
        if flags & REFERENCE_TYPE and not (arg.is_reference_type or arg.kind == TypeKind.POINTER):
            problems.append(f"{arg.full_name} is not a reference type ({row.name} : class)")
        if flags & NOT_NULLABLE_VALUE_TYPE and (not arg.is_value_type or arg.is_nullable):
            problems.append(f"{arg.full_name} is not a non-nullable value type ({row.name} : struct)")
        if flags & DEFAULT_CONSTRUCTOR and not arg.is_value_type and not _has_default_ctor(arg):
            problems.append(f"{arg.full_name} has no public parameterless constructor ({row.name} : new())")
        for c in (module.generic_param_constraints(rid) if rid else ()):
            target = loader.resolve_type_token(module, c.constraint, ctx)
            if target is loader.value_type_type and arg.is_value_type:
                continue
            if not can_cast(loader, arg, target):
                problems.append(f"{arg.full_name} does not derive from or implement {target.full_name}")
    return problems


def _rid_of(module, owner_token, number) -> int:
    for rid in module.lookup(T.GenericParam, "Owner", owner_token):
        if module.tables[T.GenericParam][rid].number == number:
            return rid
    return 0


def _has_default_ctor(th) -> bool:
    if th.kind != TypeKind.CLASS or th.is_abstract:
        return False
    return any(m.is_constructor and not m.param_types and (m.flags & 0x7) == 0x6 for m in th.methods)
