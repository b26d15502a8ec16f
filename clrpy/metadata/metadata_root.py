"""The metadata root and its stream headers (ECMA-335 II.24.2.1, II.24.2.2).

The root starts with the signature 0x424A5342 ("BSJB"), a version string such as "v4.0.30319",
and a list of named streams: `#~` (compressed tables) or `#-` (uncompressed tables, which may
use the *Ptr indirection tables), `#Strings`, `#US`, `#GUID`, `#Blob`, and in portable PDBs
`#Pdb`. Each stream is a (file offset, size) range; the heaps and tables read inside it.
"""
import struct
from dataclasses import dataclass

from ..errors import BadImageError
from .binary import unpack, c_string

METADATA_SIGNATURE = 0x424A5342
_ROOT = struct.Struct("<IHHII")
_STREAM = struct.Struct("<II")
MAX_STREAMS = 64


@dataclass(frozen=True, slots=True)
class StreamHeader:
    name: str
    offset: int         # file offset (already translated from the metadata-relative offset)
    size: int


@dataclass(frozen=True, slots=True)
class MetadataRoot:
    offset: int
    major_version: int
    minor_version: int
    version: str
    flags: int
    streams: tuple

    def stream(self, *names):
        """The first stream with one of `names` (later duplicates are ignored, as the CLR does)."""
        for s in self.streams:
            if s.name in names:
                return s
        return None


def read_metadata_root(data, offset: int, size: int) -> MetadataRoot:
    """Decode the metadata root at file `offset`; every stream must lie within `size` bytes of it."""
    end = offset + size
    if end > len(data):
        raise BadImageError(f"the metadata ({size} bytes at file offset 0x{offset:x}) runs past the end of the file")
    sig, major, minor, _reserved, vlen = unpack(_ROOT, data, offset, "metadata root")
    if sig != METADATA_SIGNATURE:
        raise BadImageError(f"bad metadata signature 0x{sig:08x} (expected 0x{METADATA_SIGNATURE:08x} 'BSJB')",
                            where=f"file offset 0x{offset:x}")
    if vlen > 255 or offset + 16 + vlen + 4 > end:
        raise BadImageError(f"metadata version string length {vlen} is out of range",
                            where=f"file offset 0x{offset + 12:x}")
    raw_version = bytes(data[offset + 16: offset + 16 + vlen])
    version = raw_version.split(b"\0", 1)[0].decode("latin-1")
    pos = offset + 16 + vlen
    flags, nstreams = struct.unpack_from("<HH", data, pos)
    if nstreams > MAX_STREAMS:
        raise BadImageError(f"the metadata root declares {nstreams} streams", where=f"file offset 0x{pos:x}")
    pos += 4
    streams = []
    for i in range(nstreams):
        soff, ssize = unpack(_STREAM, data, pos, f"stream header {i}")
        if pos + 8 >= end:
            raise BadImageError(f"stream header {i} runs past the end of the metadata", where=f"file offset 0x{pos:x}")
        raw_name = c_string(data, pos + 8, min(pos + 8 + 32, end), f"stream header {i} name")
        name = raw_name.decode("latin-1")
        pos += 8 + ((len(raw_name) + 4) & ~3)
        if soff > size or soff + ssize > size:
            raise BadImageError(f"stream '{name}' (offset 0x{soff:x}, {ssize} bytes) lies outside the "
                                f"metadata's {size} bytes", where=f"stream header {i}")
        streams.append(StreamHeader(name, offset + soff, ssize))
    return MetadataRoot(offset, major, minor, version, flags, tuple(streams))
