"""Virtual method tables and interface maps (ECMA-335 II.10.3, "Introducing and overriding virtual methods").

A type's vtable is its parent's, slot for slot, extended by the virtual methods it introduces:

* a virtual method marked `newslot` always gets a new slot;
* otherwise it *overrides* the most derived inherited slot with the same name and signature, or
  gets a new slot if there is none;
* a MethodImpl row (`.override`) replaces a named slot explicitly, whatever the names (C#'s
  explicit interface implementations and `override` of a renamed method compile to these).

The interface map says, for each interface the type implements (directly, through its parent, or
through other interfaces), which vtable slot implements each of the interface's methods, in the
interface's method order (an *itable*). It is resolved by ECMA's rules, most specific first:
an explicit MethodImpl in the type, then -- if the type declares the interface itself or its parent
does not implement it -- a public virtual method of the type with the same name and signature,
then what the parent's map says for the same interface (its MethodImpls included), then a
matching virtual method anywhere up the parent chain. Calls through an interface find the itable
and then go through the vtable, so later overrides of an implementing method are honoured.
"""
from ..errors import TypeResolutionError
from ..metadata.schema import TableId as T
from .type_handle import TypeKind


def build_vtable(loader, th):
    """Fill th.vtable (list of MethodDesc), th.slot_of ({MethodDesc: slot}) and th.interface_slots."""
    if th.vtable is not None:
        return
    parent = th.parent
    if parent is not None:
        build_vtable(loader, parent)
        vtable = list(parent.vtable)
    else:
        vtable = []
    slot_of = {}
    if th.kind == TypeKind.INTERFACE:
        # An interface's "slots" are its methods in declaration order (what itables index).
        th.vtable = [m for m in th.methods if m.is_virtual]
        th.slot_of = {m: i for i, m in enumerate(th.vtable)}
        th.interface_slots = {}
        return
    for m in th.methods:
        if not m.is_virtual:
            continue
        slot = -1
        if not m.is_new_slot:
            slot = _overridden_slot(loader, vtable, m)
        if slot < 0:
            slot = len(vtable)
            vtable.append(m)
        else:
            vtable[slot] = m
        m.slot = slot
        slot_of[m] = slot
    impls = _method_impls(loader, th)
    for body, decl in impls:
        if decl.owner.is_interface:
            continue            # interface declarations are resolved in the interface map
        decl_slot = _slot_in(vtable, decl)
        if decl_slot < 0:
            raise TypeResolutionError(f"{th.full_name}: .override of {decl.full_name}, which is not a virtual "
                                      f"method of a base class", type_name=th.full_name)
        vtable[decl_slot] = body
        if body.slot < 0:
            body.slot = decl_slot
            slot_of[body] = decl_slot
    if not th.is_abstract:
        missing = next((m for m in vtable if m.is_abstract), None)
        if missing is not None:
            raise TypeResolutionError(f"{th.full_name} does not implement the abstract method {missing.full_name} "
                                      f"(TypeLoadException)", type_name=th.full_name)
    th.vtable = vtable
    th.slot_of = {m: i for i, m in enumerate(vtable)}
    th.slot_of.update(slot_of)
    try:
        th.interface_slots = _interface_map(loader, th, impls)
    except TypeResolutionError:
        th.vtable = None            # the type cannot load: every later use raises again
        raise


def same_signature(a, b) -> bool:
    """Do two methods take and return the same types, each seen in its own instantiation?

    Signatures are compared after resolution, not as written: C<T>.M(T) implements I<int>.M(int)
    in C<int>, and D : B<int> overrides B<T>.M(T) with M(int)."""
    return (a.signature.generic_param_count == b.signature.generic_param_count
            and a.has_this == b.has_this
            and a.return_type is b.return_type
            and a.param_types == b.param_types)


def _overridden_slot(loader, vtable, m) -> int:
    for i in range(len(vtable) - 1, -1, -1):
        base = vtable[i]
        if base.name == m.name and same_signature(base, m):
            return i
    return -1


def _slot_in(vtable, decl) -> int:
    """The slot holding `decl` (or a method with its identity: same definition row and owner)."""
    for i, m in enumerate(vtable):
        if m is decl:
            return i
    for i, m in enumerate(vtable):
        if m.rid == decl.rid and m.module is decl.module and m.owner.definition is decl.owner.definition:
            return i
    return -1


def _method_impls(loader, th):
    """(body MethodDesc, declaration MethodDesc) for each MethodImpl row of th."""
    if th.module is None:
        return []
    out = []
    ctx = loader.context_of_type(th)
    for row in th.module.method_impls_of(th.rid):
        body = loader.resolve_method_token(th.module, row.method_body, ctx)
        if body.owner.definition is th.definition and body.owner is not th:
            body = loader.method_of(th, body.rid)
        decl = loader.resolve_method_token(th.module, row.method_declaration, ctx)
        out.append((body, decl))
    return out


def all_interfaces(th):
    """Every interface th implements: declared ones, their ancestors, and the parent's, without repeats."""
    seen = []
    t = th
    chain = []
    while t is not None:
        chain.append(t)
        t = t.parent
    for t in reversed(chain):
        for i in t.interfaces:
            _add_with_bases(i, seen)
    if th.is_interface:
        for i in list(th.interfaces):
            _add_with_bases(i, seen)
    return seen


def _add_with_bases(iface, seen):
    if iface in seen:
        return
    seen.append(iface)
    for i in iface.interfaces:
        _add_with_bases(i, seen)


def _interface_map(loader, th, impls):
    result = {}
    parent = th.parent
    declared = th.interfaces
    for iface in all_interfaces(th):
        build_vtable(loader, iface)
        slots = []
        parent_map = parent.interface_slots.get(iface) if parent is not None else None
        # A type's own public virtuals implement an interface only if it (re)declares it; otherwise
        # the parent's map stands, even over a `new virtual` method of the same name (II.12.2).
        own_methods_count = parent_map is None or iface in declared
        for k, im in enumerate(iface.vtable):
            slot = _explicit(th, impls, im)
            if slot < 0 and own_methods_count:
                slot = _implicit(loader, th, im, own_only=True)
            if slot < 0 and parent_map is not None:
                slot = parent_map[k]
            if slot < 0:
                slot = _implicit(loader, th, im, own_only=False)
            if slot < 0:
                if im.is_abstract and not th.is_abstract and not th.is_interface:
                    raise TypeResolutionError(f"{th.full_name} does not implement {iface.full_name}::{im.name} "
                                              f"(TypeLoadException)", type_name=th.full_name)
                slot = -1
            slots.append(slot)
        result[iface] = slots
    return result


def _explicit(th, impls, im) -> int:
    """The slot of th's own MethodImpl for interface method `im` (the parent's are in its map)."""
    for body, decl in impls:
        if decl is im or (decl.rid == im.rid and decl.module is im.module and decl.owner is im.owner):
            return th.slot_of.get(body, body.slot)
    return -1


def _implicit(loader, th, im, own_only: bool) -> int:
    t = th
    while t is not None:
        for m in t.methods:
            if m.is_virtual and m.name == im.name and same_signature(m, im):
                return th.slot_of.get(m, m.slot)
        if own_only:
            break
        t = t.parent
    return -1
