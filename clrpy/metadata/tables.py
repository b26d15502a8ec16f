"""The tables stream (`#~` or `#-`, ECMA-335 II.24.2.6) and lazy access to its rows.

The stream starts with a header: the heap-size flags, a 64-bit mask of the tables present, a
mask of the tables that are sorted, and one row count per present table. From those counts
every column's width follows (`schema.py` says how), hence every table's row size and where its
rows begin. Nothing else is decoded up front: `Table[rid]` decodes one row when it is first asked
for and keeps it; `Table.column()` decodes one column of every row at once for indexes and
binary searches.

Row objects carry one attribute per column, named after the specification (`type_name`,
`method_list`, ...): constants are ints, heap indices are decoded (str, bytes, uuid.UUID), table
indices are row numbers, and coded indices are `Token`s.
"""
import struct

from ..errors import BadImageError
from .binary import unpack
from .heaps import BlobHeap, GuidHeap, StringHeap
from .schema import SCHEMA, ColumnKind, TableId, CODED_INDEXES
from .tokens import Token

_HEADER = struct.Struct("<IBBBBQQ")
MAX_RID = 0xFFFFFF

HEAP_STRINGS_WIDE = 0x01
HEAP_GUID_WIDE = 0x02
HEAP_BLOB_WIDE = 0x04
HEAP_EXTRA_DATA = 0x40      # an extra 4-byte value follows the row counts (seen in #- streams)


class Row:
    """Base class of the generated per-table row classes."""

    __slots__ = ("rid",)
    table_id = None
    columns = ()
    attrs = ()              # the columns' attribute names, in column order

    @property
    def token(self) -> Token:
        return Token.make(self.table_id, self.rid)

    def values(self):
        return tuple(getattr(self, c.attr) for c in self.columns)

    def __repr__(self):
        body = ", ".join(f"{c.attr}={getattr(self, c.attr)!r}" for c in self.columns)
        return f"{TableId(self.table_id).name}[{self.rid}]({body})"


def _row_class(tid: TableId):
    cols = SCHEMA[tid]
    attrs = tuple(c.attr for c in cols)     # Column.attr runs two regexes: compute the names once
    return type(f"{tid.name}Row", (Row,), {"__slots__": attrs, "attrs": attrs,
                                          "table_id": int(tid), "columns": cols})


ROW_CLASSES = {tid: _row_class(tid) for tid in SCHEMA}


class Table:
    """One metadata table of one module: its layout, and its rows decoded on demand."""

    def __init__(self, tables, tid: TableId, num_rows: int, offset: int, widths):
        self.tables = tables
        self.id = tid
        self.name = tid.name
        self.columns = SCHEMA[tid]
        self.num_rows = num_rows
        self.offset = offset                    # file offset of row 1
        self.widths = widths                    # byte width of each column
        self.struct = struct.Struct("<" + "".join({1: "B", 2: "H", 4: "I"}[w] for w in widths))
        self.row_size = self.struct.size
        self._rows = None
        self._row_class = ROW_CLASSES[tid]
        self._setters = None                   # (attribute, converter or None) per column
        self._column_indexes = None            # column name or attribute -> position

    def __len__(self):
        return self.num_rows

    def __bool__(self):
        return True

    def __iter__(self):
        for rid in range(1, self.num_rows + 1):
            yield self[rid]

    def __repr__(self):
        return f"<Table {self.name}: {self.num_rows} rows of {self.row_size} bytes>"

    def column_index(self, name: str) -> int:
        """The position of a column, named as the specification or as the row attribute."""
        index = self._column_indexes
        if index is None:
            index = self._column_indexes = {}
            for i, (c, attr) in enumerate(zip(self.columns, self._row_class.attrs)):
                index.setdefault(c.name, i)
                index.setdefault(attr, i)
        return index[name]

    def raw(self, rid: int):
        """The undecoded column values of row `rid` (1-based) as a tuple of ints."""
        if not 1 <= rid <= self.num_rows:
            raise BadImageError(f"row {rid} is out of range (the table has {self.num_rows} rows)",
                                where=f"table {self.name}")
        return self.struct.unpack_from(self.tables.data, self.offset + (rid - 1) * self.row_size)

    def column(self, name: str):
        """One raw column of every row, as a list (index 0 is row 1)."""
        if self.num_rows == 0:
            return []
        i = self.column_index(name)
        start = self.offset
        blob = bytes(self.tables.data[start:start + self.num_rows * self.row_size])
        return [r[i] for r in self.struct.iter_unpack(blob)]

    def raw_rows(self):
        """Every row's raw values, decoded in one pass."""
        if self.num_rows == 0:
            return []
        start = self.offset
        return list(self.struct.iter_unpack(bytes(self.tables.data[start:start + self.num_rows * self.row_size])))

    def __getitem__(self, rid: int) -> Row:
        rows = self._rows
        if rows is None:
            rows = self._rows = [None] * (self.num_rows + 1)
        if 0 < rid <= self.num_rows:
            row = rows[rid]
            if row is None:
                row = rows[rid] = self._decode(rid)
            return row
        raise BadImageError(f"row {rid} is out of range (the table has {self.num_rows} rows, numbered from 1)",
                            where=f"table {self.name}")

    def _decode(self, rid: int) -> Row:
        """Row `rid` (in range), decoded: this runs for every row a program touches."""
        setters = self._setters
        if setters is None:
            setters = self._setters = [(attr, self.tables.converter(c))
                                       for c, attr in zip(self.columns, self._row_class.attrs)]
        raw = self.struct.unpack_from(self.tables.data, self.offset + (rid - 1) * self.row_size)
        row = self._row_class.__new__(self._row_class)
        row.rid = rid
        attr = None
        try:
            for (attr, f), v in zip(setters, raw):
                setattr(row, attr, v if f is None else f(v))
        except BadImageError as e:
            col = self.columns[self._row_class.attrs.index(attr)]
            raise BadImageError(e.message, where=f"table {self.name}, row {rid}, column {col.name}") from None
        return row


class TablesStream:
    """The decoded header of the tables stream and one `Table` per table id."""

    def __init__(self, data, offset: int, size: int, strings: StringHeap, blobs: BlobHeap, guids: GuidHeap,
                 external_rows=None, uncompressed: bool = False):
        self.data = data
        self.offset = offset
        self.size = size
        self.strings, self.blobs, self.guids = strings, blobs, guids
        self.uncompressed = uncompressed
        end = offset + size
        (_reserved, self.major_version, self.minor_version, self.heap_sizes, _reserved2,
         self.valid, self.sorted) = unpack(_HEADER, data, offset, "tables stream header")
        if offset + _HEADER.size > end:
            raise BadImageError("the tables stream is shorter than its header")
        pos = offset + _HEADER.size
        counts = {}
        for bit in range(64):
            if self.valid >> bit & 1:
                if pos + 4 > end:
                    raise BadImageError("the tables stream ends inside its row counts")
                (n,) = struct.unpack_from("<I", data, pos)
                pos += 4
                if bit not in SCHEMA_IDS:
                    raise BadImageError(f"the tables stream declares unknown table 0x{bit:02x}",
                                        where=f"file offset 0x{offset + 8:x}")
                if n > MAX_RID:
                    raise BadImageError(f"table {TableId(bit).name} declares {n} rows (more than a token can address)",
                                        where=f"file offset 0x{pos - 4:x}")
                counts[TableId(bit)] = n
        if self.heap_sizes & HEAP_EXTRA_DATA:
            pos += 4
        self.row_counts = counts
        # Row counts of tables that live in another file (a portable PDB's type-system tables).
        self.external_rows = dict(external_rows or {})
        self._sizes_known = {t: counts.get(t, 0) or self.external_rows.get(t, 0) for t in TableId}
        w_str = 4 if self.heap_sizes & HEAP_STRINGS_WIDE else 2
        w_guid = 4 if self.heap_sizes & HEAP_GUID_WIDE else 2
        w_blob = 4 if self.heap_sizes & HEAP_BLOB_WIDE else 2
        self.heap_widths = {ColumnKind.STRING: w_str, ColumnKind.GUID: w_guid, ColumnKind.BLOB: w_blob}
        self.coded_widths = {ci: self._coded_width(ci) for ci in CODED_INDEXES}
        self.tables = {}
        for tid in TableId:
            n = counts.get(tid, 0)
            widths = [self._width(c) for c in SCHEMA[tid]]
            t = Table(self, tid, n, pos, widths)
            self.tables[tid] = t
            pos += n * t.row_size
        if pos > end:
            raise BadImageError(f"the tables need {pos - offset - _HEADER.size} bytes but the tables stream "
                                f"holds {size}", where=f"file offset 0x{offset:x}")
        self.data_end = pos

    def _rows_of(self, tid) -> int:
        return self._sizes_known.get(tid, 0) if tid is not None else 0

    def _coded_width(self, ci) -> int:
        limit = 1 << (16 - ci.tag_bits)
        return 2 if max(self._rows_of(t) for t in ci.tables) < limit else 4

    def _width(self, col) -> int:
        k = col.kind
        if k == ColumnKind.U8:
            return 1
        if k == ColumnKind.U16:
            return 2
        if k == ColumnKind.U32:
            return 4
        if k in (ColumnKind.STRING, ColumnKind.GUID, ColumnKind.BLOB):
            return self.heap_widths[k]
        if k in (ColumnKind.TABLE, ColumnKind.LIST):
            return 2 if self._rows_of(col.target) < 0x10000 else 4
        return self.coded_widths[col.target]

    def converter(self, col):
        """The function that turns a raw column value into the row attribute's value."""
        k = col.kind
        if k == ColumnKind.STRING:
            return self.strings.get
        if k == ColumnKind.BLOB:
            return self.blobs.get
        if k == ColumnKind.GUID:
            return self.guids.get
        if k == ColumnKind.CODED:
            return coded_decoder(col.target)
        return None

    def __getitem__(self, tid) -> Table:
        return self.tables[tid]

    def present(self):
        """The tables that have rows, in table-id order."""
        return [t for t in self.tables.values() if t.num_rows]

    def is_sorted(self, tid) -> bool:
        return bool(self.sorted >> int(tid) & 1)


SCHEMA_IDS = frozenset(int(t) for t in SCHEMA)


def coded_decoder(ci):
    """A function decoding a raw coded index of kind `ci` into a Token."""
    bits = ci.tag_bits
    mask = (1 << bits) - 1
    targets = ci.tables
    make = Token.make

    def decode(v):
        tag = v & mask
        if tag >= len(targets) or targets[tag] is None:
            raise BadImageError(f"coded index {ci.name} value 0x{v:x} has invalid tag {tag}")
        return make(targets[tag], v >> bits)
    return decode


def encode_coded(ci, token: int) -> int:
    """The raw coded-index value of `token` (for binary searches over coded columns)."""
    tag = ci.tables.index(token >> 24)
    return ((token & 0xFFFFFF) << ci.tag_bits) | tag
