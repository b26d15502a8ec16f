"""The native type handle: the struct every object's first word points to (Mono's MonoVTable,
CoreCLR's MethodTable). Generated code, runtime helpers written as native code, and the collector
read it, so its layout is defined here once.

    offset  size  field
    0       4     flags            NativeTypeFlags
    4       4     base_size        bytes of an instance (objects); 0 for strings and arrays
    8       8     parent           native handle of the base class, or 0
    16      8     element          arrays: element type's handle; enums: underlying type's handle
    24      4     element_size     arrays: bytes per element
    28      4     rank             arrays: number of dimensions
    32      8     ref_map          address of {u32 count; u32 offsets[count]}: where the references are
                                   (for arrays: inside one element), or 0
    40      4     type_id          index of the TypeHandle in the runtime's type table
    44      4     depth            number of base classes (System.Object: 0)
    48      8     ancestors        address of {handle[depth + 1]}: the class chain, for fast casts
    56      8     interfaces       address of {u32 count; u32 pad; handle[count]}, or 0
    64      4     initialized      class constructor state: 0 not run, 1 done (tested by generated code)
    68      4     num_slots        number of virtual method slots
    72      16*8  itable cache     {interface handle; itable} x 8, indexed by bits 4-6 of the interface
                                   handle's address: the itables interface calls used last (filled by
                                   clrpy_find_itable), so a call through an interface usually costs
                                   two loads and a compare, like a virtual call, instead of a map scan
    200     8*n   slots            the vtable: code (or precode) address of each virtual method
"""
from enum import IntFlag

NT_FLAGS = 0
NT_BASE_SIZE = 4
NT_PARENT = 8
NT_ELEMENT = 16
NT_ELEMENT_SIZE = 24
NT_RANK = 28
NT_REF_MAP = 32
NT_TYPE_ID = 40
NT_DEPTH = 44
NT_ANCESTORS = 48
NT_INTERFACES = 56
NT_INITIALIZED = 64
NT_NUM_SLOTS = 68
NT_ITABLE_CACHE = 72
ITABLE_CACHE_ENTRIES = 8
NT_SLOTS = NT_ITABLE_CACHE + 16 * ITABLE_CACHE_ENTRIES


def itable_cache_index(interface_handle: int) -> int:
    return (interface_handle >> 4) & (ITABLE_CACHE_ENTRIES - 1)


def slot_offset(slot: int) -> int:
    return NT_SLOTS + 8 * slot


class NativeTypeFlags(IntFlag):
    VALUE_TYPE = 0x1
    INTERFACE = 0x2
    ARRAY = 0x4
    SZARRAY = 0x8
    STRING = 0x10
    HAS_REFERENCES = 0x20
    HAS_FINALIZER = 0x40
    ELEMENT_IS_REFERENCE = 0x80
    NULLABLE = 0x100
    ENUM = 0x200
    DELEGATE = 0x400
    ABSTRACT = 0x800
