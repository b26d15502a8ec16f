"""Native memory for the runtime's own data: entry cells, statics, type handles, literal cells.

This memory is never freed and never moves: generated code names it through symbols bound to
these addresses. It comes from anonymous mmaps (zero-filled by the kernel) carved by a bump
pointer, so small allocations cost no system call.
"""
import ctypes
import mmap

CHUNK = 1 << 20


class NativeArena:
    """A bump allocator over zero-filled mmapped chunks."""

    def __init__(self, chunk_size: int = CHUNK):
        self.chunk_size = chunk_size
        self._chunks = []           # keep the mmaps alive
        self._ptr = 0
        self._end = 0
        self.allocated = 0

    def alloc(self, size: int, align: int = 8) -> int:
        """The address of `size` zeroed bytes aligned to `align` (a power of two)."""
        size = max(size, 1)
        p = (self._ptr + align - 1) & ~(align - 1)
        if p + size > self._end:
            n = max(self.chunk_size, size + align)
            m = mmap.mmap(-1, n, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS,
                          prot=mmap.PROT_READ | mmap.PROT_WRITE)
            self._chunks.append(m)
            base = ctypes.addressof(ctypes.c_char.from_buffer(m))
            self._ptr, self._end = base, base + n
            p = (base + align - 1) & ~(align - 1)
        self._ptr = p + size
        self.allocated += size
        return p


def write_u64(address: int, value: int):
    ctypes.c_uint64.from_address(address).value = value


def read_u64(address: int) -> int:
    return ctypes.c_uint64.from_address(address).value


def write_u32(address: int, value: int):
    ctypes.c_uint32.from_address(address).value = value


def read_u32(address: int) -> int:
    return ctypes.c_uint32.from_address(address).value


def write_bytes(address: int, data: bytes):
    ctypes.memmove(address, data, len(data))


def read_bytes(address: int, size: int) -> bytes:
    return ctypes.string_at(address, size)
