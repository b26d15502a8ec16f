"""Reserving address space for the heap, far from everything else.

The heap and its side tables are one anonymous mapping with MAP_NORESERVE: it costs address space
only, and memory only for the pages touched. It is placed at a fixed, distant address (from 32 TB
up, one 64 GB-aligned slot per runtime) with MAP_FIXED_NOREPLACE, because a mapping of tens of gigabytes placed by
the kernel would land among the small mappings the JIT makes for code and runtime data, pushing
later code more than 2 GB away from earlier data, beyond what RuntimeDyld's 32-bit relocations
reach (see ManagedThread.shared for the same hazard with stacks).
"""
import ctypes
import mmap
import weakref

from ...errors import ClrpyError

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mmap.restype = ctypes.c_void_p
_libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
_libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]

MAP_NORESERVE = 0x4000
MAP_FIXED_NOREPLACE = 0x100000
MADV_DONTNEED = 4
MAP_FAILED = ctypes.c_void_p(-1).value

FIRST_SLOT = 32 << 40           # 32 TB
LAST_SLOT_END = 120 << 40       # below the 128 TB end of user space (47-bit addresses)
SLOT_ALIGN = 1 << 36            # reservations are placed on 64 GB boundaries
_next_hint = [FIRST_SLOT]


class Reservation:
    """`size` bytes of zero-filled, lazily committed address space."""

    def __init__(self, size: int):
        size = (size + mmap.PAGESIZE - 1) & ~(mmap.PAGESIZE - 1)
        self.size = size
        self.address = _reserve(size)
        self._finalizer = weakref.finalize(self, _libc.munmap, self.address, size)

    def release(self, address: int, size: int):
        """Give the pages of [address, address + size) back to the OS; they read as zero again."""
        start = (address + mmap.PAGESIZE - 1) & ~(mmap.PAGESIZE - 1)
        end = (address + size) & ~(mmap.PAGESIZE - 1)
        if end > start:
            _libc.madvise(start, end - start, MADV_DONTNEED)


def _reserve(size: int) -> int:
    """Try the slots from where the last reservation ended, wrapping around to the first (a process
    that creates many runtimes, like the test suite, reuses the slots of those it has released)."""
    prot = mmap.PROT_READ | mmap.PROT_WRITE
    flags = mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | MAP_NORESERVE
    span = (size + SLOT_ALIGN - 1) // SLOT_ALIGN * SLOT_ALIGN
    slots = (LAST_SLOT_END - FIRST_SLOT) // span
    for _ in range(slots):
        hint = _next_hint[0]
        if hint + span > LAST_SLOT_END:
            hint = FIRST_SLOT
        _next_hint[0] = hint + span
        address = _libc.mmap(hint, size, prot, flags | MAP_FIXED_NOREPLACE, -1, 0)
        if address == hint:
            return address
        if address not in (None, MAP_FAILED):
            _libc.munmap(address, size)         # an old kernel took the flag as a hint only
            break
    address = _libc.mmap(None, size, prot, flags, -1, 0)
    if address in (None, MAP_FAILED):
        raise ClrpyError(f"cannot reserve {size >> 20} MB of address space for the managed heap "
                         f"(errno {ctypes.get_errno()}); try a smaller --max-heap")
    return address
