"""Internal calls of System.Security.Cryptography.RNGCryptoServiceProvider: random bytes from the
operating system (os.urandom), behind RandomNumberGenerator, Path.GetRandomFileName and Guid.NewGuid."""
import ctypes
import os

from .registry import icall

RNG_HANDLE = 1          # the provider keeps no state: every handle is the OS's generator


@icall("System.Security.Cryptography.RNGCryptoServiceProvider::RngOpen()")
def rng_open(engine):
    return 1


@icall("System.Security.Cryptography.RNGCryptoServiceProvider::RngInitialize(System.Byte*,System.IntPtr)")
def rng_initialize(engine, seed, length):
    return RNG_HANDLE


@icall("System.Security.Cryptography.RNGCryptoServiceProvider::RngGetBytes(System.IntPtr,System.Byte*,System.IntPtr)")
def rng_get_bytes(engine, handle, buffer, length):
    if length > 0:
        ctypes.memmove(buffer, os.urandom(length), length)
    return handle


@icall("System.Security.Cryptography.RNGCryptoServiceProvider::RngClose(System.IntPtr)")
def rng_close(engine, handle):
    pass
