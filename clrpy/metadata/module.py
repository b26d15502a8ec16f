"""A managed module opened for reading: PE headers, CLI header, heaps, tables and indexes.

`Module.open(path)` maps the file and decodes only its headers: the PE/COFF headers, the CLI
header, the metadata root, the stream headers and the tables-stream header (row counts, hence
every table's layout). Rows, names, signatures and method bodies are decoded when something asks
for them, and remembered. Lookups by name (`find_type`, `find_methods`) and by owner (custom
attributes of a token, generic parameters of a method, ...) build their index the first time they
are used, from one bulk pass over the columns involved.

`Metadata` is the part shared with standalone portable PDB files (metadata without a PE file).
"""
import bisect
import struct

from ..errors import BadImageError
from .cli_header import CliFlags, read_cli_header
from .heaps import BlobHeap, GuidHeap, StringHeap, UserStringHeap
from .identity import AssemblyName
from .metadata_root import read_metadata_root
from .method_body import read_method_body
from .pe import PEFile
from .schema import PTR_TABLE_FOR, SCHEMA, TableId, TOKEN_USER_STRING, ColumnKind
from .tables import TablesStream, coded_decoder, encode_coded
from .tokens import Token
from . import signatures as sig

T = TableId


class Metadata:
    """Metadata (root, heaps, tables) at some offset of a mapped file."""

    def __init__(self, data, root_offset: int, root_size: int, path=None, external_rows=None):
        self.data = data
        self.path = path
        self.root = read_metadata_root(data, root_offset, root_size)
        s = self.root.stream
        self.strings = self._heap(StringHeap, s("#Strings"))
        self.user_strings = self._heap(UserStringHeap, s("#US"))
        self.blobs = self._heap(BlobHeap, s("#Blob"))
        self.guids = self._heap(GuidHeap, s("#GUID"))
        self.pdb_stream = s("#Pdb")
        if self.pdb_stream is not None and external_rows is None:
            external_rows = _pdb_external_rows(data, self.pdb_stream)
        tstream = s("#~", "#-")
        if tstream is None:
            raise BadImageError("the metadata has no tables stream (#~ or #-)")
        self.tables = TablesStream(data, tstream.offset, tstream.size, self.strings, self.blobs, self.guids,
                                   external_rows=external_rows, uncompressed=(tstream.name == "#-"))
        self._indexes = {}
        self._sig_cache = {}
        self._type_index = None
        self._member_index = {}
        self._enclosing = None

    def _heap(self, cls, stream):
        if stream is None:
            return cls(self.data, 0, 0)
        return cls(self.data, stream.offset, stream.size)

    # -- tables and rows --------------------------------------------------------------------------
    def table(self, tid) -> "Table":  # noqa: F821
        return self.tables[tid]

    def row(self, token: int):
        """The row a (non-nil) token names."""
        tid = token >> 24
        if tid not in _TABLE_IDS:
            raise BadImageError(f"token 0x{token:08x} does not name a metadata table")
        return self.tables[tid][token & 0xFFFFFF]

    def token_in_range(self, token: int) -> bool:
        tid, rid = token >> 24, token & 0xFFFFFF
        if tid == TOKEN_USER_STRING:
            return 0 < rid < len(self.user_strings)
        return tid in _TABLE_IDS and 1 <= rid <= self.tables[tid].num_rows

    def user_string(self, token: int) -> str:
        """The string an `ldstr` token (0x70xxxxxx) names."""
        return self.user_strings.get_string(token & 0xFFFFFF)

    # -- signatures (decoded once per row) ----------------------------------------------------------
    def _sig(self, tid, rid, column, decode):
        # Keyed by blob index: compilers share identical signature blobs between rows.
        t = self.tables[tid]
        index = t.raw(rid)[t.column_index(column)]
        key = (decode, index)
        s = self._sig_cache.get(key)
        if s is None:
            s = decode(self.blobs.get(index), f"signature of {TableId(tid).name} row {rid}")
            self._sig_cache[key] = s
        return s

    def method_sig(self, method_rid: int) -> sig.MethodSig:
        return self._sig(T.MethodDef, method_rid, "Signature", sig.decode_method_sig)

    def field_sig(self, field_rid: int) -> sig.FieldSig:
        return self._sig(T.Field, field_rid, "Signature", sig.decode_field_sig)

    def member_ref_sig(self, memberref_rid: int):
        """A MethodSig or a FieldSig, as the MemberRef refers to a method or a field."""
        return self._sig(T.MemberRef, memberref_rid, "Signature", sig.decode_member_ref_sig)

    def property_sig(self, property_rid: int) -> sig.PropertySig:
        return self._sig(T.Property, property_rid, "Type", sig.decode_property_sig)

    def type_spec(self, typespec_rid: int) -> sig.SigType:
        return self._sig(T.TypeSpec, typespec_rid, "Signature", sig.decode_type_spec)

    def method_spec_sig(self, methodspec_rid: int) -> sig.MethodSpecSig:
        return self._sig(T.MethodSpec, methodspec_rid, "Instantiation", sig.decode_method_spec)

    def standalone_sig(self, rid: int):
        return self._sig(T.StandAloneSig, rid, "Signature", sig.decode_standalone_sig)

    # -- runs: the members a row owns (FieldList, MethodList, ParamList, ...) ---------------------
    def _run(self, owner_tid, owner_rid: int, column: str, target_tid):
        owner = self.tables[owner_tid]
        ci = owner.column_index(column)
        start = owner.raw(owner_rid)[ci]
        ptr_tid = PTR_TABLE_FOR.get(target_tid)
        ptr = self.tables[ptr_tid] if ptr_tid is not None and self.tables[ptr_tid].num_rows else None
        count = (ptr or self.tables[target_tid]).num_rows
        end = owner.raw(owner_rid + 1)[ci] if owner_rid < owner.num_rows else count + 1
        start, end = max(start, 1), min(end, count + 1)
        if ptr is None:
            return range(start, max(start, end))
        return [ptr.raw(i)[0] for i in range(start, end)]

    def fields_of(self, typedef_rid: int):
        """Field rids of a type definition (through FieldPtr in uncompressed metadata)."""
        return self._run(T.TypeDef, typedef_rid, "FieldList", T.Field)

    def methods_of(self, typedef_rid: int):
        return self._run(T.TypeDef, typedef_rid, "MethodList", T.MethodDef)

    def params_of(self, method_rid: int):
        return self._run(T.MethodDef, method_rid, "ParamList", T.Param)

    def events_of(self, typedef_rid: int):
        maps = self.lookup(T.EventMap, "Parent", typedef_rid)
        return self._run(T.EventMap, maps[0], "EventList", T.Event) if maps else range(0)

    def properties_of(self, typedef_rid: int):
        maps = self.lookup(T.PropertyMap, "Parent", typedef_rid)
        return self._run(T.PropertyMap, maps[0], "PropertyList", T.Property) if maps else range(0)

    def owner_of_method(self, method_rid: int) -> int:
        """The TypeDef rid that owns a MethodDef (by binary search over MethodList)."""
        return self._owner(method_rid, "MethodList", T.MethodDef)

    def owner_of_field(self, field_rid: int) -> int:
        return self._owner(field_rid, "FieldList", T.Field)

    def _owner(self, member_rid, column, target_tid):
        key = ("owner", column)
        starts = self._indexes.get(key)
        if starts is None:
            ptr_tid = PTR_TABLE_FOR.get(target_tid)
            if self.tables[ptr_tid].num_rows:
                # Uncompressed metadata: scan the runs (rare; only #- streams have Ptr tables).
                owners = {}
                for t in range(1, self.tables[T.TypeDef].num_rows + 1):
                    for m in self._run(T.TypeDef, t, column, target_tid):
                        owners.setdefault(m, t)
                self._indexes[key] = owners
                return owners.get(member_rid, 0)
            starts = self.tables[T.TypeDef].column(column)
            self._indexes[key] = starts
        if isinstance(starts, dict):
            return starts.get(member_rid, 0)
        # Runs are contiguous and in type order, so the owner is the last type whose run starts at
        # or before the member (types with empty runs share their start with the next type).
        if not 1 <= member_rid <= self.tables[target_tid].num_rows:
            return 0
        return bisect.bisect_right(starts, member_rid)

    # -- indexes by owner --------------------------------------------------------------------------
    def lookup(self, tid, column: str, key: int):
        """Rids of the rows of `tid` whose raw `column` value is `key` (a row number or coded index).

        For coded columns pass the token; it is encoded here.
        """
        t = self.tables[tid]
        col = t.columns[t.column_index(column)]
        if col.kind == ColumnKind.CODED:
            if (key >> 24) not in col.target.tables:
                return []
            key = encode_coded(col.target, key)
        index = self._indexes.get((tid, column))
        if index is None:
            index = {}
            for rid, v in enumerate(t.column(column), 1):
                index.setdefault(v, []).append(rid)
            self._indexes[(tid, column)] = index
        return index.get(key, [])

    def custom_attributes(self, token: int):
        return [self.tables[T.CustomAttribute][r] for r in self.lookup(T.CustomAttribute, "Parent", token)]

    def generic_params(self, owner_token: int):
        rows = [self.tables[T.GenericParam][r] for r in self.lookup(T.GenericParam, "Owner", owner_token)]
        return sorted(rows, key=lambda r: r.number)

    def generic_param_constraints(self, generic_param_rid: int):
        return [self.tables[T.GenericParamConstraint][r]
                for r in self.lookup(T.GenericParamConstraint, "Owner", generic_param_rid)]

    def interfaces_of(self, typedef_rid: int):
        return [self.tables[T.InterfaceImpl][r].interface for r in self.lookup(T.InterfaceImpl, "Class", typedef_rid)]

    def method_impls_of(self, typedef_rid: int):
        return [self.tables[T.MethodImpl][r] for r in self.lookup(T.MethodImpl, "Class", typedef_rid)]

    def constant(self, token: int):
        rids = self.lookup(T.Constant, "Parent", token)
        return self.tables[T.Constant][rids[0]] if rids else None

    def field_marshal(self, token: int):
        rids = self.lookup(T.FieldMarshal, "Parent", token)
        return self.tables[T.FieldMarshal][rids[0]] if rids else None

    def impl_map(self, token: int):
        rids = self.lookup(T.ImplMap, "MemberForwarded", token)
        return self.tables[T.ImplMap][rids[0]] if rids else None

    def class_layout(self, typedef_rid: int):
        rids = self.lookup(T.ClassLayout, "Parent", typedef_rid)
        return self.tables[T.ClassLayout][rids[0]] if rids else None

    def field_layout(self, field_rid: int):
        rids = self.lookup(T.FieldLayout, "Field", field_rid)
        return self.tables[T.FieldLayout][rids[0]].offset if rids else None

    def field_rva(self, field_rid: int):
        rids = self.lookup(T.FieldRVA, "Field", field_rid)
        return self.tables[T.FieldRVA][rids[0]].rva if rids else None

    def semantics_of(self, token: int):
        """MethodSemantics rows of an event or property."""
        return [self.tables[T.MethodSemantics][r] for r in self.lookup(T.MethodSemantics, "Association", token)]

    def decl_security(self, token: int):
        return [self.tables[T.DeclSecurity][r] for r in self.lookup(T.DeclSecurity, "Parent", token)]

    # -- type names and nesting --------------------------------------------------------------------
    def enclosing_type(self, typedef_rid: int) -> int:
        """The rid of the type that encloses a nested type, or 0 for a top-level type."""
        if self._enclosing is None:
            t = self.tables[T.NestedClass]
            self._enclosing = {n: e for n, e in zip(t.column("NestedClass"), t.column("EnclosingClass"))}
        return self._enclosing.get(typedef_rid, 0)

    def nested_types(self, typedef_rid: int):
        return [self.tables[T.NestedClass][r].nested_class
                for r in self.lookup(T.NestedClass, "EnclosingClass", typedef_rid)]

    def typedef_name(self, rid: int, separator: str = "/") -> str:
        """Full name of a type definition: "Ns.Name", or "Ns.Outer/Inner" for nested types."""
        row = self.tables[T.TypeDef][rid]
        name = f"{row.type_namespace}.{row.type_name}" if row.type_namespace else row.type_name
        outer = self.enclosing_type(rid)
        seen = 0
        while outer and seen < 64:
            o = self.tables[T.TypeDef][outer]
            prefix = f"{o.type_namespace}.{o.type_name}" if o.type_namespace else o.type_name
            name = prefix + separator + name
            outer = self.enclosing_type(outer)
            seen += 1
        return name

    def typeref_name(self, rid: int, separator: str = "/") -> str:
        row = self.tables[T.TypeRef][rid]
        name = f"{row.type_namespace}.{row.type_name}" if row.type_namespace else row.type_name
        scope = row.resolution_scope
        depth = 0
        while scope.table == T.TypeRef and not scope.is_nil and depth < 64:
            o = self.tables[T.TypeRef][scope.rid]
            prefix = f"{o.type_namespace}.{o.type_name}" if o.type_namespace else o.type_name
            name = prefix + separator + name
            scope = o.resolution_scope
            depth += 1
        return name

    def find_type(self, namespace: str, name: str) -> int:
        """The rid of the top-level type `namespace.name`, or 0."""
        if self._type_index is None:
            self._build_type_index()
        return self._type_index.get((namespace, name), 0)

    def find_nested_type(self, enclosing_rid: int, name: str) -> int:
        for rid in self.nested_types(enclosing_rid):
            if self.tables[T.TypeDef][rid].type_name == name:
                return rid
        return 0

    def find_type_by_name(self, full_name: str) -> int:
        """Rid of a type given as "Ns.Name" or "Ns.Outer/Inner" (also "+"), or 0."""
        parts = full_name.replace("+", "/").split("/")
        ns, _, name = parts[0].rpartition(".")
        rid = self.find_type(ns, name)
        for nested in parts[1:]:
            if not rid:
                return 0
            rid = self.find_nested_type(rid, nested)
        return rid

    def _build_type_index(self):
        t = self.tables[T.TypeDef]
        nested = set(self.tables[T.NestedClass].column("NestedClass"))
        get = self.strings.get
        index = {}
        for rid, (ns, name) in enumerate(zip(t.column("TypeNamespace"), t.column("TypeName")), 1):
            if rid not in nested:
                index.setdefault((get(ns), get(name)), rid)
        self._type_index = index

    def find_exported_type(self, namespace: str, name: str) -> int:
        """The rid of the top-level ExportedType row (a forwarder or a type of another module of
        this assembly) for `namespace.name`, or 0. Nested exported types hang off their outer row."""
        index = self._indexes.get("exported")
        if index is None:
            index = {}
            table = self.tables[T.ExportedType]
            get = self.strings.get
            decode = coded_decoder(table.columns[table.column_index("Implementation")].target)
            for rid, (ns, nm, impl) in enumerate(zip(table.column("TypeNamespace"), table.column("TypeName"),
                                                     table.column("Implementation")), 1):
                if decode(impl).table != T.ExportedType:
                    index.setdefault((get(ns), get(nm)), rid)
            self._indexes["exported"] = index
        return index.get((namespace, name), 0)

    def find_methods(self, typedef_rid: int, name: str):
        """MethodDef rids of the methods of a type that are called `name`."""
        return self._members(typedef_rid, T.MethodDef).get(name, [])

    def find_fields(self, typedef_rid: int, name: str):
        return self._members(typedef_rid, T.Field).get(name, [])

    def _members(self, typedef_rid, tid):
        key = (typedef_rid, tid)
        index = self._member_index.get(key)
        if index is None:
            rids = self.methods_of(typedef_rid) if tid == T.MethodDef else self.fields_of(typedef_rid)
            table = self.tables[tid]
            ni = table.column_index("Name")
            get = self.strings.get
            index = {}
            for rid in rids:
                index.setdefault(get(table.raw(rid)[ni]), []).append(rid)
            self._member_index[key] = index
        return index


_TABLE_IDS = frozenset(int(t) for t in SCHEMA)


def _pdb_external_rows(data, stream):
    """Row counts of the type-system tables a portable PDB refers to (from its #Pdb stream)."""
    pos = stream.offset + 20 + 4          # PDB id (20 bytes), entry point token
    if stream.size < 32:
        raise BadImageError("the #Pdb stream is too short")
    (mask,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    rows = {}
    for bit in range(64):
        if mask >> bit & 1:
            if pos + 4 > stream.offset + stream.size:
                raise BadImageError("the #Pdb stream ends inside its row counts")
            (rows[bit],) = struct.unpack_from("<I", data, pos)
            pos += 4
    return {TableId(b): n for b, n in rows.items() if b in _TABLE_IDS}


class Module(Metadata):
    """A PE file holding a managed module: its CLI header, metadata and method bodies."""

    def __init__(self, pe: PEFile):
        self.pe = pe
        self.cli = read_cli_header(pe)
        md = self.cli.metadata
        if md.rva == 0 or md.size == 0:
            raise BadImageError("the CLI header has no metadata directory")
        root_offset = pe.rva_to_offset(md.rva, md.size, "metadata")
        super().__init__(pe.data, root_offset, md.size, path=pe.path)
        self._bodies = {}

    @classmethod
    def open(cls, path) -> "Module":
        pe = PEFile.open(path)
        try:
            return cls(pe)
        except BadImageError as e:
            pe.close()
            raise e.with_path(str(path))

    @classmethod
    def from_bytes(cls, data: bytes, path=None) -> "Module":
        try:
            return cls(PEFile(data, path))
        except BadImageError as e:
            raise e.with_path(path) if path else e

    def close(self):
        self.pe.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<Module {self.path or '<memory>'}>"

    # -- module-level facts ------------------------------------------------------------------------
    @property
    def name(self) -> str:
        t = self.tables[T.Module]
        return t[1].name if t.num_rows else ""

    @property
    def is_assembly(self) -> bool:
        return self.tables[T.Assembly].num_rows > 0

    @property
    def assembly_name(self):
        """The AssemblyName of this module's manifest, or None for a netmodule."""
        t = self.tables[T.Assembly]
        return AssemblyName.from_assembly_row(t[1]) if t.num_rows else None

    def assembly_ref(self, rid: int) -> AssemblyName:
        return AssemblyName.from_assembly_ref_row(self.tables[T.AssemblyRef][rid])

    def assembly_refs(self):
        return [self.assembly_ref(r) for r in range(1, self.tables[T.AssemblyRef].num_rows + 1)]

    @property
    def entry_point_token(self):
        return self.cli.entry_point_token

    @property
    def is_il_only(self) -> bool:
        return bool(self.cli.flags & CliFlags.ILONLY)

    # -- method bodies ----------------------------------------------------------------------------
    def method_body(self, method_rid: int):
        """The decoded body of a MethodDef, or None for methods without IL (abstract, icall, pinvoke)."""
        body = self._bodies.get(method_rid)
        if body is None:
            rva = self.tables[T.MethodDef].raw(method_rid)[0]
            if rva == 0:
                return None
            try:
                body = self.read_body_at_rva(rva)
            except BadImageError as e:
                # Name the method only when something is wrong: naming it decodes rows.
                raise BadImageError(e.message, where=f"method {self.method_display_name(method_rid)} "
                                                     f"(0x{0x06000000 | method_rid:08x})") from None
            self._bodies[method_rid] = body
        return body

    def read_body_at_rva(self, rva: int, where: str = ""):
        pe = self.pe
        section = pe.section_for_rva(rva)
        if section is None:
            raise BadImageError(f"the body's RVA 0x{rva:x} is not inside any section", where=where)
        offset = pe.rva_to_offset(rva, 1, where)
        limit = min(section.pointer_to_raw_data + section.size_of_raw_data, len(pe.data))
        return read_method_body(pe.data, offset, limit, where)

    def local_var_sig(self, method_rid: int):
        """The locals of a method's body, or an empty LocalVarSig."""
        body = self.method_body(method_rid)
        if body is None or body.local_var_sig_token == 0:
            return sig.LocalVarSig(())
        tok = body.local_var_sig_token
        if tok >> 24 != T.StandAloneSig:
            raise BadImageError(f"local signature token 0x{tok:08x} is not a StandAloneSig",
                                where=f"method {self.method_display_name(method_rid)}")
        locals_ = self.standalone_sig(tok & 0xFFFFFF)
        if not isinstance(locals_, sig.LocalVarSig):
            raise BadImageError(f"local signature token 0x{tok:08x} is not a local variable signature",
                                where=f"method {self.method_display_name(method_rid)}")
        return locals_

    def method_display_name(self, method_rid: int) -> str:
        """"Ns.Type::Method" for messages."""
        try:
            name = self.tables[T.MethodDef][method_rid].name
            owner = self.owner_of_method(method_rid)
            return f"{self.typedef_name(owner)}::{name}" if owner else name
        except BadImageError:
            return f"MethodDef[{method_rid}]"

    # -- resources and data ------------------------------------------------------------------------
    def resource_data(self, resource_rid: int) -> bytes:
        """The bytes of a manifest resource embedded in this file."""
        row = self.tables[T.ManifestResource][resource_rid]
        if not row.implementation.is_nil:
            raise BadImageError(f"resource '{row.name}' is not embedded in this file")
        res = self.cli.resources
        base = self.pe.rva_to_offset(res.rva, res.size, "resources")
        if row.offset + 4 > res.size:
            raise BadImageError(f"resource '{row.name}' offset 0x{row.offset:x} is outside the resources")
        (length,) = struct.unpack_from("<I", self.data, base + row.offset)
        if row.offset + 4 + length > res.size:
            raise BadImageError(f"resource '{row.name}' ({length} bytes) runs past the resources")
        start = base + row.offset + 4
        return bytes(self.data[start:start + length])

    def field_initial_data(self, field_rid: int, size: int) -> bytes:
        """`size` bytes at a field's RVA (the data behind array initialisers and mapped fields)."""
        rva = self.field_rva(field_rid)
        if rva is None:
            raise BadImageError(f"field 0x{0x04000000 | field_rid:08x} has no RVA")
        return self.pe.read_rva(rva, size, f"data of field 0x{0x04000000 | field_rid:08x}")

    def strong_name_signature(self) -> bytes:
        d = self.cli.strong_name_signature
        if d.rva == 0 or d.size == 0:
            return b""
        return self.pe.read_rva(d.rva, d.size, "strong-name signature")


def open_module(path) -> Module:
    return Module.open(path)
