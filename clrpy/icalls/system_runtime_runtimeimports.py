"""Internal calls of System.Runtime.RuntimeImports: memory moves behind Span<T>, Buffer.Memmove
and Array.Clear. The plain moves are native code (runtime/native_icalls.py, bound through
registry.NATIVE_ICALLS); this module has the one that needs the runtime's type information."""
import ctypes

from .registry import icall


@icall("System.Runtime.RuntimeImports::Memmove_wbarrier(System.Byte*,System.Byte*,System.UInt32,System.IntPtr)")
def memmove_wbarrier(engine, dest, src, count, type_handle):
    """Move `count` values of the value type whose RuntimeTypeHandle value is `type_handle` (values
    containing references; the non-moving collector needs no barrier)."""
    th = engine.types.by_address[type_handle]
    size = th.size_of_value
    if count:
        ctypes.memmove(dest, src, count * size)
