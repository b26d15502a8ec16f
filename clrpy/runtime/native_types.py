"""Publishing types: building the native type handle (typesys/native_type.py) of a TypeHandle.

A type is published the first time generated code or the runtime needs its handle: when an object
of it is allocated, when code tests its class-initialisation flag, casts to it or calls through its
vtable. The handle lives in never-freed native memory and is named by the symbol `type:KEY`, so
generated code refers to it without baking its address in. Publishing a type publishes its parent
chain; its interfaces are published when its interface map is built.

Vtable slots and itable entries hold each method's code, or its precode until it is compiled; the
runtime backpatches them with the code (ExecutionEngine.add_code_reference), so a virtual call costs
two dependent loads and an indirect call, with no runtime involvement once the target is compiled.

Interface map: {u32 count; u32 pad; {handle interface; itable*}[count]}, where an itable is the code
address of each of the interface's methods, in the interface's method order, for this class.
"""
import ctypes

from ..typesys.layout import value_slot
from ..typesys.native_type import (NT_ANCESTORS, NT_BASE_SIZE, NT_DEPTH, NT_ELEMENT, NT_ELEMENT_SIZE, NT_FLAGS,
                                   NT_INITIALIZED, NT_INTERFACES, NT_NUM_SLOTS, NT_PARENT, NT_RANK, NT_REF_MAP,
                                   NT_SLOTS, NT_TYPE_ID, NativeTypeFlags as F)
from ..typesys.object_layout import OBJECT_HEADER_SIZE, align
from ..typesys.type_handle import TypeKind
from ..typesys.vtable import build_vtable
from .native_memory import write_u32, write_u64


class NativeTypeTable:
    """The native handles of one runtime's types, and the reverse map from address to TypeHandle."""

    def __init__(self, engine):
        self.engine = engine
        self.arena = engine.arena
        self.by_address = {}

    def symbol(self, th) -> str:
        return "type:" + self.engine.type_key(th)

    def address(self, th) -> int:
        if th.native is None:
            self.publish(th)
        return th.native

    def publish(self, th):
        if th.native is not None:
            return th.native
        engine = self.engine
        parent = th.parent
        parent_addr = self.address(parent) if parent is not None else 0
        lay = th.ensure_layout()
        has_vtable = th.kind in (TypeKind.CLASS, TypeKind.VALUE_TYPE, TypeKind.ARRAY)
        if has_vtable:
            build_vtable(engine.loader, th.parent if th.kind == TypeKind.ARRAY else th)
        vtable = (th.parent.vtable if th.kind == TypeKind.ARRAY else th.vtable) if has_vtable else []
        addr = self.arena.alloc(NT_SLOTS + 8 * len(vtable), 16)
        th.native = addr
        self.by_address[addr] = th
        engine.gc.note_type(th, addr)       # the heap verifier's table of valid object headers
        flags = 0
        if th.kind == TypeKind.VALUE_TYPE:
            flags |= F.VALUE_TYPE
        if th.kind == TypeKind.INTERFACE:
            flags |= F.INTERFACE
        if th.is_abstract:
            flags |= F.ABSTRACT
        if th.is_enum:
            flags |= F.ENUM
        if th.is_nullable:
            flags |= F.NULLABLE
        if th.is_delegate:
            flags |= F.DELEGATE
        base_size = lay.instance_size
        element = 0
        element_size = 0
        ref_offsets = lay.ref_offsets
        if th.kind == TypeKind.ARRAY:
            flags |= F.ARRAY
            if th.is_szarray:
                flags |= F.SZARRAY
            size, _align, erefs = value_slot(th.element)
            element = self.address(th.element)
            element_size = size
            ref_offsets = erefs         # within one element
            if th.element.is_reference_type:
                flags |= F.ELEMENT_IS_REFERENCE
            base_size = 0
        elif th is engine.loader.string_type:
            flags |= F.STRING
            base_size = 0
        elif th.kind == TypeKind.VALUE_TYPE:
            # Objects of a value type are boxes: the header, then the value.
            base_size = align(OBJECT_HEADER_SIZE + lay.instance_size, 8)
            ref_offsets = tuple(OBJECT_HEADER_SIZE + r for r in lay.ref_offsets)
            if th.is_enum and th.element is not None:
                element = self.address(th.element)
        if ref_offsets:
            flags |= F.HAS_REFERENCES
        if self._has_finalizer(th):
            flags |= F.HAS_FINALIZER
        write_u32(addr + NT_FLAGS, int(flags))
        write_u32(addr + NT_BASE_SIZE, base_size)
        write_u64(addr + NT_PARENT, parent_addr)
        write_u64(addr + NT_ELEMENT, element)
        write_u32(addr + NT_ELEMENT_SIZE, element_size)
        write_u32(addr + NT_RANK, th.rank if th.kind == TypeKind.ARRAY else 0)
        write_u64(addr + NT_REF_MAP, self._ref_map(ref_offsets))
        write_u32(addr + NT_TYPE_ID, th.type_id)
        self._write_ancestors(th, addr)
        write_u32(addr + NT_INITIALIZED, 0 if engine.class_init.has_cctor(th) else 1)
        write_u32(addr + NT_NUM_SLOTS, len(vtable))
        for i, md in enumerate(vtable):
            self._write_entry(th, md, addr + NT_SLOTS + 8 * i)
        write_u64(addr + NT_INTERFACES, self._interface_map(th) if has_vtable else 0)
        engine.native.define_symbol(self.symbol(th), addr)
        return addr

    def _write_entry(self, th, md, word: int):
        """Store what a virtual or interface call on an object of `th` should reach for `md`."""
        engine = self.engine
        if th.kind == TypeKind.VALUE_TYPE and md.owner.is_value_type:
            write_u64(word, engine.unboxing_stub(md))       # continues through the cell: no backpatch
            return
        write_u64(word, engine.callable_address(md))
        engine.add_code_reference(md, word)

    def _has_finalizer(self, th) -> bool:
        if th.kind != TypeKind.CLASS or th.vtable is None:
            return False
        obj = self.engine.loader.object_type
        return any(m.name == "Finalize" and m.owner is not obj and not m.param_types for m in th.vtable)

    def _write_ancestors(self, th, addr):
        chain = []
        t = th
        while t is not None:
            chain.append(t)
            t = t.parent
        chain.reverse()
        write_u32(addr + NT_DEPTH, len(chain) - 1)
        ancestors = self.arena.alloc(8 * len(chain), 8)
        for i, t in enumerate(chain):
            write_u64(ancestors + 8 * i, addr if t is th else self.address(t))
        write_u64(addr + NT_ANCESTORS, ancestors)

    def _interface_map(self, th) -> int:
        engine = self.engine
        owner = th.parent if th.kind == TypeKind.ARRAY else th
        entries = list(owner.interface_slots.items()) if owner.interface_slots else []
        entries += engine.extra_interfaces(th)
        if not entries:
            return 0
        table = self.arena.alloc(8 + 16 * len(entries), 16)
        write_u32(table, len(entries))
        for i, (iface, slots) in enumerate(entries):
            itable = self.arena.alloc(8 * max(len(slots), 1), 8)
            for k, slot in enumerate(slots):
                md = slot if not isinstance(slot, int) else (owner.vtable[slot] if slot >= 0 else None)
                if md is not None:
                    self._write_entry(th, md, itable + 8 * k)
            write_u64(table + 8 + 16 * i, self.address(iface))
            write_u64(table + 16 + 16 * i, itable)
        return table

    def _ref_map(self, offsets) -> int:
        if not offsets:
            return 0
        p = self.arena.alloc(4 + 4 * len(offsets), 8)
        write_u32(p, len(offsets))
        for i, off in enumerate(offsets):
            write_u32(p + 4 + 4 * i, off)
        return p

    def set_initialized(self, th):
        write_u32(self.address(th) + NT_INITIALIZED, 1)

    def type_of_object(self, obj: int):
        """The TypeHandle of the object at address `obj`."""
        return self.by_address[ctypes.c_uint64.from_address(obj).value]
