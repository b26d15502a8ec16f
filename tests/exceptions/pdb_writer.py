"""A minimal portable PDB writer, for testing clrpy's reader (clrpy has no use for writing PDBs).

Writes the metadata root (ECMA-335 II.24.2.1) with the streams a portable PDB needs (#Pdb, #~,
#Strings, #Blob, #GUID), the Document table and MethodDebugInformation table, the sequence points
encoded as the Portable PDB v1.0 specification says. The input is {method token: [SequencePoint]}
as clrpy's readers return them, so a .mdb can be turned into an equivalent .pdb.
"""
import struct

DOCUMENT, METHOD_DEBUG_INFORMATION = 0x30, 0x31
HIDDEN_LINE = 0xFEEFEE


def compressed_unsigned(v: int) -> bytes:
    if v < 0x80:
        return bytes([v])
    if v < 0x4000:
        return struct.pack(">H", v | 0x8000)
    return struct.pack(">I", v | 0xC0000000)


def compressed_signed(v: int) -> bytes:
    if -0x40 <= v < 0x40:
        return bytes([((v & 0x3F) << 1) | (v < 0)])
    if -0x2000 <= v < 0x2000:
        return struct.pack(">H", 0x8000 | ((v & 0x1FFF) << 1) | (v < 0))
    return struct.pack(">I", 0xC0000000 | ((v & 0x0FFFFFFF) << 1) | (v < 0))


class _Blobs:
    def __init__(self):
        self.data = bytearray(b"\0")
        self.index = {}

    def add(self, b: bytes) -> int:
        if b not in self.index:
            self.index[b] = len(self.data)
            self.data += compressed_unsigned(len(b)) + b
        return self.index[b]


def _document_name(blobs, name: str) -> bytes:
    parts = name.split("/")
    return b"/" + b"".join(compressed_unsigned(blobs.add(p.encode()) if p else 0) for p in parts)


def _sequence_points(points, docs, method_document) -> bytes:
    out = bytearray(compressed_unsigned(0))                     # no local signature
    if method_document == 0:
        out += compressed_unsigned(docs[points[0].document])
    document = docs[points[0].document]
    prev_offset = None
    prev_line = prev_column = None
    for p in points:
        if docs[p.document] != document:
            document = docs[p.document]
            out += compressed_unsigned(0) + compressed_unsigned(document)
        out += compressed_unsigned(p.il_offset if prev_offset is None else p.il_offset - prev_offset)
        prev_offset = p.il_offset
        if p.hidden:
            out += compressed_unsigned(0) + compressed_unsigned(0)
            continue
        column = max(p.column, 1)
        out += compressed_unsigned(0)        # the point spans one line ...
        out += compressed_unsigned(1)        # ... and one column
        if prev_line is None:
            out += compressed_unsigned(p.line) + compressed_unsigned(column)
        else:
            out += compressed_signed(p.line - prev_line) + compressed_signed(column - prev_column)
        prev_line, prev_column = p.line, column
    return bytes(out)


def write_portable_pdb(methods: dict, method_count: int, pdb_id: bytes = bytes(range(20))) -> bytes:
    """A portable PDB describing MethodDef rows 1..method_count; `methods` maps tokens to points."""
    blobs = _Blobs()
    names = sorted({p.document for points in methods.values() for p in points})
    docs = {n: i + 1 for i, n in enumerate(names)}
    guids = bytes(16)                                          # one GUID: the language (any)
    doc_rows = [(blobs.add(_document_name(blobs, n)), 0, 0, 1) for n in names]
    mdi_rows = []
    for rid in range(1, method_count + 1):
        points = methods.get(0x06000000 | rid) or []
        if not points:
            mdi_rows.append((0, 0))
            continue
        single = len({p.document for p in points}) == 1
        document = docs[points[0].document] if single else 0
        mdi_rows.append((document, blobs.add(_sequence_points(points, docs, document))))
    tables = bytearray(struct.pack("<IBBBBQQ", 0, 2, 0, 0, 1,
                                   (1 << DOCUMENT) | (1 << METHOD_DEBUG_INFORMATION), 0))
    tables += struct.pack("<II", len(doc_rows), len(mdi_rows))
    for r in doc_rows:
        tables += struct.pack("<HHHH", *r)
    for r in mdi_rows:
        tables += struct.pack("<HH", *r)
    blob_heap = bytes(blobs.data)
    pdb = pdb_id + struct.pack("<IQ", 0, 0)                    # no entry point, no type-system rows
    streams = [("#Pdb", pdb), ("#~", bytes(tables)), ("#Strings", b"\0\0\0\0"),
               ("#Blob", blob_heap), ("#GUID", guids)]
    streams = [(n, s + b"\0" * (-len(s) % 4)) for n, s in streams]
    version = b"PDB v1.0\0\0\0\0"
    header_size = 16 + len(version) + 4
    for name, _ in streams:
        header_size += 8 + len(name) + 1 + (-(len(name) + 1) % 4)
    out = bytearray(struct.pack("<IHHII", 0x424A5342, 1, 1, 0, len(version)) + version)
    out += struct.pack("<HH", 0, len(streams))
    offset = header_size
    for name, data in streams:
        out += struct.pack("<II", offset, len(data)) + name.encode() + b"\0" * (4 - len(name) % 4)
        offset += len(data)
    for _, data in streams:
        out += data
    return bytes(out)
