"""The managed heap: its reservation and blocks, the collector's state block, and allocation from
Python.

Generated code allocates inline by bumping `clrpy_alloc_ptr` up to `clrpy_alloc_limit` (jit/translate/
objects.py), and calls `clrpy_alloc_slow` (native, native_code.py) past it. The runtime's Python code
(icalls, the embedding API, exceptions it raises) allocates through the same native slow path, with
one difference: **an allocation from Python never collects**. Python code may hold raw object
addresses in its variables, which no stack scan sees; so when memory runs short it grows the heap
and asks for a collection at the next allocation from managed code (docs/gc.md, "Python's
references").

The heap grows by blocks from the bottom of its reservation (`BLOCKS_END`); memory of blocks that
were never used is known to be zero and is not cleared again.
"""
import ctypes

from ...errors import ClrpyError
from ...typesys.native_type import NT_FLAGS, NativeTypeFlags
from ...typesys.object_layout import (ARRAY_BOUND_LENGTH_OFFSET, ARRAY_BOUND_LOWER_OFFSET, ARRAY_BOUND_SIZE,
                                      ARRAY_BOUNDS_OFFSET, ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET,
                                      STRING_CHARS_OFFSET, STRING_LENGTH_OFFSET, align, string_size)
from ..native_memory import read_u32, read_u64, write_u32, write_u64
from . import heap_layout as L
from .reservation import Reservation

DEFAULT_HEAP_RESERVATION = 32 << 30
OOM_RESERVE = 1 << 20           # room past the limit for an OutOfMemoryException and its stack trace


class HeapExhausted(ClrpyError):
    """An allocation from Python found the heap full (managed code sees OutOfMemoryException)."""
    managed_type = "System.OutOfMemoryException"

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ManagedHeap:
    def __init__(self, arena, define_symbol, max_bytes=None):
        from ...jit.helpers import ALLOC_LIMIT, ALLOC_PTR
        self.max_bytes = max_bytes
        self.state = arena.alloc(L.STATE_SIZE, 64)
        define_symbol("clrpy_gc_state", self.state)
        self.ptr_cell = arena.alloc(8, 8)
        self.limit_cell = arena.alloc(8, 8)
        define_symbol(ALLOC_PTR, self.ptr_cell)
        define_symbol(ALLOC_LIMIT, self.limit_cell)
        # Filler "types": two words of native memory whose addresses mark dead ranges.
        fillers = arena.alloc(64, 16)
        self.set("FILLER_TYPE", fillers)
        self.set("FILLER8_TYPE", fillers + 32)

        area = DEFAULT_HEAP_RESERVATION
        if max_bytes is not None:
            area = align(max_bytes + OOM_RESERVE, L.BLOCK_SIZE)
        bitmap = area // 64
        table = area // L.BLOCK_SIZE * L.BLOCK_ENTRY_SIZE
        stack = area // 2
        self.reservation = Reservation(area + 3 * bitmap + table + stack)
        base = self.reservation.address
        self.area = area
        self.set("HEAP_BASE", base)
        self.set("HEAP_LIMIT", base + area)
        self.set("BLOCKS_END", base)
        self.set("MARK_BITS", base + area)
        self.set("START_BITS", base + area + bitmap)
        self.set("SUPPRESS_BITS", base + area + 2 * bitmap)
        self.set("BLOCK_TABLE", base + area + 3 * bitmap)
        self.set("MARK_STACK", base + area + 3 * bitmap + table)
        self.set("MARK_SP", self.get("MARK_STACK"))
        self.reserve_open = False
        self._alloc = None              # clrpy_gc_alloc, once the native module is compiled
        self.python_young = []          # objects allocated from Python (roots.py: while Python may hold them)

    # -- the state block -------------------------------------------------------------------------------
    def get(self, field: str) -> int:
        return ctypes.c_int64.from_address(self.state + L.STATE[field]).value

    def set(self, field: str, value: int):
        ctypes.c_int64.from_address(self.state + L.STATE[field]).value = value

    @property
    def base(self) -> int:
        return self.get("HEAP_BASE")

    @property
    def size(self) -> int:
        """Bytes of blocks in use (the heap's footprint)."""
        return self.get("BLOCKS_END") - self.base

    def contains(self, address: int) -> bool:
        return self.base <= address < self.get("BLOCKS_END")

    def bind(self, alloc_address: int):
        self._alloc = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64, ctypes.c_int64)(alloc_address)

    # -- growth ----------------------------------------------------------------------------------------
    def limit(self) -> int:
        """The most bytes of blocks the heap may use now."""
        cap = self.area
        if self.max_bytes is not None:
            cap = min(cap, align(self.max_bytes, L.BLOCK_SIZE) + (OOM_RESERVE if self.reserve_open else 0))
        return cap

    def can_grow(self, nbytes: int) -> bool:
        return self.size + nbytes <= self.limit()

    def grow(self, nbytes: int):
        """Add free, zeroed blocks at the top of the heap."""
        nblocks = (nbytes + L.BLOCK_SIZE - 1) // L.BLOCK_SIZE
        end = self.get("BLOCKS_END")
        first = (end - self.base) // L.BLOCK_SIZE
        table = self.get("BLOCK_TABLE")
        for bi in range(first, first + nblocks):
            e = table + bi * L.BLOCK_ENTRY_SIZE
            ctypes.c_uint8.from_address(e + L.BE_STATE).value = L.FREE
            ctypes.c_uint8.from_address(e + L.BE_ZEROED).value = 1
        self.set("BLOCKS_END", end + nblocks * L.BLOCK_SIZE)
        if self.get("BLOCK_CURSOR") > first:
            self.set("BLOCK_CURSOR", first)

    def allocated_total(self) -> int:
        """Bytes allocated since the runtime started."""
        total = self.get("ALLOCATED")
        start = self.get("REGION_START")
        if start:
            total += read_u64(self.ptr_cell) - start
        ov = self.get("OV_START")
        if ov:
            total += self.get("OV_PTR") - ov
        return total

    def bytes_allocated(self) -> int:
        return self.allocated_total()

    # -- allocation from Python --------------------------------------------------------------------------
    def _allocate(self, type_address: int, size: int, flags: int) -> int:
        size = align(max(size, 16), 8)
        obj = self._alloc(type_address or None, size, flags)
        if not obj:
            raise HeapExhausted(f"the managed heap cannot grow past {self.limit() >> 20} MB "
                                f"to allocate {size} bytes")
        self.python_young.append(obj)
        return obj

    def allocate(self, size: int) -> int:
        """The address of `size` zeroed bytes (8-aligned) for a new object; the caller writes its header
        before anything else can run."""
        return self._allocate(0, size, 0)

    def new_object(self, type_handle_address: int, size: int) -> int:
        flags = 0
        if read_u32(type_handle_address + NT_FLAGS) & NativeTypeFlags.HAS_FINALIZER:
            flags = L.ALLOC_FINALIZABLE
        return self._allocate(type_handle_address, size, flags)

    def new_string(self, string_type_address: int, text: str) -> int:
        data = text.encode("utf-16-le", "surrogatepass")
        n = len(data) // 2
        obj = self.new_object(string_type_address, string_size(n))
        write_u32(obj + STRING_LENGTH_OFFSET, n)
        ctypes.memmove(obj + STRING_CHARS_OFFSET, data, len(data))
        return obj

    def new_szarray(self, array_type_address: int, element_size: int, length: int) -> int:
        obj = self.new_object(array_type_address, ARRAY_DATA_OFFSET + element_size * length)
        write_u64(obj + ARRAY_LENGTH_OFFSET, length)
        return obj

    def new_mdarray(self, array_type_address: int, element_size: int, lengths, lower_bounds) -> int:
        """A general array: data, then the bounds vector at the end of the object (as Mono lays it out).
        The `bounds` word points into the object itself; it is not a reference (the collector scans
        only the elements)."""
        total = 1
        for n in lengths:
            total *= n
        data_end = align(ARRAY_DATA_OFFSET + element_size * total, 8)
        obj = self.new_object(array_type_address, data_end + ARRAY_BOUND_SIZE * len(lengths))
        bounds = obj + data_end
        for d, (n, lo) in enumerate(zip(lengths, lower_bounds)):
            write_u64(bounds + ARRAY_BOUND_SIZE * d + ARRAY_BOUND_LENGTH_OFFSET, n)
            ctypes.c_int32.from_address(bounds + ARRAY_BOUND_SIZE * d + ARRAY_BOUND_LOWER_OFFSET).value = lo
        write_u64(obj + ARRAY_BOUNDS_OFFSET, bounds)
        write_u64(obj + ARRAY_LENGTH_OFFSET, total)
        return obj
