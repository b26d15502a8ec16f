"""Internal calls of Mono.SafeStringMarshal: a string as a NUL-terminated UTF-8 copy in native memory
(how the class library passes member names to the runtime's reflection calls), and its release."""
import ctypes

from ..runtime.strings import read_string
from .registry import icall

_libc = ctypes.CDLL(None)
_libc.malloc.restype = ctypes.c_void_p
_libc.malloc.argtypes = [ctypes.c_size_t]
_libc.free.argtypes = [ctypes.c_void_p]


def utf8_at(ptr: int):
    """The text of a NUL-terminated UTF-8 string in native memory (None for a null pointer)."""
    return ctypes.string_at(ptr).decode("utf-8", "surrogatepass") if ptr else None


@icall("Mono.SafeStringMarshal::StringToUtf8(System.String)")
def string_to_utf8(engine, s):
    if not s:
        return 0
    data = read_string(s).encode("utf-8", "surrogatepass") + b"\0"
    ptr = _libc.malloc(len(data))
    ctypes.memmove(ptr, data, len(data))
    return ptr


@icall("Mono.SafeStringMarshal::GFree(System.IntPtr)")
def g_free(engine, ptr):
    if ptr:
        _libc.free(ptr)
