"""Internal calls of Mono.RuntimeGPtrArrayHandle, and the arrays themselves.

The runtime's member-listing calls (RuntimeType.GetMethodsByName_native and its siblings) answer
with a GPtrArray, glib's growable array as Mono's managed code reads it
(Mono.RuntimeStructs.GPtrArray: `native int* data; int32 len`), holding member handles; the
class library turns each into a MemberInfo and frees the array with GPtrArrayFree.
"""
import ctypes

from .registry import icall

_libc = ctypes.CDLL(None)
_libc.malloc.restype = ctypes.c_void_p
_libc.malloc.argtypes = [ctypes.c_size_t]
_libc.free.argtypes = [ctypes.c_void_p]


def new_gptr_array(handles) -> int:
    """A GPtrArray of `handles` (ints) in malloc'ed memory: the header, then the data."""
    handles = list(handles)
    n = len(handles)
    block = _libc.malloc(16 + 8 * max(n, 1))
    ctypes.c_uint64.from_address(block).value = block + 16
    ctypes.c_uint64.from_address(block + 8).value = n
    if n:
        (ctypes.c_uint64 * n).from_address(block + 16)[:] = handles
    return block


@icall("Mono.RuntimeGPtrArrayHandle::GPtrArrayFree(Mono.RuntimeStructs+GPtrArray*)")
def gptr_array_free(engine, array):
    if array:
        _libc.free(array)
