"""The runtime's side of virtual dispatch and casting: the slow paths generated code calls.

The fast paths are native (vtable loads; `clrpy_find_itable` scanning the interface map; class
casts against the ancestors array). What reaches Python here is rare and cached:
* an interface a type implements only through variance, or an array's generic collection
  interface: found once, then *added* to the type's native interface map (a new, longer map is
  swapped in) so the next lookup stays native;
* generic virtual methods: resolved per (receiver type, method instantiation) and cached;
* casts the inline code leaves open (arrays, variance, delegates): decided by typesys/casting.py
  and cached per (source, target) pair.
"""
import ctypes

from ..jit.helpers import BuiltinException as BX
from ..typesys.casting import can_cast, cast_message, variant_compatible
from ..typesys.native_type import NT_INTERFACES
from ..typesys.type_handle import TypeKind
from ..typesys.vtable import build_vtable
from .native_memory import read_u32, read_u64, write_u32, write_u64


class Dispatch:
    def __init__(self, engine):
        self.engine = engine
        self._casts = {}            # (source TypeHandle, target TypeHandle) -> bool
        self._virtual = {}          # (receiver TypeHandle, MethodDesc) -> code address

    # -- interface maps ---------------------------------------------------------------------------------
    def find_itable_slow(self, vt: int, iface_handle: int) -> int:
        types = self.engine.types
        th = types.by_address[vt]
        iface = types.by_address[iface_handle]
        if not can_cast(self.engine.loader, th, iface):
            return 0
        source, slots = self._implementation_for(th, iface)
        itable = self._build_itable(th, source, slots)
        self._append_to_map(vt, iface_handle, itable)
        return itable

    def _implementation_for(self, th, iface):
        """(the interface th implements that serves calls through `iface`, its methods)."""
        loader = self.engine.loader
        owner = th.parent if th.kind == TypeKind.ARRAY else th
        build_vtable(loader, owner)
        for impl, slots in list(owner.interface_slots.items()) + self.engine.extra_interfaces(th):
            if impl is iface or variant_compatible(loader, impl, iface):
                return impl, slots
        if th.kind == TypeKind.ARRAY:
            # IList<Base> on a Derived[]: array covariance extends to the generic interfaces.
            from .array_interfaces import array_interface_methods
            methods = array_interface_methods(loader, th.element, iface)
            if methods is not None:
                return iface, methods
        raise_what = f"{th.full_name} does not implement {iface.full_name}"
        from ..errors import TypeResolutionError
        raise TypeResolutionError(raise_what)

    def _build_itable(self, th, iface, slots) -> int:
        engine = self.engine
        owner = th.parent if th.kind == TypeKind.ARRAY else th
        itable = engine.arena.alloc(8 * max(len(slots), 1), 8)
        for k, slot in enumerate(slots):
            md = slot if not isinstance(slot, int) else (owner.vtable[slot] if slot >= 0 else None)
            if md is not None:
                engine.types._write_entry(th, md, itable + 8 * k)
        return itable

    def _append_to_map(self, vt, iface_handle, itable):
        arena = self.engine.arena
        old = read_u64(vt + NT_INTERFACES)
        n = read_u32(old) if old else 0
        new = arena.alloc(8 + 16 * (n + 1), 16)
        if n:
            ctypes.memmove(new + 8, old + 8, 16 * n)
        write_u64(new + 8 + 16 * n, iface_handle)
        write_u64(new + 16 + 16 * n, itable)
        write_u32(new, n + 1)
        write_u64(vt + NT_INTERFACES, new)      # one aligned store: readers see the old or the new map

    # -- generic virtual methods ------------------------------------------------------------------------
    def resolve_virtual(self, obj: int, md) -> int:
        engine = self.engine
        th = engine.types.type_of_object(obj)
        key = (th, md)
        code = self._virtual.get(key)
        if code is None:
            loader = engine.loader
            generic = md.generic_definition or md
            owner = th.parent if th.kind == TypeKind.ARRAY else th
            build_vtable(loader, owner)
            if generic.owner.is_interface:
                build_vtable(loader, generic.owner)
                index = generic.owner.slot_of[generic]
                _impl, slots = self._implementation_for(th, generic.owner)
                target = owner.vtable[slots[index]]
            else:
                build_vtable(loader, generic.owner)
                target = owner.vtable[generic.owner.slot_of[generic]]
            impl = loader.instantiate_method(target, md.generic_args)
            if th.kind == TypeKind.VALUE_TYPE and impl.owner.is_value_type:
                # The receiver is a box; the value type's method wants a pointer to the value.
                code = self._virtual[key] = engine.unboxing_stub(impl)
            else:
                code = self._virtual[key] = engine.ensure_compiled(impl)
        return code

    def resolve_for_type(self, th, md):
        """The method a virtual call of `md` reaches on an object of type `th` (md itself if it is
        not virtual)."""
        if not md.is_virtual or md.is_final or th is md.owner:
            return md
        loader = self.engine.loader
        build_vtable(loader, th)
        generic = md.generic_definition or md       # slots belong to generic methods' definitions
        build_vtable(loader, md.owner)
        if md.owner.is_interface:
            _impl, slots = self._implementation_for(th, md.owner)
            target = th.vtable[slots[md.owner.slot_of[generic]]]
        else:
            target = th.vtable[md.owner.slot_of[generic]]
        return loader.instantiate_method(target, md.generic_args) if md.generic_args else target

    # -- casts ---------------------------------------------------------------------------------------------
    def is_instance(self, obj: int, target_handle: int) -> int:
        if not obj:
            return 0
        types = self.engine.types
        src = types.type_of_object(obj)
        dst = types.by_address[target_handle]
        key = (src, dst)
        r = self._casts.get(key)
        if r is None:
            r = self._casts[key] = can_cast(self.engine.loader, src, dst)
        return 1 if r else 0

    def raise_invalid_cast(self, obj, target_handle, method, il_offset):
        types = self.engine.types
        src = types.type_of_object(obj)
        dst = types.by_address[target_handle]
        obj = self.engine.new_exception(BX.NAMES[BX.INVALID_CAST], cast_message(src, dst))
        self.engine.pending.raise_object(obj, [self.engine._frame_text(method, il_offset)])
