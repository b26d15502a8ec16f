"""The four metadata heaps (ECMA-335 II.24.2.3 - II.24.2.5).

* `#Strings`: NUL-terminated UTF-8 identifiers, addressed by byte offset.
* `#US`: user strings (the operands of `ldstr`), length-prefixed UTF-16 with a trailing flag byte.
* `#GUID`: 16-byte GUIDs addressed by 1-based index.
* `#Blob`: length-prefixed byte sequences (signatures, constants, custom attribute values).

Every heap reads straight from the mapped file and caches what it has decoded, so a lookup that
touches a few names never decodes the whole heap.
"""
from ..errors import BadImageError


def decode_compressed_length(data, pos: int, end: int, what: str):
    """Decode a blob length prefix (II.23.2); return (length, position after the prefix)."""
    if pos >= end:
        raise BadImageError(f"{what}: length prefix at file offset 0x{pos:x} is past the end of the heap")
    b = data[pos]
    if b < 0x80:
        return b, pos + 1
    if b & 0xC0 == 0x80:
        if pos + 2 > end:
            raise BadImageError(f"{what}: truncated 2-byte length prefix at file offset 0x{pos:x}")
        return ((b & 0x3F) << 8) | data[pos + 1], pos + 2
    if b & 0xE0 == 0xC0:
        if pos + 4 > end:
            raise BadImageError(f"{what}: truncated 4-byte length prefix at file offset 0x{pos:x}")
        return ((b & 0x1F) << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3], pos + 4
    raise BadImageError(f"{what}: invalid length prefix byte 0x{b:02x} at file offset 0x{pos:x}")


class Heap:
    """A byte range of the mapped file: [start, start + size)."""

    name = "heap"

    def __init__(self, data, start: int = 0, size: int = 0):
        self.data = data
        self.start = start
        self.size = size
        self.end = start + size
        self._cache = {}

    def __len__(self):
        return self.size

    def _check(self, index):
        if index >= self.size and not (index == 0 and self.size == 0):
            raise BadImageError(f"{self.name} index 0x{index:x} is past the end of the heap ({self.size} bytes)")


class StringHeap(Heap):
    name = "#Strings"

    def get(self, index: int) -> str:
        s = self._cache.get(index)
        if s is not None:
            return s
        if index == 0:
            return ""
        self._check(index)
        raw = self.raw(index)
        try:
            s = raw.decode("utf-8")
        except UnicodeDecodeError:
            s = raw.decode("utf-8", errors="replace")
        self._cache[index] = s
        return s

    def raw(self, index: int) -> bytes:
        """The undecoded bytes of the string at `index`."""
        self._check(index)
        pos = self.start + index
        stop = self.data.find(b"\0", pos, self.end)
        if stop < 0:
            raise BadImageError(f"#Strings entry at 0x{index:x} is not NUL-terminated")
        return bytes(self.data[pos:stop])


class BlobHeap(Heap):
    name = "#Blob"

    def get(self, index: int) -> bytes:
        b = self._cache.get(index)
        if b is not None:
            return b
        if index == 0:
            return b""
        self._check(index)
        pos, length = self.locate(index)
        b = bytes(self.data[pos:pos + length])
        self._cache[index] = b
        return b

    def locate(self, index: int):
        """(file offset, length) of the blob at `index`, without copying it."""
        length, pos = decode_compressed_length(self.data, self.start + index, self.end, f"#Blob entry 0x{index:x}")
        if pos + length > self.end:
            raise BadImageError(f"#Blob entry 0x{index:x} ({length} bytes) runs past the end of the heap")
        return pos, length


class UserStringHeap(BlobHeap):
    name = "#US"

    def get_string(self, index: int) -> str:
        """The string for an `ldstr` token's index (II.24.2.4)."""
        if index == 0:
            return ""
        key = -index - 1        # keep decoded strings apart from raw blobs in the shared cache
        s = self._cache.get(key)
        if s is not None:
            return s
        self._check(index)
        pos, length = self.locate(index)
        if length & 1 == 0 and length != 0:
            raise BadImageError(f"#US entry 0x{index:x} has even length {length}; a UTF-16 string "
                                "plus the terminal flag byte has odd length")
        s = bytes(self.data[pos:pos + length - 1 if length else pos]).decode("utf-16-le", errors="surrogatepass")
        self._cache[key] = s
        return s


class GuidHeap(Heap):
    name = "#GUID"

    def get(self, index: int):
        """The GUID at 1-based `index`, or None for index 0."""
        if index == 0:
            return None
        pos = (index - 1) * 16
        if pos + 16 > self.size:
            raise BadImageError(f"#GUID index {index} is past the end of the heap ({self.size // 16} GUIDs)")
        import uuid     # imported on first use: most lookups never touch a GUID
        return uuid.UUID(bytes_le=bytes(self.data[self.start + pos:self.start + pos + 16]))
