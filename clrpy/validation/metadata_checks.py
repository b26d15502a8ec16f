"""Checks of the metadata (ECMA-335 II.22 - II.24): streams, heaps, table rows and signatures.

Opening a module decoded only the metadata root, the stream headers and the tables-stream header;
every row, heap entry and signature is still unread. Here every cell of every table is checked,
one column at a time from a bulk read of the table (`Table.raw_rows()`), and each distinct value is
checked once (a heap index or coded index repeats across many rows):

* heap indices in range, #Strings entries NUL-terminated UTF-8, #Blob length prefixes inside
  the heap, #GUID indices within the GUID count;
* table indices and coded indices (tag and row) in range, nil only in the columns that allow it;
  list (run) columns between 1 and count + 1 and non-decreasing;
* tables that must be sorted (`SORTED_BY`) sorted by their key; one Module row, at most one
  Assembly row; names that must not be empty are not;
* every signature of a MethodDef, Field, MemberRef, Property, StandAloneSig, TypeSpec and
  MethodSpec decodes, and the type tokens inside it are in range.

The decoded signatures are returned (`SignatureInfo`) for the IL checks, which need the number of
arguments and locals and what a MemberRef or StandAloneSig token stands for.
"""
from ..errors import BadImageError
from ..metadata import signatures as sig
from ..metadata.heaps import decode_compressed_length
from ..metadata.schema import PTR_TABLE_FOR, SORTED_BY, ColumnKind, TableId

K = ColumnKind
T = TableId

# Table and coded-index columns that may hold a nil (0) reference; every other one must not.
NULLABLE = frozenset({
    (T.TypeRef, "ResolutionScope"), (T.TypeDef, "Extends"), (T.Event, "EventType"),
    (T.ManifestResource, "Implementation"), (T.ImportScope, "Parent"), (T.MethodDebugInformation, "Document"),
})

# String columns that must name something (II.22: "Name shall index a non-empty string").
NON_EMPTY_NAMES = frozenset({
    (T.Module, "Name"), (T.TypeRef, "TypeName"), (T.TypeDef, "TypeName"), (T.Field, "Name"),
    (T.MethodDef, "Name"), (T.MemberRef, "Name"), (T.Event, "Name"), (T.Property, "Name"),
    (T.ModuleRef, "Name"), (T.Assembly, "Name"), (T.AssemblyRef, "Name"), (T.File, "Name"),
    (T.ExportedType, "TypeName"), (T.ManifestResource, "Name"), (T.GenericParam, "Name"),
    (T.ImplMap, "ImportName"),
})

# (table, signature column, decoder, what the blob holds)
SIGNATURE_COLUMNS = (
    (T.MethodDef, "Signature", sig.decode_method_sig, "method signature"),
    (T.Field, "Signature", sig.decode_field_sig, "field signature"),
    (T.MemberRef, "Signature", sig.decode_member_ref_sig, "member reference signature"),
    (T.Property, "Type", sig.decode_property_sig, "property signature"),
    (T.StandAloneSig, "Signature", sig.decode_standalone_sig, "standalone signature"),
    (T.TypeSpec, "Signature", sig.decode_type_spec, "type specification"),
    (T.MethodSpec, "Instantiation", sig.decode_method_spec, "method instantiation"),
)

# The sort keys the runtime relies on (it binary-searches these tables). ECMA-335 II.22 names
# Class as InterfaceImpl's only key; SORTED_BY's secondary Interface key is how some compilers
# order ties, but mcs (and so all of Mono's libraries) does not, and nothing depends on it.
REQUIRED_SORT_KEYS = {**SORTED_BY, TableId.InterfaceImpl: ("Class",)}

METHOD_STATIC = 0x0010


class SignatureInfo:
    """Decoded signatures by row (index 0 unused; None where a signature did not decode)."""

    def __init__(self):
        self.by_table = {}

    def rows(self, tid):
        return self.by_table.get(tid, ())


class MetadataChecker:
    def __init__(self, module, problems):
        self.module = module
        self.problems = problems
        self.tables = module.tables
        self._rows = {}
        ts = self.tables
        self.counts = {tid: t.num_rows for tid, t in ts.tables.items()}
        for tid, n in ts.external_rows.items():
            if not self.counts.get(tid):
                self.counts[tid] = n

    def rows(self, tid):
        """Raw rows of a table, read once."""
        r = self._rows.get(tid)
        if r is None:
            r = self._rows[tid] = self.tables[tid].raw_rows()
        return r

    def column(self, tid, name):
        t = self.tables[tid]
        i = t.column_index(name)
        return [r[i] for r in self.rows(tid)]

    # -- streams and heaps ------------------------------------------------------------------------
    def check_streams(self):
        p = self.problems
        root = self.module.root
        raw_vlen = _root_version_length(self.module.data, root.offset)
        if raw_vlen % 4:
            p.add("metadata root", f"version string length {raw_vlen} is not a multiple of 4")
        seen = {}
        for i, s in enumerate(root.streams):
            where = f"stream header {i} '{s.name}'"
            rel = s.offset - root.offset
            if rel % 4:
                p.add(where, f"offset 0x{rel:x} is not a multiple of 4")
            if s.name in seen:
                p.add(where, f"duplicate stream (the first '{s.name}' is stream {seen[s.name]})")
            else:
                seen[s.name] = i
        if "#~" in seen and "#-" in seen:
            p.add("metadata root", "both a compressed (#~) and an uncompressed (#-) tables stream")
        spans = sorted((s.offset, s.offset + s.size, s.name) for s in root.streams if s.size)
        for (a0, a1, an), (b0, _b1, bn) in zip(spans, spans[1:]):
            if b0 < a1:
                p.add(f"stream '{bn}'", f"overlaps stream '{an}' (file offsets 0x{a0:x}-0x{a1:x})")
        m = self.module
        data = m.data
        for heap in (m.strings, m.blobs, m.user_strings):
            if heap.size and data[heap.start] != 0:
                p.add(f"{heap.name} heap", f"the first byte is 0x{data[heap.start]:02x}; the entry at index 0 must "
                                           "be empty")
        if m.guids.size % 16:
            p.add("#GUID heap", f"size {m.guids.size} is not a multiple of 16")
        ts = self.tables
        if ts.major_version not in (1, 2):
            p.add("tables stream header", f"unsupported version {ts.major_version}.{ts.minor_version}")
        if not ts.uncompressed:
            ptrs = [t.name for t in PTR_TABLE_FOR.values() if self.counts.get(t)]
            if ptrs:
                p.add("tables stream header", f"a compressed (#~) tables stream holds {', '.join(ptrs)} (indirection "
                                              "tables exist only in uncompressed #- metadata)")

    def user_string_starts(self):
        """Walk the #US heap: the set of entry offsets, or None if the heap is malformed (reported)."""
        us = self.module.user_strings
        data, pos, end = self.module.data, us.start, us.end
        starts = set()
        while pos < end:
            starts.add(pos - us.start)
            try:
                length, body = decode_compressed_length(data, pos, end, f"#US entry 0x{pos - us.start:x}")
            except BadImageError as e:
                self.problems.add("#US heap", e.message)
                return None
            if body + length > end:
                self.problems.add("#US heap", f"entry 0x{pos - us.start:x} ({length} bytes) runs past the end of "
                                              f"the heap")
                return None
            pos = body + length
        return starts

    # -- table rows ------------------------------------------------------------------------------------
    def check_row_counts(self):
        n = self.counts.get(T.Module, 0)
        if n != 1:
            self.problems.add("table Module", f"has {n} rows; a module has exactly one")
        n = self.counts.get(T.Assembly, 0)
        if n > 1:
            self.problems.add("table Assembly", f"has {n} rows; a module holds at most one assembly manifest")

    def check_columns(self):
        for t in self.tables.present():
            rows = self.rows(t.id)
            for ci, col in enumerate(t.columns):
                check = self._column_checker(t.id, col)
                if check is None:
                    continue
                values = [r[ci] for r in rows]
                bad = {}
                for v in set(values):
                    reason = check(v)
                    if reason:
                        bad[v] = reason
                if bad:
                    for rid, v in enumerate(values, 1):
                        reason = bad.get(v)
                        if reason:
                            self.problems.add(f"table {t.name}, row {rid}, column {col.name}", reason)

    def _column_checker(self, tid, col):
        k = col.kind
        m = self.module
        if k == K.STRING:
            return _string_checker(m.strings, (tid, col.name) in NON_EMPTY_NAMES)
        if k == K.BLOB:
            return _blob_checker(m.blobs)
        if k == K.GUID:
            count = m.guids.size // 16
            required = (tid, col.name) == (T.Module, "Mvid")

            def guid(v):
                if v == 0:
                    return "the module version id must not be nil" if required else None
                if v > count:
                    return f"#GUID index {v} is past the end of the heap ({count} GUIDs)"
            return guid
        nullable = (tid, col.name) in NULLABLE
        if k == K.TABLE:
            target = col.target
            n = self.counts.get(target, 0)

            def simple(v):
                if v == 0:
                    return None if nullable else f"nil {target.name} reference"
                if v > n:
                    return f"{target.name} row {v} is out of range (the table has {n} rows)"
            return simple
        if k == K.LIST:
            target = col.target
            ptr = PTR_TABLE_FOR.get(target)
            if ptr is not None and self.counts.get(ptr):
                target = ptr
            n = self.counts.get(target, 0)

            def run(v):
                if not 1 <= v <= n + 1:
                    return f"{target.name} run start {v} is out of range (1 to {n + 1})"
            return run
        if k == K.CODED:
            ci = col.target
            bits = ci.tag_bits
            mask = (1 << bits) - 1
            tables = ci.tables
            counts = self.counts

            def coded(v):
                tag = v & mask
                if tag >= len(tables) or tables[tag] is None:
                    return f"coded index {ci.name} value 0x{v:x} has invalid tag {tag}"
                rid = v >> bits
                target = tables[tag]
                if rid == 0:
                    return None if nullable else f"nil {ci.name} reference (a {target.name} with row 0)"
                n = counts.get(target, 0)
                if rid > n:
                    return f"coded index {ci.name} names {target.name} row {rid}, but the table has {n} rows"
            return coded
        return None

    def check_sorted(self):
        ts = self.tables
        for tid, keys in REQUIRED_SORT_KEYS.items():
            t = ts[tid]
            if t.num_rows < 2 or (ts.uncompressed and not ts.is_sorted(tid)):
                continue
            idx = [t.column_index(c) for c in keys]
            rows = self.rows(tid)
            if len(idx) == 1:
                i = idx[0]
                key = [r[i] for r in rows]
            else:
                key = [tuple(r[i] for i in idx) for r in rows]
            for j in range(1, len(key)):
                if key[j] < key[j - 1]:
                    self.problems.add(f"table {t.name}, row {j + 1}",
                                      f"the table must be sorted by {', '.join(keys)}, but this row's key "
                                      f"{_show_key(key[j])} is less than row {j}'s {_show_key(key[j - 1])}")
                    break

    def check_runs(self):
        for t in self.tables.present():
            for ci, col in enumerate(t.columns):
                if col.kind != K.LIST:
                    continue
                rows = self.rows(t.id)
                prev = 0
                for rid, r in enumerate(rows, 1):
                    v = r[ci]
                    if v < prev:
                        self.problems.add(f"table {t.name}, row {rid}, column {col.name}",
                                          f"run start {v} is less than the previous row's {prev}; runs must "
                                          "not decrease")
                    prev = v

    # -- signatures ---------------------------------------------------------------------------------
    def check_signatures(self) -> SignatureInfo:
        info = SignatureInfo()
        blobs = self.module.blobs
        for tid, column, decode, what in SIGNATURE_COLUMNS:
            t = self.tables[tid]
            if not t.num_rows:
                continue
            values = self.column(tid, column)
            decoded = {}
            bad = {}
            for v in set(values):
                try:
                    blobs.locate(v) if v else None
                except BadImageError:
                    continue            # the column check reported the index
                try:
                    s = decode(blobs.get(v), f"{what} (#Blob 0x{v:x})")
                except BadImageError as e:
                    bad[v] = e.message
                    continue
                reason = self._sig_tokens_reason(s)
                if reason:
                    bad[v] = f"{what} (#Blob 0x{v:x}): {reason}"
                decoded[v] = s
            rows = [None] * (t.num_rows + 1)
            for rid, v in enumerate(values, 1):
                rows[rid] = decoded.get(v)
                reason = bad.get(v)
                if reason:
                    self.problems.add(f"table {t.name}, row {rid}, column {column}", reason)
            info.by_table[tid] = rows
        self._check_method_def_sigs(info)
        self._check_field_sigs(info)
        return info

    def _sig_tokens_reason(self, s):
        counts = self.counts
        for tok in _sig_tokens(s):
            tid, rid = tok >> 24, tok & 0xFFFFFF
            if rid == 0:
                return f"a nil {T(tid).name} type reference"
            n = counts.get(tid, 0)
            if rid > n:
                return f"refers to {T(tid).name} row {rid}, but the table has {n} rows"
        return None

    def _check_method_def_sigs(self, info):
        sigs = info.rows(T.MethodDef)
        if not sigs:
            return
        flags = self.column(T.MethodDef, "Flags")
        CC = sig.CallingConvention
        kinds = (int(CC.DEFAULT), int(CC.VARARG))
        has_this_bit, explicit_bit = int(CC.HASTHIS), int(CC.EXPLICITTHIS)
        for rid, s in enumerate(sigs):
            if s is None:
                continue
            cc = int(s.flags)
            kind = cc & 0xF
            has_this = bool(cc & has_this_bit)
            static = bool(flags[rid - 1] & METHOD_STATIC)
            if kind in kinds and s.sentinel < 0 and static != has_this and (has_this or not cc & explicit_bit):
                continue
            where = f"table MethodDef, row {rid}, column Signature"
            if kind not in kinds:
                self.problems.add(where, f"calling convention 0x{kind:x} is not DEFAULT or VARARG, the only ones "
                                         "a method definition may have")
            if s.sentinel >= 0:
                self.problems.add(where, "a method definition's signature contains a vararg sentinel")
            if cc & explicit_bit and not has_this:
                self.problems.add(where, "EXPLICITTHIS without HASTHIS")
            if static and has_this:
                self.problems.add(where, "the method is static but its signature has HASTHIS")
            elif not static and not has_this:
                self.problems.add(where, "the method is an instance method but its signature lacks HASTHIS")

    def _check_field_sigs(self, info):
        void = sig.PrimitiveType(sig.ElementType.VOID)
        for rid, s in enumerate(info.rows(T.Field)):
            if s is not None and sig.strip_modifiers(s.type) == void:
                self.problems.add(f"table Field, row {rid}, column Signature", "a field cannot have type void")

    # -- data the rows point at ---------------------------------------------------------------------
    def check_field_rvas(self):
        pe = self.module.pe
        for rid, r in enumerate(self.rows(T.FieldRVA), 1):
            rva = r[0]
            where = f"table FieldRVA, row {rid}, column RVA"
            if rva == 0:
                self.problems.add(where, "a field's data RVA must not be 0")
                continue
            try:
                pe.rva_to_offset(rva, 1, f"field data RVA 0x{rva:x}")
            except BadImageError as e:
                self.problems.add(where, e.message)

    def check_resources(self):
        t = self.tables[T.ManifestResource]
        if not t.num_rows:
            return
        m = self.module
        res = m.cli.resources
        try:
            base = m.pe.rva_to_offset(res.rva, res.size, "resources") if res.size else None
        except BadImageError:
            base = None         # reported with the CLI header
        oi, ii = t.column_index("Offset"), t.column_index("Implementation")
        data = m.data
        for rid, r in enumerate(self.rows(T.ManifestResource), 1):
            if r[ii] >> 2:
                continue        # in another file or assembly (rid of the Implementation is non-zero)
            where = f"table ManifestResource, row {rid}"
            off = r[oi]
            if base is None:
                self.problems.add(where, "an embedded resource, but the CLI header has no resources directory")
                return
            if off + 4 > res.size:
                self.problems.add(where, f"offset 0x{off:x} is outside the resources ({res.size} bytes)")
                continue
            length = int.from_bytes(data[base + off:base + off + 4], "little")
            if off + 4 + length > res.size:
                self.problems.add(where, f"the resource ({length} bytes at offset 0x{off:x}) runs past the end of "
                                         f"the resources ({res.size} bytes)")


def _root_version_length(data, root_offset):
    return int.from_bytes(data[root_offset + 12:root_offset + 16], "little")


def _show_key(k):
    if isinstance(k, tuple):
        return "(" + ", ".join(f"0x{x:x}" for x in k) + ")"
    return f"0x{k:x}"


def _string_checker(heap, non_empty):
    data, start, size, end = heap.data, heap.start, heap.size, heap.end

    def check(v):
        if v == 0:
            return "the name must not be empty" if non_empty else None
        if v >= size:
            return f"#Strings index 0x{v:x} is past the end of the heap ({size} bytes)"
        pos = start + v
        stop = data.find(b"\0", pos, end)
        if stop < 0:
            return f"#Strings entry 0x{v:x} is not NUL-terminated within the heap"
        if stop == pos and non_empty:
            return "the name must not be empty"
        raw = bytes(data[pos:stop])
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return f"#Strings entry 0x{v:x} is not valid UTF-8 (byte 0x{raw[e.start]:02x} at +{e.start})"
        return None
    return check


def _blob_checker(heap):
    size = heap.size

    def check(v):
        if v == 0:
            return None
        if v >= size:
            return f"#Blob index 0x{v:x} is past the end of the heap ({size} bytes)"
        try:
            heap.locate(v)
        except BadImageError as e:
            return e.message
        return None
    return check


def _sig_tokens(s):
    """The TypeDef/TypeRef/TypeSpec tokens a decoded signature mentions."""
    out = []
    stack = [s]
    while stack:
        x = stack.pop()
        cls = type(x)
        if cls is sig.PrimitiveType or cls is sig.GenericParamType:
            continue
        if cls is sig.NamedType:
            out.append(x.token)
        elif cls is sig.GenericInstType:
            out.append(x.generic.token)
            stack.extend(x.args)
        elif cls is sig.ModifiedType:
            out.append(x.modifier)
            stack.append(x.element)
        elif cls in _ELEMENT_WRAPPERS:
            stack.append(x.element)
        elif cls is sig.FnPtrType:
            stack.append(x.method)
        elif cls is sig.MethodSig:
            stack.append(x.ret)
            stack.extend(x.params)
        elif cls is sig.FieldSig:
            stack.append(x.type)
        elif cls is sig.PropertySig:
            stack.append(x.type)
            stack.extend(x.params)
        elif cls is sig.LocalVarSig:
            stack.extend(x.locals)
        elif cls is sig.MethodSpecSig:
            stack.extend(x.args)
    return out


_ELEMENT_WRAPPERS = (sig.SzArrayType, sig.ArrayType, sig.PointerType, sig.ByRefType, sig.PinnedType)
