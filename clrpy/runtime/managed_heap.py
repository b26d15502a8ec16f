"""The managed heap's allocator (no collector yet: the garbage-collector issue owns this module).

Objects are carved from *allocation regions* by bumping a pointer. The pointer and the region's
end are two words of native memory named by symbols (`clrpy_alloc_ptr`, `clrpy_alloc_limit`), so
generated code allocates inline without calling out (objects.py in the JIT); only when a region
is exhausted does it call `clrpy_alloc_slow`, which starts a new region here. Regions come from
anonymous mmaps and are therefore zero-filled: a new object's fields need no clearing. Objects
larger than a quarter region get a mapping of their own.
"""
import ctypes
import mmap

from ..errors import ClrpyError
from ..jit.helpers import ALLOC_LIMIT, ALLOC_PTR
from ..typesys.object_layout import (ARRAY_BOUND_LENGTH_OFFSET, ARRAY_BOUND_LOWER_OFFSET, ARRAY_BOUND_SIZE,
                                     ARRAY_BOUNDS_OFFSET, ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET,
                                     STRING_CHARS_OFFSET, STRING_LENGTH_OFFSET, align, string_size)
from .native_memory import read_u64, write_u32, write_u64

REGION_SIZE = 4 << 20


class HeapExhausted(ClrpyError):
    """The heap limit would be exceeded (becomes OutOfMemoryException)."""


class ManagedHeap:
    def __init__(self, arena, define_symbol, max_bytes=None):
        self.ptr_cell = arena.alloc(8, 8)
        self.limit_cell = arena.alloc(8, 8)
        define_symbol(ALLOC_PTR, self.ptr_cell)
        define_symbol(ALLOC_LIMIT, self.limit_cell)
        self.max_bytes = max_bytes
        self.mapped = 0
        self._maps = []
        self.objects_allocated = 0

    def _map(self, size: int) -> int:
        if self.max_bytes is not None and self.mapped + size > self.max_bytes:
            raise HeapExhausted(f"the managed heap limit of {self.max_bytes} bytes is reached")
        m = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, prot=mmap.PROT_READ | mmap.PROT_WRITE)
        self._maps.append(m)
        self.mapped += size
        return ctypes.addressof(ctypes.c_char.from_buffer(m))

    def allocate(self, size: int) -> int:
        """The address of `size` zeroed bytes (8-aligned) for a new object."""
        size = align(max(size, 16), 8)
        self.objects_allocated += 1
        cur = read_u64(self.ptr_cell)
        limit = read_u64(self.limit_cell)
        if cur and cur + size <= limit:
            write_u64(self.ptr_cell, cur + size)
            return cur
        if size > REGION_SIZE // 4:
            return self._map(align(size, mmap.PAGESIZE))
        base = self._map(REGION_SIZE)
        write_u64(self.ptr_cell, base + size)
        write_u64(self.limit_cell, base + REGION_SIZE)
        return base

    def bytes_allocated(self) -> int:
        """Bytes handed out to objects so far: everything mapped but the current region's unused tail."""
        cur, limit = read_u64(self.ptr_cell), read_u64(self.limit_cell)
        return self.mapped - (limit - cur if cur else 0)

    # -- objects the runtime builds itself -------------------------------------------------------
    def new_object(self, type_handle_address: int, size: int) -> int:
        obj = self.allocate(size)
        write_u64(obj, type_handle_address)
        return obj

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
        """A general array: data, then the bounds vector at the end of the object (as Mono lays it out)."""
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


def read_string(obj: int) -> str:
    """The text of a managed string object."""
    n = ctypes.c_int32.from_address(obj + STRING_LENGTH_OFFSET).value
    return ctypes.string_at(obj + STRING_CHARS_OFFSET, 2 * n).decode("utf-16-le", "surrogatepass")
