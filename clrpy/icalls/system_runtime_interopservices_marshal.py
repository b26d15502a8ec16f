"""Internal calls of System.Runtime.InteropServices.Marshal that move memory and strings between
managed arrays and native memory (Marshal.Copy, AllocHGlobal, PtrToString*, StringToHGlobal*),
and the last-error value P/Invoke wrappers keep (the class library's Interop.Sys reads errno
through Marshal.GetLastWin32Error).

Structure marshalling (SizeOf, PtrToStructure, StructureToPtr, OffsetOf) and COM are not here.
"""
import ctypes

from .managed_errors import argument_null, argument_out_of_range
from .managed_values import array_data, array_length, chars, new_string
from .registry import icall

_libc = ctypes.CDLL(None)
_libc.malloc.restype = ctypes.c_void_p
_libc.malloc.argtypes = [ctypes.c_size_t]
_libc.realloc.restype = ctypes.c_void_p
_libc.realloc.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_libc.free.argtypes = [ctypes.c_void_p]


def _element_range(engine, arr, start, length, array_name):
    if not arr:
        raise argument_null(array_name)
    if start < 0 or length < 0 or start + length > array_length(arr):
        raise argument_out_of_range("startIndex" if start < 0 or start > array_length(arr) else "length")
    size = engine.types.type_of_object(arr).element.size_of_value
    return array_data(arr) + start * size, length * size


@icall("System.Runtime.InteropServices.Marshal::copy_to_unmanaged_fixed(System.Array,System.Int32,System.IntPtr,"
       "System.Int32,System.Void*)")
def copy_to_unmanaged(engine, source, start, destination, length, fixed_element):
    if not destination:
        raise argument_null("destination")
    address, size = _element_range(engine, source, start, length, "source")
    ctypes.memmove(destination, address, size)


@icall("System.Runtime.InteropServices.Marshal::copy_from_unmanaged_fixed(System.IntPtr,System.Int32,System.Array,"
       "System.Int32,System.Void*)")
def copy_from_unmanaged(engine, source, start, destination, length, fixed_element):
    if not source:
        raise argument_null("source")
    address, size = _element_range(engine, destination, start, length, "destination")
    ctypes.memmove(address, source, size)


# -- native memory -------------------------------------------------------------------------------------
def _allocate(size: int) -> int:
    p = _libc.malloc(max(size, 1))
    if not p:
        from .managed_errors import ManagedError
        raise ManagedError("System.OutOfMemoryException", "Insufficient memory to continue the execution of the program.")
    return p


@icall("System.Runtime.InteropServices.Marshal::AllocHGlobal(System.IntPtr)")
def alloc_hglobal(engine, size):
    return _allocate(size)


@icall("System.Runtime.InteropServices.Marshal::AllocCoTaskMem(System.Int32)")
def alloc_co_task_mem(engine, size):
    return _allocate(size)


@icall("System.Runtime.InteropServices.Marshal::AllocCoTaskMemSize(System.UIntPtr)")
def alloc_co_task_mem_size(engine, size):
    return _allocate(size)


@icall("System.Runtime.InteropServices.Marshal::ReAllocHGlobal(System.IntPtr,System.IntPtr)")
def realloc_hglobal(engine, ptr, size):
    return _libc.realloc(ptr or None, max(size, 1)) or 0


@icall("System.Runtime.InteropServices.Marshal::ReAllocCoTaskMem(System.IntPtr,System.Int32)")
def realloc_co_task_mem(engine, ptr, size):
    return _libc.realloc(ptr or None, max(size, 1)) or 0


@icall("System.Runtime.InteropServices.Marshal::FreeHGlobal(System.IntPtr)")
def free_hglobal(engine, ptr):
    if ptr:
        _libc.free(ptr)


@icall("System.Runtime.InteropServices.Marshal::FreeCoTaskMem(System.IntPtr)")
def free_co_task_mem(engine, ptr):
    if ptr:
        _libc.free(ptr)


# -- strings -------------------------------------------------------------------------------------------
@icall("System.Runtime.InteropServices.Marshal::PtrToStringAnsi(System.IntPtr)")
def ptr_to_string_ansi(engine, ptr):
    """The NUL-terminated bytes at `ptr` as UTF-8 (Mono's "ANSI" on Unix)."""
    return new_string(engine, ctypes.string_at(ptr).decode("utf-8", "replace")) if ptr else 0


@icall("System.Runtime.InteropServices.Marshal::PtrToStringAnsi(System.IntPtr,System.Int32)")
def ptr_to_string_ansi_length(engine, ptr, length):
    if not ptr:
        return 0
    return new_string(engine, ctypes.string_at(ptr, max(length, 0)).decode("utf-8", "replace"))


@icall("System.Runtime.InteropServices.Marshal::PtrToStringUni(System.IntPtr)")
def ptr_to_string_uni(engine, ptr):
    from .managed_values import nul_terminated_chars
    return new_string(engine, nul_terminated_chars(ptr)) if ptr else 0


@icall("System.Runtime.InteropServices.Marshal::PtrToStringUni(System.IntPtr,System.Int32)")
def ptr_to_string_uni_length(engine, ptr, length):
    return new_string(engine, chars(ptr, length)) if ptr else 0


def _to_hglobal(data: bytes) -> int:
    p = _allocate(len(data))
    ctypes.memmove(p, data, len(data))
    return p


@icall("System.Runtime.InteropServices.Marshal::StringToHGlobalAnsi(System.Char*,System.Int32)")
def string_to_hglobal_ansi(engine, s, length):
    return _to_hglobal(chars(s, length).encode("utf-8", "replace") + b"\0")


@icall("System.Runtime.InteropServices.Marshal::StringToHGlobalUni(System.Char*,System.Int32)")
def string_to_hglobal_uni(engine, s, length):
    return _to_hglobal(ctypes.string_at(s, 2 * length) + b"\0\0" if length > 0 else b"\0\0")


# -- the last error ------------------------------------------------------------------------------------
@icall("System.Runtime.InteropServices.Marshal::GetLastWin32Error()")
def get_last_win32_error(engine):
    return getattr(engine, "last_error", 0)


@icall("System.Runtime.InteropServices.Marshal::SetLastWin32Error(System.Int32)")
def set_last_win32_error(engine, error):
    engine.last_error = error
