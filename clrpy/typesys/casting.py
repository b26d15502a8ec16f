"""Casting rules: when is an object of one type an instance of another (ECMA-335 I.8.7, II.9.5).

Generated code decides the common cases inline (a class in the parent chain, an interface in the
type's interface map); this module is the complete rule the runtime falls back on, and caches:

* every type casts to System.Object, and a type to itself;
* classes: the target is in the parent chain;
* interfaces: the type implements the target, or an interface *variant-compatible* with it: the
  same generic interface, with each covariant (`out T`) argument a reference type castable to the
  target's, each contravariant (`in T`) argument one the target's casts to, invariant ones equal;
* delegates: the same variance rule between instantiations of one generic delegate type;
* arrays: to System.Array and its interfaces; to another array type of the same rank and shape
  whose element type is a reference type the source's element casts to (array covariance), or
  whose element is the same size and kind of primitive or enum (int[] and uint[], an enum array
  and its underlying type's); a single-dimensional array also to IList<T>, ICollection<T>,
  IEnumerable<T>, IReadOnlyList<T> and IReadOnlyCollection<T> of an element type it casts to.
"""
from ..metadata.schema import TableId as T
from .type_handle import ELEMENT_SIZE, TypeKind
from .vtable import all_interfaces

COVARIANT = 0x1
CONTRAVARIANT = 0x2

ARRAY_GENERIC_INTERFACES = ("IList`1", "ICollection`1", "IEnumerable`1", "IReadOnlyList`1",
                            "IReadOnlyCollection`1")


def can_cast(loader, src, dst) -> bool:
    if src is dst or dst is loader.object_type:
        return True
    if src.kind == TypeKind.ARRAY:
        return _array_cast(loader, src, dst)
    if dst.kind == TypeKind.INTERFACE:
        if src.kind == TypeKind.INTERFACE and variant_compatible(loader, src, dst):
            return True         # IEnumerable<string> is an IEnumerable<object> (its own map lacks itself)
        return any(i is dst or variant_compatible(loader, i, dst) for i in all_interfaces(src))
    if dst.kind in (TypeKind.ARRAY, TypeKind.POINTER, TypeKind.BYREF, TypeKind.GENERIC_PARAM):
        return False
    t = src.parent
    while t is not None:
        if t is dst:
            return True
        t = t.parent
    if src.is_delegate and dst.is_delegate:
        return variant_compatible(loader, src, dst)
    return False


def variant_compatible(loader, src, dst) -> bool:
    """Instantiations of one generic interface or delegate, related through its variance."""
    if src.generic_definition is None or src.generic_definition is not dst.generic_definition:
        return False
    definition = src.generic_definition
    params = definition.module.generic_params((T.TypeDef << 24) | definition.rid)
    for gp, a, b in zip(params, src.generic_args, dst.generic_args):
        if a is b:
            continue
        variance = gp.flags & 0x3
        if variance == COVARIANT:
            if not (a.is_reference_type and can_cast(loader, a, b)):
                return False
        elif variance == CONTRAVARIANT:
            if not (b.is_reference_type and can_cast(loader, b, a)):
                return False
        else:
            return False
    return True


def _array_cast(loader, src, dst) -> bool:
    if dst is loader.array_type:
        return True
    if dst.kind == TypeKind.ARRAY:
        if src.rank != dst.rank or src.is_szarray != dst.is_szarray:
            return False
        return element_compatible(loader, src.element, dst.element)
    if dst.kind == TypeKind.INTERFACE:
        if any(i is dst or variant_compatible(loader, i, dst) for i in all_interfaces(loader.array_type)):
            return True
        if src.is_szarray and dst.generic_definition is not None and dst.namespace == "System.Collections.Generic" \
                and dst.name in ARRAY_GENERIC_INTERFACES and dst.module is loader.corlib:
            return element_compatible(loader, src.element, dst.generic_args[0])
        return False
    t = loader.array_type
    while t is not None:
        if t is dst:
            return True
        t = t.parent
    return False


def element_compatible(loader, a, b) -> bool:
    """Can an array of `a` be seen as an array of `b`?"""
    if a is b:
        return True
    if a.is_reference_type and b.is_reference_type:
        return can_cast(loader, a, b)
    pa, pb = _primitive_of(a), _primitive_of(b)
    if pa is not None and pb is not None:
        # int[] <-> uint[], enum arrays <-> their underlying type's (same size, both integral).
        return ELEMENT_SIZE.get(pa) == ELEMENT_SIZE.get(pb) and _integral(pa) and _integral(pb)
    return False


def _primitive_of(th):
    if th.is_enum:
        th.ensure_layout()
        return th.element.cor_type if th.element is not None else None
    return th.cor_type if th.is_primitive else None


def _integral(et) -> bool:
    from ..metadata.signatures import ElementType as E
    return et not in (E.R4, E.R8, E.BOOLEAN, E.CHAR)


def cast_message(src, dst) -> str:
    """InvalidCastException's message: Mono's, word for word, so that programs printing it behave as
    under Mono (CoreCLR names both types; the types are in the stack trace's frame anyway)."""
    return "Specified cast is not valid."
