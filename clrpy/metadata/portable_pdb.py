"""Portable PDB files (`prog.pdb`, what Roslyn writes): documents and sequence points.

A portable PDB is ECMA-335 metadata on its own (no PE file): a metadata root with a `#Pdb` stream
(the PDB id, the entry point, and the row counts of the type-system tables its coded indexes
refer to) and a tables stream holding only the debug tables. `Metadata` (module.py) reads all of
that; this module decodes what a stack trace needs (the Portable PDB v1.0 specification):

* Document (0x30): the name blob, whose first byte is a separator and whose rest are compressed
  #Blob indexes of the UTF-8 parts (the name is the parts joined by the separator);
* MethodDebugInformation (0x31): row n describes MethodDef row n: a document (0 when the method
  spans several) and the sequence-points blob:
  header: the local signature's StandAloneSig row, and the initial document when the row has none;
  records: an IL offset delta (the first one absolute), then either a document record (delta 0,
  then the new document's row) or a sequence point: line delta (compressed unsigned), column delta
  (unsigned when the line delta is 0, else signed); both 0 makes a hidden point (line 0xfeefee),
  otherwise the start line and column, absolute for the first visible point and signed deltas from
  the previous visible point after it.
"""
import struct

from ..errors import BadImageError
from .mono_symbols import SequencePoint
from .schema import TableId as T

HIDDEN_LINE = 0xFEEFEE
PDB_ID_SIZE = 20


def read_compressed_unsigned(data, pos: int, end: int):
    """ECMA-335 II.23.2 compressed unsigned integer: (value, next position)."""
    if pos >= end:
        raise BadImageError(f"sequence points: truncated integer at blob offset {pos}")
    b = data[pos]
    if b < 0x80:
        return b, pos + 1
    if b & 0xC0 == 0x80:
        if pos + 2 > end:
            raise BadImageError(f"sequence points: truncated integer at blob offset {pos}")
        return ((b & 0x3F) << 8) | data[pos + 1], pos + 2
    if b & 0xE0 == 0xC0:
        if pos + 4 > end:
            raise BadImageError(f"sequence points: truncated integer at blob offset {pos}")
        return ((b & 0x1F) << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3], pos + 4
    raise BadImageError(f"sequence points: invalid integer prefix 0x{b:02x} at blob offset {pos}")


def read_compressed_signed(data, pos: int, end: int):
    """ECMA-335 II.23.2 compressed signed integer: the sign bit rotated into bit 0 of the 7-, 14-
    or 29-bit unsigned form."""
    first = data[pos] if pos < end else 0
    u, nxt = read_compressed_unsigned(data, pos, end)
    bits = 7 if first < 0x80 else 14 if first & 0xC0 == 0x80 else 29
    value = u >> 1
    if u & 1:
        value -= 1 << (bits - 1)
    return value, nxt


class PortablePdb:
    """A portable PDB: its id (GUID + stamp), documents, and per method token the sequence points."""

    def __init__(self, data: bytes, path=None):
        from .module import Metadata
        self.path = path
        what = f"portable PDB {path or '<memory>'}"
        try:
            self.metadata = Metadata(data, 0, len(data), path=path)
        except BadImageError as e:
            raise BadImageError(f"{what}: {e}") from None
        stream = self.metadata.pdb_stream
        if stream is None or stream.size < PDB_ID_SIZE + 4:
            raise BadImageError(f"{what}: no #Pdb stream")
        self.pdb_id = bytes(data[stream.offset:stream.offset + PDB_ID_SIZE])
        (self.entry_point,) = struct.unpack_from("<I", data, stream.offset + PDB_ID_SIZE)
        self._what = what
        self._documents = {}
        self._points = {}

    @classmethod
    def open(cls, path) -> "PortablePdb":
        with open(path, "rb") as f:
            return cls(f.read(), path)

    @property
    def guid(self) -> bytes:
        """The GUID part of the PDB id (the CodeView entry of the PE names the same GUID)."""
        return self.pdb_id[:16]

    def document(self, rid: int) -> str:
        name = self._documents.get(rid)
        if name is None:
            table = self.metadata.tables[T.Document]
            if not 1 <= rid <= table.num_rows:
                raise BadImageError(f"{self._what}: document {rid} out of range (1..{table.num_rows})")
            blobs = self.metadata.blobs
            blob = blobs.get(table.raw(rid)[table.column_index("Name")])
            if not blob:
                name = ""
            else:
                sep = chr(blob[0]) if blob[0] else ""
                parts, pos = [], 1
                while pos < len(blob):
                    index, pos = read_compressed_unsigned(blob, pos, len(blob))
                    parts.append(blobs.get(index).decode("utf-8", "replace") if index else "")
                name = sep.join(parts)
            self._documents[rid] = name
        return name

    def documents(self):
        return [self.document(i) for i in range(1, self.metadata.tables[T.Document].num_rows + 1)]

    def sequence_points(self, token: int):
        """The sequence points of the method with this MethodDef token ([] if none)."""
        points = self._points.get(token)
        if points is None:
            points = self._points[token] = self._read_points(token & 0xFFFFFF)
        return points

    def _read_points(self, rid: int):
        table = self.metadata.tables[T.MethodDebugInformation]
        if not 1 <= rid <= table.num_rows:
            return []
        raw = table.raw(rid)
        document = raw[table.column_index("Document")]
        blob = self.metadata.blobs.get(raw[table.column_index("SequencePoints")])
        if not blob:
            return []
        end = len(blob)
        _local_sig, pos = read_compressed_unsigned(blob, 0, end)
        if document == 0:
            document, pos = read_compressed_unsigned(blob, pos, end)
        points = []
        offset = None
        line = column = None            # of the previous visible point
        while pos < end:
            delta, pos = read_compressed_unsigned(blob, pos, end)
            if offset is not None and delta == 0:                   # a document record
                document, pos = read_compressed_unsigned(blob, pos, end)
                continue
            offset = delta if offset is None else offset + delta
            delta_lines, pos = read_compressed_unsigned(blob, pos, end)
            if delta_lines == 0:
                delta_columns, pos = read_compressed_unsigned(blob, pos, end)
            else:
                delta_columns, pos = read_compressed_signed(blob, pos, end)
            if delta_lines == 0 and delta_columns == 0:
                points.append(SequencePoint(offset, HIDDEN_LINE, 0, self.document(document), True))
                continue
            if line is None:
                line, pos = read_compressed_unsigned(blob, pos, end)
                column, pos = read_compressed_unsigned(blob, pos, end)
            else:
                d_line, pos = read_compressed_signed(blob, pos, end)
                d_column, pos = read_compressed_signed(blob, pos, end)
                line += d_line
                column += d_column
            points.append(SequencePoint(offset, line, column, self.document(document)))
        return points
