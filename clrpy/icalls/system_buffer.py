"""Internal calls of System.Buffer."""
import ctypes

from .registry import icall


@icall("System.Buffer::InternalMemcpy(System.Byte*,System.Byte*,System.Int32)")
def internal_memcpy(engine, dest, src, count):
    # String.Concat and the other string builders of Mono's corlib copy characters with this.
    if count > 0:
        ctypes.memmove(dest, src, count)
