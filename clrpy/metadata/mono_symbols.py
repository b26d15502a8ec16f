"""Mono symbol files (`prog.exe.mdb`, what `mcs -debug` writes): source files and line tables.

A stack trace names a frame's source file and line when the assembly comes with debug symbols;
Debian's Mono 6.8 `mcs -debug` writes them in Mono's own format, version 50.0, which this module
reads (docs/debug-symbols.md describes the layout). Only what a trace needs is decoded: the source
file table and, per method, the line-number program, when a frame of that method is formatted.

Layout (little-endian; "leb" is a 7-bit-encoded integer, low group first):

* header: magic 0x45e82623fd7fa614 (u64), major version 50, minor version (i32 each), the GUID of
  the module it describes (its MVID), then the offset table: 20 i32s giving the file size, the
  data section, the compile-unit, source-file, method and anonymous-scope tables (count, offset,
  size), the line-number program's line base, line range and opcode base, and file flags;
* source-file table: (index, data offset) per file; the data holds the file name (leb length +
  UTF-8), a GUID, an MD5 hash and an "auto-generated" byte;
* method table: (metadata token, data offset, line-number-table offset) per method, sorted by
  token; the data starts with leb fields, the seventh being flags (2: the line table is followed
  by columns, 4: by end lines and columns);
* line-number table: a DWARF-like program over (IL offset, line, file, hidden) registers.
"""
import bisect
import struct
from dataclasses import dataclass

from ..errors import BadImageError

MDB_MAGIC = 0x45E82623FD7FA614
MDB_MAJOR_VERSION = 50
_HEADER = struct.Struct("<QII16s")
_OFFSET_TABLE = struct.Struct("<16I3iI")
_TABLE_ENTRY = struct.Struct("<II")
_METHOD_ENTRY = struct.Struct("<III")

# Line-number program opcodes (DWARF's standard opcodes that Mono's writer uses, and its extensions).
DW_LNS_COPY = 1
DW_LNS_ADVANCE_PC = 2
DW_LNS_ADVANCE_LINE = 3
DW_LNS_SET_FILE = 4
DW_LNS_CONST_ADD_PC = 8
DW_LNE_END_SEQUENCE = 1
DW_LNE_MONO_NEGATE_IS_HIDDEN = 0x40
DW_LNE_MONO_EXTENSIONS = range(0x40, 0x80)

METHOD_HAS_COLUMNS = 2
METHOD_HAS_END_INFO = 4


@dataclass(frozen=True, slots=True)
class SequencePoint:
    """One row of a method's line table: from `il_offset` on, the code is `document`:`line`."""
    il_offset: int
    line: int
    column: int             # 0 when the symbol file does not say
    document: str
    hidden: bool = False    # compiler-generated code with no source line of its own


def read_leb(data, pos: int, end: int, what: str):
    """A 7-bit-encoded unsigned integer (as .NET's BinaryWriter writes one): (value, next position)."""
    value = shift = 0
    while True:
        if pos >= end:
            raise BadImageError(f"{what}: truncated integer at offset 0x{pos:x}")
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, pos
        shift += 7
        if shift > 35:
            raise BadImageError(f"{what}: integer at offset 0x{pos:x} is longer than five bytes")


def _signed32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


class MonoSymbolFile:
    """A `.mdb` file: its GUID, source files, and per method token the sequence points."""

    def __init__(self, data: bytes, path=None):
        self.data = data
        self.path = path
        what = self._what = f"Mono symbol file {path or '<memory>'}"
        if len(data) < _HEADER.size + _OFFSET_TABLE.size:
            raise BadImageError(f"{what}: too short for a header ({len(data)} bytes)")
        magic, major, self.minor_version, guid = _HEADER.unpack_from(data, 0)
        if magic != MDB_MAGIC:
            raise BadImageError(f"{what}: bad magic 0x{magic:016x}")
        if major != MDB_MAJOR_VERSION:
            raise BadImageError(f"{what}: version {major}.{self.minor_version} (clrpy reads version {MDB_MAJOR_VERSION})")
        self.guid = guid
        t = _OFFSET_TABLE.unpack_from(data, _HEADER.size)
        (self.total_size, _data_offset, _data_size, _cu_count, _cu_offset, _cu_size,
         self.source_count, self._source_offset, _source_size,
         self.method_count, self._method_offset, _method_size,
         _type_count, _anon_count, _anon_offset, _anon_size,
         self.line_base, self.line_range, self.opcode_base, self.flags) = t
        if self.line_range <= 0 or self.opcode_base < 1:
            raise BadImageError(f"{what}: invalid line-number program parameters "
                                f"(line range {self.line_range}, opcode base {self.opcode_base})")
        self._check_range(self._source_offset, self.source_count * _TABLE_ENTRY.size, "source-file table")
        self._check_range(self._method_offset, self.method_count * _METHOD_ENTRY.size, "method table")
        self._sources = {}
        self._tokens = None
        self._points = {}

    @classmethod
    def open(cls, path) -> "MonoSymbolFile":
        with open(path, "rb") as f:
            return cls(f.read(), path)

    def _check_range(self, offset, size, what):
        if offset < 0 or offset + size > len(self.data):
            raise BadImageError(f"{self._what}: the {what} (0x{offset:x}, {size} bytes) is past the end of the file")

    def matches(self, mvid_bytes: bytes) -> bool:
        """Does this file describe the module with this MVID (its 16 bytes as stored)?"""
        return self.guid == bytes(mvid_bytes)

    # -- source files -----------------------------------------------------------------------------
    def source_file(self, index: int) -> str:
        """The path of source file `index` (1-based, as the line tables number them)."""
        name = self._sources.get(index)
        if name is None:
            if not 1 <= index <= self.source_count:
                raise BadImageError(f"{self._what}: source file {index} out of range (1..{self.source_count})")
            _, data_offset = _TABLE_ENTRY.unpack_from(self.data, self._source_offset + (index - 1) * _TABLE_ENTRY.size)
            length, pos = read_leb(self.data, data_offset, len(self.data), self._what)
            if pos + length > len(self.data):
                raise BadImageError(f"{self._what}: source file name at 0x{pos:x} is past the end of the file")
            name = self._sources[index] = bytes(self.data[pos:pos + length]).decode("utf-8", "replace")
        return name

    def source_files(self):
        return [self.source_file(i) for i in range(1, self.source_count + 1)]

    # -- methods ----------------------------------------------------------------------------------
    def method_tokens(self):
        if self._tokens is None:
            self._tokens = [_METHOD_ENTRY.unpack_from(self.data, self._method_offset + i * _METHOD_ENTRY.size)[0]
                            for i in range(self.method_count)]
        return self._tokens

    def sequence_points(self, token: int):
        """The sequence points of the method with this MethodDef token, in table order ([] if
        the file has none for it)."""
        points = self._points.get(token)
        if points is None:
            tokens = self.method_tokens()
            i = bisect.bisect_left(tokens, token)
            if i == len(tokens) or tokens[i] != token:
                i = tokens.index(token) if token in tokens else -1       # tolerate an unsorted table
            if i < 0:
                points = []
            else:
                _, data_offset, table_offset = _METHOD_ENTRY.unpack_from(
                    self.data, self._method_offset + i * _METHOD_ENTRY.size)
                points = self._line_table(table_offset, self._method_flags(data_offset))
            self._points[token] = points
        return points

    def _method_flags(self, data_offset: int) -> int:
        pos = data_offset
        value = 0
        for _ in range(7):      # compile unit, locals, namespace, code blocks, scope variables, real name, flags
            value, pos = read_leb(self.data, pos, len(self.data), self._what)
        return value

    def _line_table(self, pos: int, method_flags: int):
        """Run the line-number program at `pos`: [(IL offset, line, file index, hidden)] then columns."""
        data, end, what = self.data, len(self.data), self._what
        line_base, line_range, opcode_base = self.line_base, self.line_range, self.opcode_base
        rows = []
        offset, line, file, hidden, modified = 0, 1, 1, False, False
        while True:
            if pos >= end:
                raise BadImageError(f"{what}: line-number program runs past the end of the file")
            op = data[pos]
            pos += 1
            if op == 0:                                     # extended opcode: size, opcode, operands
                size = data[pos] if pos < end else 0
                pos += 1
                next_pos = pos + size
                ext = data[pos] if pos < end else -1
                if ext == DW_LNE_END_SEQUENCE:
                    if modified:
                        rows.append((offset, line, file, hidden))
                    pos = next_pos
                    break
                if ext == DW_LNE_MONO_NEGATE_IS_HIDDEN:
                    hidden = not hidden
                    modified = True
                elif ext not in DW_LNE_MONO_EXTENSIONS:
                    raise BadImageError(f"{what}: unknown extended line-number opcode 0x{ext:x} at 0x{pos:x}")
                pos = next_pos
            elif op < opcode_base:
                if op == DW_LNS_COPY:
                    rows.append((offset, line, file, hidden))
                    modified = False
                elif op == DW_LNS_ADVANCE_PC:
                    delta, pos = read_leb(data, pos, end, what)
                    offset += delta
                    modified = True
                elif op == DW_LNS_ADVANCE_LINE:
                    delta, pos = read_leb(data, pos, end, what)
                    line += _signed32(delta)
                    modified = True
                elif op == DW_LNS_SET_FILE:
                    file, pos = read_leb(data, pos, end, what)
                    modified = True
                elif op == DW_LNS_CONST_ADD_PC:
                    offset += (255 - opcode_base) // line_range
                    modified = True
                else:
                    raise BadImageError(f"{what}: unknown line-number opcode {op} at 0x{pos - 1:x}")
            else:                                           # special opcode: advance both, then emit
                op -= opcode_base
                offset += op // line_range
                line += line_base + op % line_range
                rows.append((offset, line, file, hidden))
                modified = False
        columns = [0] * len(rows)
        if method_flags & METHOD_HAS_COLUMNS:
            for k in range(len(rows)):
                columns[k], pos = read_leb(data, pos, end, what)
        return [SequencePoint(off, ln, col, self.source_file(f), hid)
                for (off, ln, f, hid), col in zip(rows, columns)]
