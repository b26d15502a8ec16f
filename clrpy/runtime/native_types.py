"""Publishing types: building the native type handle (typesys/native_type.py) of a TypeHandle.

A type is published the first time generated code or the runtime needs its handle: when an object
of it is allocated, when code tests its class-initialisation flag, when it is an array's element.
The handle lives in never-freed native memory and is named by the symbol `type:KEY` so generated
code refers to it without baking its address in. Publishing a type publishes its parent chain.
"""
import ctypes

from ..typesys.layout import value_slot
from ..typesys.native_type import (NT_ANCESTORS, NT_BASE_SIZE, NT_DEPTH, NT_ELEMENT, NT_ELEMENT_SIZE, NT_FLAGS,
                                   NT_INITIALIZED, NT_INTERFACES, NT_NUM_SLOTS, NT_PARENT, NT_RANK, NT_REF_MAP,
                                   NT_SLOTS, NT_TYPE_ID, NativeTypeFlags as F)
from ..typesys.type_handle import TypeKind
from .native_memory import write_u32, write_u64


class NativeTypeTable:
    """The native handles of one runtime's types, and the reverse map from address to TypeHandle."""

    def __init__(self, arena, symbols, key_of):
        self.arena = arena
        self.symbols = symbols          # NativeEngine.define_symbol
        self.key_of = key_of            # TypeHandle -> stable key string
        self.by_address = {}

    def symbol(self, th) -> str:
        return "type:" + self.key_of(th)

    def address(self, th) -> int:
        if th.native is None:
            self.publish(th)
        return th.native

    def publish(self, th):
        if th.native is not None:
            return th.native
        parent = th.parent
        parent_addr = self.address(parent) if parent is not None else 0
        lay = th.ensure_layout()
        num_slots = len(th.vtable) if th.vtable else 0
        addr = self.arena.alloc(NT_SLOTS + 8 * num_slots, 16)
        th.native = addr
        self.by_address[addr] = th
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
            ref_offsets = erefs
            if th.element.is_reference_type:
                flags |= F.ELEMENT_IS_REFERENCE
            base_size = 0
        elif th is th.loader.string_type:
            flags |= F.STRING
            base_size = 0
        elif th.is_enum and th.element is not None:
            element = self.address(th.element)
        if ref_offsets:
            flags |= F.HAS_REFERENCES
        write_u32(addr + NT_FLAGS, int(flags))
        write_u32(addr + NT_BASE_SIZE, base_size)
        write_u64(addr + NT_PARENT, parent_addr)
        write_u64(addr + NT_ELEMENT, element)
        write_u32(addr + NT_ELEMENT_SIZE, element_size)
        write_u32(addr + NT_RANK, th.rank if th.kind == TypeKind.ARRAY else 0)
        write_u64(addr + NT_REF_MAP, self._ref_map(ref_offsets))
        write_u32(addr + NT_TYPE_ID, th.type_id)
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
        write_u64(addr + NT_INTERFACES, 0)
        write_u32(addr + NT_INITIALIZED, 0)
        write_u32(addr + NT_NUM_SLOTS, num_slots)
        self.symbols(self.symbol(th), addr)
        return addr

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
