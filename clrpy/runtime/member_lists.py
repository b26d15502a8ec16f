"""Which members Type.GetMethods/GetConstructors/GetFields/GetProperties/GetEvents/GetNestedTypes
return: the BindingFlags filter and the hiding rules, as Mono's runtime applies them.

The class library asks the runtime for candidates (RuntimeType.GetMethodsByName_native and its
siblings) and does the rest itself (binders, parameter matching, caching). The runtime's part:

* the type's own members first, in metadata order, then each base class's unless DeclaredOnly;
* Public matches public members; NonPublic matches the others, except private members of base
  classes, which are never returned;
* Instance matches instance members; Static matches the type's own static members, and inherited
  ones only with FlattenHierarchy;
* a name (MemberListType CaseSensitive / CaseInsensitive) filters by name; All takes every name;
* a virtual method overridden lower in the hierarchy is returned once, as the most derived override
  (one per vtable slot); a property or event hides the base's of the same name (and, for
  properties, the same parameter types); constructors are returned only by GetConstructors, and
  only the type's own.
"""
from ..typesys.member_info import events_of, properties_of
from ..typesys.type_handle import TypeKind
from ..typesys.vtable import build_vtable

# System.Reflection.BindingFlags
IGNORE_CASE, DECLARED_ONLY, INSTANCE, STATIC, PUBLIC, NON_PUBLIC, FLATTEN_HIERARCHY = 1, 2, 4, 8, 16, 32, 64
# System.RuntimeType.MemberListType
ALL, CASE_SENSITIVE, CASE_INSENSITIVE, HANDLE_TO_INFO = 0, 1, 2, 3

ACCESS_MASK, PRIVATE, PUBLIC_ACCESS = 0x7, 0x1, 0x6
STATIC_FLAG = 0x10
NESTED_PUBLIC, VISIBILITY_MASK = 0x2, 0x7


def _name_matches(name, member_name, list_type, flags) -> bool:
    if name is None or list_type == ALL:
        return True
    if list_type == CASE_INSENSITIVE or flags & IGNORE_CASE:
        return name.lower() == member_name.lower()
    return name == member_name


def _hierarchy(th, flags):
    """The classes to search: th, then its bases unless DeclaredOnly."""
    if th.kind == TypeKind.GENERIC_PARAM:
        return []
    out = [th]
    if not flags & DECLARED_ONLY:
        t = th.parent
        while t is not None:
            out.append(t)
            t = t.parent
    return out


def _access_matches(access: int, flags: int, own: bool) -> bool:
    if access == PUBLIC_ACCESS:
        return bool(flags & PUBLIC)
    if access == PRIVATE and not own:
        return False
    return bool(flags & NON_PUBLIC)


def _static_matches(is_static: bool, flags: int, own: bool) -> bool:
    if is_static:
        return bool(flags & STATIC) and (own or bool(flags & FLATTEN_HIERARCHY))
    return bool(flags & INSTANCE)


def methods(th, name, flags, list_type):
    """MethodDescs for GetMethods / GetMethod (not constructors)."""
    out = []
    seen_slots = set()
    loader = th.loader
    for t in _hierarchy(th, flags):
        own = t is th
        if t.kind not in (TypeKind.ARRAY,):
            build_vtable(loader, t)
        slot_of = getattr(t, "slot_of", {}) or {}
        for m in t.methods:
            if m.name in (".ctor", ".cctor"):
                continue
            slot = slot_of.get(m, -1) if m.is_virtual else -1
            if slot >= 0:
                if slot in seen_slots:
                    continue
                seen_slots.add(slot)
            if not _access_matches(m.flags & ACCESS_MASK, flags, own):
                continue
            if not _static_matches(m.is_static, flags, own):
                continue
            if not _name_matches(name, m.name, list_type, flags):
                continue
            out.append(m)
    return out


def constructors(th, flags):
    out = []
    if th.kind == TypeKind.GENERIC_PARAM:
        return out
    for m in th.methods:
        if m.name not in (".ctor", ".cctor"):
            continue
        if (m.flags & ACCESS_MASK) == PUBLIC_ACCESS:
            if not flags & PUBLIC:
                continue
        elif not flags & NON_PUBLIC:
            continue
        if not _static_matches(m.is_static, flags, True):
            continue
        out.append(m)
    return out


def fields(th, name, flags, list_type):
    out = []
    for t in _hierarchy(th, flags):
        own = t is th
        for f in t.fields:
            if not _access_matches(f.flags & ACCESS_MASK, flags, own):
                continue
            if not _static_matches(f.is_static, flags, own):
                continue
            if not _name_matches(name, f.name, list_type, flags):
                continue
            out.append(f)
    return out


def _accessor_access(accessors, flags, own) -> bool:
    if any((m.flags & ACCESS_MASK) == PUBLIC_ACCESS for m in accessors):
        return bool(flags & PUBLIC)
    if not flags & NON_PUBLIC:
        return False
    return any((m.flags & ACCESS_MASK) != PRIVATE or own for m in accessors)


def properties(th, name, flags, list_type):
    out = []
    seen = set()
    for t in _hierarchy(th, flags):
        own = t is th
        for p in properties_of(t):
            accessors = p.accessors
            if not _accessor_access(accessors, flags, own):
                continue
            is_static = bool(accessors and accessors[0].flags & STATIC_FLAG)
            if not _static_matches(is_static, flags, own):
                continue
            if not _name_matches(name, p.name, list_type, flags):
                continue
            key = (p.name, _property_params(p))
            if key in seen:
                continue
            seen.add(key)
            out.append(p)
    return out


def _property_params(p):
    if p.getter is not None:
        return tuple(p.getter.param_types)
    if p.setter is not None:
        return tuple(p.setter.param_types[:-1])
    return ()


def events(th, name, flags, list_type):
    out = []
    seen = set()
    for t in _hierarchy(th, flags):
        own = t is th
        for e in events_of(t):
            accessors = e.accessors
            if not _accessor_access(accessors, flags, own):
                continue
            is_static = bool(accessors and accessors[0].flags & STATIC_FLAG)
            if not _static_matches(is_static, flags, own):
                continue
            if not _name_matches(name, e.name, list_type, flags):
                continue
            if e.name in seen:
                continue
            seen.add(e.name)
            out.append(e)
    return out


def nested_types(th, name, flags, list_type):
    """The nested type definitions th declares (generic ones open, as in Mono)."""
    out = []
    d = th.definition
    if d.module is None or d.kind == TypeKind.GENERIC_PARAM:
        return out
    loader = th.loader
    for rid in d.module.nested_types(d.rid):
        nested = loader.load_typedef(d.module, rid)
        public = (nested.flags & VISIBILITY_MASK) == NESTED_PUBLIC
        if not (flags & PUBLIC if public else flags & NON_PUBLIC):
            continue
        if not _name_matches(name, nested.name, list_type, flags):
            continue
        out.append(nested)
    return out
