"""Bounds-checked reads of little-endian records from an image.

Images are mmapped (or, for tests and fuzzing, held as bytes). Every read of a header goes
through `unpack` so that a truncated or corrupt file produces a BadImageError naming what was
being read, instead of a struct.error.
"""
import struct

from ..errors import BadImageError


def unpack(st: struct.Struct, data, offset: int, what: str):
    """Decode `st` at `offset`, or raise BadImageError saying which structure ran past the end."""
    if offset < 0 or offset + st.size > len(data):
        raise BadImageError(f"{what} at file offset 0x{offset:x} runs past the end of the file "
                            f"({st.size} bytes needed, file is {len(data)} bytes)")
    return st.unpack_from(data, offset)


def c_string(data, offset: int, limit: int, what: str) -> bytes:
    """The NUL-terminated byte string at `offset`, which must end before `limit`."""
    end = data.find(b"\0", offset, limit)
    if end < 0:
        raise BadImageError(f"{what} at file offset 0x{offset:x} is not NUL-terminated")
    return bytes(data[offset:end])


U16 = struct.Struct("<H")
U32 = struct.Struct("<I")
U64 = struct.Struct("<Q")
