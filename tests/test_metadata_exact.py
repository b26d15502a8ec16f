"""Exactness of the metadata reader: every row and column of every table, checked against dnfile.

dnfile (a third-party .NET metadata parser) is used here only as a test oracle. For each assembly
the test compares, table by table:

* which tables the tables stream declares, and their row counts, heap-size flags, sorted mask;
* the row layout: where each table starts, its row size and every row's raw column values;
* every decoded column value, after normalising dnfile's representations (strings, blobs and
  GUIDs to their values, coded indices to (table, row), table indices and run starts to row
  numbers, flags to the integer dnfile read);
* the runs a TypeDef / MethodDef / EventMap / PropertyMap row owns (dnfile's list columns) against
  `fields_of`, `methods_of`, `params_of`, `events_of` and `properties_of`.

The assemblies are Mono's mscorlib, System and System.Core, and test programs written here that
exercise the tables those libraries leave empty or sparse (TypeRef, File, ExportedType,
linked resources, netmodules, FieldMarshal on parameters, DeclSecurity on the assembly, ...).

Where the two readers disagree, the bytes decide. Representation differences are normalised
explicitly (see `normaliser`): dnfile keeps flags only as booleans (its struct has the integer),
has no first element for an empty run, gives None for nil table indices and for coded indices
whose tag names a table the file lacks, and calls AssemblyRef.PublicKeyOrToken "PublicKey".
Known dnfile deviations from ECMA-335 that these assemblies do not hit, but that would show up as
a layout mismatch if a new one did: it makes an index 2 bytes wide while the row count is
<= 2^(16 - tag bits) (the specification says <), and its HasCustomAttribute coded index lacks
the MethodSpec tag (so a MethodSpec row count never widens that column).
"""
import os
import uuid
from pathlib import Path

import pytest

dnfile = pytest.importorskip("dnfile")
from dnfile import enums as dn_enums  # noqa: E402

from conftest import CACHE, MONO_LIB, compile_cs  # noqa: E402
from clrpy.metadata.module import Module  # noqa: E402
from clrpy.metadata.schema import SCHEMA, ColumnKind, TableId  # noqa: E402

# --- test programs ----------------------------------------------------------------------------

PROGRAM_A = r"""
using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Permissions;
using System.Reflection;

[assembly: AssemblyTitle("metadata exactness A")]
[assembly: AssemblyVersion("1.2.3.4")]
[module: CLSCompliant(false)]

namespace Exact.A
{
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
    public sealed class TagAttribute : Attribute
    {
        public TagAttribute(string name, int n) { Name = name; N = n; }
        public TagAttribute(Type t, object boxed, params int[] values) { }
        public string Name;
        public int N { get; set; }
        public Type[] Types { get; set; }
    }

    public interface IShape { double Area { get; } string Describe(); event EventHandler Changed; }
    public interface IScaled<T> where T : struct, IComparable<T> { T Scale(T factor); }

    [Tag("shape", 1, Types = new[] { typeof(int), typeof(List<string>) })]
    [Tag(typeof(Dictionary<,>), 42L, 1, 2, 3)]
    [Serializable]
    public abstract class Shape : IShape, IComparable
    {
        public const int Sides = 0;
        public const string Kind = "shape";
        public const string Unicode = "\u00e9\u4e2d\U0001F600";
        public const double Pi = 3.14159;
        public const long Big = long.MinValue;
        public const char Letter = 'x';
        public static readonly int[] Primes = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
        public static readonly byte[] Bytes = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 };
        public abstract double Area { get; }
        public virtual string Describe() { return Kind + Area; }
        public event EventHandler Changed;
        protected void OnChanged() { var h = Changed; if (h != null) h(this, EventArgs.Empty); }
        int IComparable.CompareTo(object o) { return Area.CompareTo(((Shape)o).Area); }
        [return: Tag("ret", 2)]
        public virtual int Measure([Tag("param", 3)] int scale = 7, string label = "none", object nothing = null) { return scale; }

        public class Nested
        {
            public class Deeper<U> where U : class, new()
            {
                public U Make() { return new U(); }
                public enum Colour : byte { Red = 1, Green = 2, Blue = 4 }
            }
        }
    }

    public class Circle : Shape, IScaled<double>, IEnumerable<int>
    {
        double r;
        public Circle(double r) { this.r = r; }
        public override double Area { get { return Math.PI * r * r; } }
        public double Radius { get { return r; } set { r = value; OnChanged(); } }
        public int this[int i] { get { return i * 2; } }
        double IScaled<double>.Scale(double f) { return r * f; }
        public IEnumerator<int> GetEnumerator() { for (int i = 0; i < 3; i++) yield return i; }
        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
        public static Circle operator +(Circle a, Circle b) { return new Circle(a.r + b.r); }
        public static implicit operator double(Circle c) { return c.r; }
    }

    [StructLayout(LayoutKind.Explicit, Size = 32, Pack = 4)]
    public struct Union
    {
        [FieldOffset(0)] public int I;
        [FieldOffset(0)] public float F;
        [FieldOffset(8)] public long L;
        [FieldOffset(16), MarshalAs(UnmanagedType.ByValArray, SizeConst = 4)] public byte[] Arr;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 2, CharSet = CharSet.Unicode)]
    public struct Sequential
    {
        public short A;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 16)] public string Name;
        [MarshalAs(UnmanagedType.Bool)] public bool Flag;
    }

    public static class Native
    {
        [DllImport("libc", EntryPoint = "strlen", CharSet = CharSet.Ansi, ExactSpelling = true)]
        public static extern IntPtr StrLen([MarshalAs(UnmanagedType.LPStr)] string s);

        [DllImport("libc", SetLastError = true, CallingConvention = CallingConvention.Cdecl)]
        [return: MarshalAs(UnmanagedType.I4)]
        public static extern int getpid();

        [DllImport("libm")]
        public static extern double cos(double x);

        [DllImport("kernel32", CharSet = CharSet.Unicode, PreserveSig = false)]
        public static extern void GetThing([MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 1)] int[] buf, int n,
                                           [MarshalAs(UnmanagedType.Interface)] object o,
                                           [MarshalAs(UnmanagedType.CustomMarshaler, MarshalTypeRef = typeof(Shape), MarshalCookie = "c")] object m);
    }

    public delegate T Maker<out T>(int n);

    public class Generic<TKey, TValue> : Dictionary<TKey, List<TValue>>
        where TKey : IComparable<TKey>, IEquatable<TKey>
        where TValue : class
    {
        public static TOut Convert<TIn, TOut>(TIn x, Func<TIn, TOut> f) where TOut : new() { return f(x); }
        public TValue First(TKey k) { List<TValue> l; return TryGetValue(k, out l) && l.Count > 0 ? l[0] : null; }
    }

    public static class Program
    {
        [SecurityPermission(SecurityAction.Demand, UnmanagedCode = true)]
        static void Secure() { }

        static T Id<T>(T x) { return x; }

        public static int Main(string[] args)
        {
            var c = new Circle(2.0);
            c.Changed += (s, e) => Console.WriteLine("changed");
            c.Radius = 3;
            int sum = 0;
            foreach (var i in c) sum += i;
            sum += Id<int>(3) + Id<string>("x").Length + Id(Shape.Primes[3]);
            var d = Generic<string, Shape>.Convert<int, object>(1, x => x);
            var u = new Union(); u.I = 5;
            Maker<string> mk = n => new string('a', n);
            try { Secure(); } catch (Exception) { sum++; } finally { sum--; }
            Console.WriteLine("{0} {1} {2} {3} {4}", sum, c.Area, u.F, mk(3), d);
            return sum;
        }
    }
}
"""

NETMODULE = r"""
namespace Exact.Mod
{
    public class FromModule
    {
        public int X;
        public static int Twice(int a) { return 2 * a; }
        public class Inner { public string S = "inner"; }
    }
}
"""

PROGRAM_B = r"""
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Permissions;

[assembly: TypeForwardedTo(typeof(System.Uri))]
[assembly: TypeForwardedTo(typeof(System.Collections.Generic.LinkedList<>))]
[assembly: SecurityPermission(SecurityAction.RequestMinimum, Execution = true)]
[assembly: InternalsVisibleTo("Friend")]

namespace Exact.B
{
    public enum Mode : long { None = 0, Fast = 1L << 40, Slow = -1 }

    [Flags] public enum Bits : ushort { A = 1, B = 2, AB = A | B }

    public unsafe struct Fixed
    {
        public fixed byte Buffer[24];
        public fixed int Ints[3];
    }

    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Padded { public int A; }

    public interface IVariant<in TIn, out TOut> { TOut Map(TIn x); }

    public class Mapper<[Tag] T> : IVariant<T, string>, IEquatable<Mapper<T>> where T : IConvertible
    {
        string IVariant<T, string>.Map(T x) { return x.ToString(null); }
        public bool Equals(Mapper<T> other) { return other != null; }
        public IEnumerable<TResult> Each<TResult>(IEnumerable<T> xs, Func<T, TResult> f)
        {
            foreach (var x in xs) yield return f(x);
        }
    }

    [AttributeUsage(AttributeTargets.All)]
    public class TagAttribute : Attribute
    {
        public TagAttribute() { }
        public TagAttribute(Mode m, Bits b, Type t, object o, string[] names) { }
    }

    [Tag(Mode.Fast, Bits.AB, typeof(Dictionary<int, string>[]), 12.5f, new[] { "a", null, "c" })]
    public class Library
    {
        public const Mode Default = Mode.Slow;
        public const decimal Money = 1.5m;
        public static readonly long[] Table = { 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144 };
        static readonly string[] Strings = { "x", "y" };
        public event Action<int> Ticked { add { } remove { } }
        public event EventHandler<EventArgs> Other;

        public int Get(int i = -1, Mode m = Mode.Fast, Bits b = Bits.AB, double d = double.NaN, string s = "\u00e9\u4e2d") { return i; }

        [PermissionSet(SecurityAction.LinkDemand, Unrestricted = true)]
        public static unsafe int Sum(int* p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }

        public static int VarArgs(__arglist) { return new ArgIterator(__arglist).GetRemainingCount(); }
        public static int CallVarArgs() { return VarArgs(__arglist(1, "two", 3.0)); }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.Synchronized)]
        public T[] Fill<T>(int n, T v) where T : struct { var a = new T[n]; for (int i = 0; i < n; i++) a[i] = v; return a; }

        public int UseModule() { return Exact.Mod.FromModule.Twice(3) + Fill<long>(2, 7L).Length + Fill(1, 'c').Length; }

        [DllImport("libc", EntryPoint = "write", BestFitMapping = false, ThrowOnUnmappableChar = true)]
        static extern int Write(int fd, [MarshalAs(UnmanagedType.LPArray)] byte[] buf, UIntPtr n);

        [DllImport("__Internal")]
        static extern void Callback([MarshalAs(UnmanagedType.FunctionPtr)] Action a,
                                    [MarshalAs(UnmanagedType.SafeArray, SafeArraySubType = VarEnum.VT_BSTR)] string[] arr);
    }
}
"""


def _resource_file() -> Path:
    """A small file to embed and to link as resources, at a stable path inside the build cache.

    mcs hashes a linked resource (-linkresource) from the *output* directory under the file's own
    name, and conftest's compile_cs builds in a fresh directory holding only `prog.cs` (the
    source). So the linked file must be called prog.cs: the File row then hashes the program's
    source, which is there. The path is stable so that compile_cs's cache key is too.
    """
    path = CACHE / "metadata_exact" / "prog.cs"
    text = "// a resource of the metadata exactness test programs\n"
    if not path.exists() or path.read_text() != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text)
        os.replace(tmp, path)
    return path


def _program_a():
    # An embedded resource and a linked one (a File row plus a ManifestResource that points at it).
    res = _resource_file()
    return compile_cs(PROGRAM_A, "-unsafe", f"-resource:{res},Exact.A.embedded.txt", f"-linkresource:{res},linked.txt")


def _netmodule():
    return compile_cs(NETMODULE, "-target:module")


def _program_b():
    # Type forwarders and a netmodule's public types give ExportedType rows (AssemblyRef, nested
    # ExportedType and File implementations).
    res = _resource_file()
    return compile_cs(PROGRAM_B, "-unsafe", f"-addmodule:{_netmodule()}", f"-resource:{res},b.txt",
                      f"-linkresource:{res},b-linked.txt", library=True)


ASSEMBLIES = {
    "mscorlib": lambda: MONO_LIB / "mscorlib.dll",
    "System": lambda: MONO_LIB / "System.dll",
    "System.Core": lambda: MONO_LIB / "System.Core.dll",
    "program_a": _program_a,
    "program_b": _program_b,
    "netmodule": _netmodule,
}


class Pair:
    """One assembly opened by both readers."""

    def __init__(self, name, path):
        self.name = name
        self.path = path
        self.ours = Module.open(path)
        self.dn = dnfile.dnPE(str(path))
        self.md = self.dn.net.mdtables
        assert self.md is not None and self.md.header is not None, f"dnfile could not read {path}"

    def close(self):
        self.ours.close()
        self.dn.close()


# --- how dnfile names and decodes columns -------------------------------------------------------

_STRATEGIES = ("asis", "strings", "guids", "blobs", "flags", "enums", "codedindexes", "indexes", "lists")


def dn_columns(row_class):
    """{dnfile attribute: (strategy, struct field name, extra)} for a dnfile row class."""
    out = {}
    for strategy in _STRATEGIES:
        for struct_name, spec in getattr(row_class, f"_struct_{strategy}", {}).items():
            attr, extra = (spec if isinstance(spec, tuple) else (spec, None))
            assert attr not in out, f"{row_class.__name__}.{attr} has two strategies"
            out[attr] = (strategy, struct_name, extra)
    return out


def dn_struct_fields(row):
    """The struct field names of a dnfile row, in layout order."""
    return [f.split(",")[1] for f in row._format[1]]


# Columns dnfile calls by another name: (table, our name) -> dnfile's name.
DN_ALIASES = {(TableId.AssemblyRef, "PublicKeyOrToken"): "PublicKey"}


def column_map(dn_table, tid):
    """[(our Column, dnfile strategy, struct field name, extra)] in our column order.

    Our column names are the specification's; dnfile's differ in case (Rva, OSPlatformId) and in
    the names listed in DN_ALIASES. Every column must map to exactly one dnfile attribute and every
    dnfile attribute must be used.
    """
    dn_cols = dn_columns(dn_table._row_class)
    by_lower = {a.lower(): a for a in dn_cols}
    assert len(by_lower) == len(dn_cols)
    out = []
    for col in SCHEMA[tid]:
        attr = by_lower.pop(DN_ALIASES.get((tid, col.name), col.name).lower(), None)
        assert attr is not None, f"{tid.name}.{col.name} has no dnfile counterpart"
        out.append((col, attr) + dn_cols[attr])
    assert not by_lower, f"dnfile columns of {tid.name} that we do not have: {sorted(by_lower.values())}"
    return out


def _table_number(name):
    return int(dn_enums.MetadataTables[name])


def normaliser(col, attr, strategy, struct_name, extra):
    """A function (dnfile row) -> comparable value, and the one for our decoded row value."""
    k = col.kind
    if strategy == "asis":
        assert k in (ColumnKind.U8, ColumnKind.U16, ColumnKind.U32)

        def dn(row, a=attr):
            return row.__dict__[a]
        return dn, None
    if strategy == "flags":
        # dnfile keeps flags only as booleans; the integer it read is in its struct.
        assert k in (ColumnKind.U16, ColumnKind.U32)
        return (lambda row, s=struct_name: getattr(row.struct, s)), None
    if strategy == "enums":
        def dn(row, s=struct_name, a=attr):
            v = row.__dict__[a]
            return getattr(row.struct, s) if v is None else int(v)
        return dn, None
    if strategy == "strings":
        assert k == ColumnKind.STRING

        def dn(row, a=attr):
            item = row.__dict__[a]
            if item is None:
                return None
            if item.value is not None:
                return item.value
            return item.value_bytes().decode("utf-8", errors="replace")   # our policy for bad UTF-8
        return dn, None
    if strategy == "blobs":
        assert k == ColumnKind.BLOB

        def dn(row, a=attr):
            item = row.__dict__[a]
            return None if item is None else bytes(item.value)
        return dn, None
    if strategy == "guids":
        assert k == ColumnKind.GUID

        def dn(row, a=attr):
            item = row.__dict__[a]
            return None if item is None else bytes(item.value)
        return dn, (lambda v: None if v is None else v.bytes_le)
    if strategy == "codedindexes":
        assert k == ColumnKind.CODED
        ci_class = extra
        assert ci_class.tag_bits == col.target.tag_bits, f"coded index {col.target.name}: tag bits"
        assert tuple(n or "Unused" for n in ci_class.table_names[:len(col.target.tables)]) == \
            tuple("Unused" if t is None else _dn_name(t) for t in col.target.tables[:len(ci_class.table_names)]), \
            f"coded index {col.target.name} lists different tables in dnfile"
        mask = (1 << ci_class.tag_bits) - 1

        def dn(row, a=attr, s=struct_name, names=ci_class.table_names, bits=ci_class.tag_bits):
            ci = row.__dict__[a]
            if ci is not None and ci.table is not None:
                return (ci.table.number, ci.row_index)
            # dnfile leaves the table out when the tag names a table the file does not have
            # (e.g. a nil ManifestResource.Implementation); the tag is in its struct value.
            raw = getattr(row.struct, s)
            return (_table_number(names[raw & mask]), raw >> bits)
        return dn, (lambda tok: (tok.table, tok.rid))
    if strategy == "indexes":
        assert k == ColumnKind.TABLE

        def dn(row, a=attr, s=struct_name):
            ix = row.__dict__[a]
            # dnfile gives None for a nil (0) or out-of-range index; the struct has the number.
            return getattr(row.struct, s) if ix is None else ix.row_index
        return dn, None
    if strategy == "lists":
        assert k == ColumnKind.LIST

        def dn(row, a=attr, s=struct_name):
            run = row.__dict__[a]
            # An empty run has no first element in dnfile's list; its start is in the struct.
            return run[0].row_index if run else getattr(row.struct, s)
        return dn, None
    raise AssertionError(strategy)


def _dn_name(tid):
    return "FieldRva" if tid == TableId.FieldRVA else TableId(tid).name


def _first_differences(name, ours, theirs, limit=5):
    diffs = [(rid, o, t) for rid, (o, t) in enumerate(zip(ours, theirs), 1) if o != t]
    lines = [f"  row {rid}: clrpy={o!r} dnfile={t!r}" for rid, o, t in diffs[:limit]]
    return f"{name}: {len(diffs)} rows differ\n" + "\n".join(lines)


# --- the checks ------------------------------------------------------------------------------

def check_stream_header_and_table_presence(pair):
    ours, md = pair.ours.tables, pair.md
    h = md.header
    assert ours.valid == h.MaskValid
    assert ours.sorted == h.MaskSorted
    assert ours.heap_sizes == h.HeapOffsetSizes
    assert (ours.major_version, ours.minor_version) == (h.MajorVersion, h.MinorVersion)
    declared = {bit for bit in range(64) if ours.valid >> bit & 1}
    assert set(md.tables) == declared, "dnfile and clrpy disagree on which tables are present"
    assert {int(t.id) for t in ours.present()} == {n for n, dt in md.tables.items() if dt.num_rows}
    # Every table we know: row count as declared (0 when absent); dnfile parsed all of them.
    for tid in TableId:
        t = ours[tid]
        dt = md.tables.get(int(tid))
        if dt is None:
            assert t.num_rows == 0 and int(tid) not in declared, tid.name
            continue
        assert t.num_rows == dt.num_rows == len(dt.rows), f"{tid.name}: row count"
        assert ours.is_sorted(tid) == dt.is_sorted, tid.name


def check_row_layout_and_raw_values(pair):
    """Table offsets, row sizes and every raw column value (the layout from the row counts)."""
    ours = pair.ours.tables
    data = pair.ours.data
    for tid_num, dt in pair.md.tables.items():
        tid = TableId(tid_num)
        t = ours[tid]
        if t.num_rows == 0:
            continue
        assert t.row_size == dt.row_size, f"{tid.name}: row size {t.row_size} vs dnfile {dt.row_size}"
        assert t.offset == dt.file_offset, f"{tid.name}: table offset 0x{t.offset:x} vs dnfile 0x{dt.file_offset:x}"
        # The table's bytes as dnfile read them are the bytes we index into.
        assert bytes(data[t.offset:t.offset + t.num_rows * t.row_size]) == dt._table_data
        fields = dn_struct_fields(dt.rows[0])
        assert len(fields) == len(t.columns), tid.name
        theirs = [tuple(getattr(r.struct, f) for f in fields) for r in dt.rows]
        mine = t.raw_rows()
        assert mine == theirs, _first_differences(f"{tid.name} raw", mine, theirs)


def check_every_column_of_every_row(pair):
    ours = pair.ours.tables
    checked = 0
    for tid_num, dt in sorted(pair.md.tables.items()):
        tid = TableId(tid_num)
        t = ours[tid]
        if t.num_rows == 0:
            continue
        rows = [t[rid] for rid in range(1, t.num_rows + 1)]
        for col, attr, strategy, struct_name, extra in column_map(dt, tid):
            dn_norm, our_norm = normaliser(col, attr, strategy, struct_name, extra)
            theirs = [dn_norm(r) for r in dt.rows]
            mine = [getattr(r, col.attr) for r in rows]
            if our_norm is not None:
                mine = [our_norm(v) for v in mine]
            assert mine == theirs, _first_differences(f"{tid.name}.{col.name}", mine, theirs)
            checked += 1
    assert checked > 0


def check_value_types(pair):
    """Our decoded values have the documented Python types (column by column, first rows)."""
    ours = pair.ours.tables
    for t in ours.present():
        for rid in {1, t.num_rows}:
            row = t[rid]
            for col in t.columns:
                v = getattr(row, col.attr)
                if col.kind == ColumnKind.STRING:
                    assert type(v) is str
                elif col.kind == ColumnKind.BLOB:
                    assert type(v) is bytes
                elif col.kind == ColumnKind.GUID:
                    assert v is None or type(v) is uuid.UUID
                elif col.kind == ColumnKind.CODED:
                    assert v.table in {int(x) for x in col.target.tables if x is not None}
                else:
                    assert type(v) is int


def _dn_run(row, attr):
    return [ix.row_index for ix in getattr(row, attr)]


def check_runs(pair):
    """The members each row owns: dnfile's list columns against our run accessors."""
    m, md = pair.ours, pair.md
    for dt, attr, ours_of in ((md.TypeDef, "FieldList", m.fields_of), (md.TypeDef, "MethodList", m.methods_of),
                              (md.MethodDef, "ParamList", m.params_of)):
        if dt is None:
            continue
        theirs = [_dn_run(r, attr) for r in dt.rows]
        mine = [list(ours_of(rid)) for rid in range(1, len(dt.rows) + 1)]
        assert mine == theirs, _first_differences(f"{dt.name}.{attr} runs", mine, theirs)
    for dt, attr, ours_of in ((md.EventMap, "EventList", m.events_of),
                              (md.PropertyMap, "PropertyList", m.properties_of)):
        if dt is None:
            continue
        theirs = [_dn_run(r, attr) for r in dt.rows]
        mine = [list(ours_of(r.Parent.row_index)) for r in dt.rows]
        assert mine == theirs, _first_differences(f"{dt.name}.{attr} runs", mine, theirs)


CHECKS = (check_stream_header_and_table_presence, check_row_layout_and_raw_values,
          check_every_column_of_every_row, check_value_types, check_runs)


@pytest.mark.parametrize("name", list(ASSEMBLIES))
def test_metadata_matches_dnfile(name, mono_lib):
    """All checks on one assembly. One test per assembly, so that each is parsed by dnfile exactly
    once (mscorlib takes it ~5 s) however pytest-xdist spreads the tests; every check runs and
    every failure is reported."""
    pair = Pair(name, Path(ASSEMBLIES[name]()))
    failures = []
    try:
        for check in CHECKS:
            try:
                check(pair)
            except AssertionError as e:
                failures.append(f"{check.__name__}: {e}")
    finally:
        pair.close()
    assert not failures, f"{pair.path}:\n" + "\n\n".join(failures)


def test_programs_exercise_the_tables():
    """The test programs do populate the tables the class libraries leave empty."""
    a, b, mod = (Module.open(f()) for f in (_program_a, _program_b, _netmodule))
    T = TableId
    try:
        for m, tables in ((a, (T.TypeRef, T.FieldMarshal, T.ImplMap, T.ModuleRef, T.ClassLayout, T.FieldLayout,
                               T.FieldRVA, T.Constant, T.CustomAttribute, T.MethodImpl, T.MethodSpec,
                               T.DeclSecurity, T.ManifestResource, T.File, T.Event, T.Property,
                               T.GenericParamConstraint, T.NestedClass, T.InterfaceImpl)),
                          (b, (T.ExportedType, T.File, T.DeclSecurity, T.FieldMarshal, T.ManifestResource,
                               T.ClassLayout, T.MethodSpec, T.GenericParamConstraint))):
            empty = [t.name for t in tables if m.tables[t].num_rows == 0]
            assert not empty, f"{m.path} has no rows in {empty}"
        impls = {r.implementation.table for r in b.tables[T.ExportedType]}
        assert impls == {T.AssemblyRef, T.File, T.ExportedType}
        assert mod.tables[T.Assembly].num_rows == 0 and mod.tables[T.TypeDef].num_rows >= 3
    finally:
        for m in (a, b, mod):
            m.close()


def test_open_is_lazy(mscorlib_path):
    """Opening mscorlib decodes no rows; one method lookup decodes only a handful."""
    m = Module.open(mscorlib_path)
    try:
        tables = list(m.tables.tables.values())
        assert all(t._rows is None for t in tables), [t.name for t in tables if t._rows is not None]
        assert len(m.strings._cache) == 0 and len(m.blobs._cache) == 0
        rid = m.find_type("System", "String")
        assert rid
        concat = m.find_methods(rid, "Concat")
        assert len(concat) > 2
        bodies = [m.method_body(r) for r in concat]
        assert any(b is not None and b.code for b in bodies)
        decoded = sum(sum(1 for r in t._rows if r is not None) for t in tables if t._rows is not None)
        total = sum(t.num_rows for t in tables)
        assert decoded <= 50, f"a lookup decoded {decoded} of {total} rows"
        # The #Strings cache holds the names the indexes needed, not the whole heap.
        assert len(m.strings._cache) < m.tables[TableId.TypeDef].num_rows + len(concat) + 100
    finally:
        m.close()


def _many_fields_program(n_fields: int) -> str:
    """A library whose Field table has exactly `n_fields` rows, the last one carrying an attribute."""
    fields = "\n".join(f"        public int F{i};" for i in range(n_fields - 1))
    return ("using System;\nnamespace Exact.Wide\n{\n    public class Big\n    {\n" + fields +
            "\n        [Obsolete(\"marked\")] public int Marked;\n    }\n}\n")


@pytest.mark.parametrize("n_fields, width", [(2047, 2), (2048, 4)])
def test_coded_index_width_boundary(n_fields, width):
    """HasCustomAttribute has 5 tag bits, so it is 2 bytes wide while every table it can name has
    fewer than 2^11 = 2048 rows (II.24.2.6) and 4 bytes from 2048 rows on. (dnfile, the oracle of
    the tests above, switches one row late, so this boundary is checked against the bytes: a wrong
    width shifts every later table and garbles the rows checked here.)"""
    path = compile_cs(_many_fields_program(n_fields), library=True)
    with Module.open(path) as m:
        T = TableId
        assert m.tables[T.Field].num_rows == n_fields
        assert all(m.tables[t].num_rows < 2048 for t in (T.MethodDef, T.TypeRef, T.TypeDef, T.Param, T.MemberRef))
        ca = m.tables[T.CustomAttribute]
        assert ca.widths[0] == width
        marked = m.find_fields(m.find_type("Exact.Wide", "Big"), "Marked")
        assert marked == [n_fields]
        rows = [m.tables[T.CustomAttribute][r] for r in m.lookup(T.CustomAttribute, "Parent", 0x04000000 | n_fields)]
        assert len(rows) == 1
        ctor = rows[0].type
        assert ctor.table == T.MemberRef
        ref = m.tables[T.MemberRef][ctor.rid]
        assert ref.name == ".ctor" and ref.class_.table == T.TypeRef
        assert m.typeref_name(ref.class_.rid) == "System.ObsoleteAttribute"
        assert rows[0].value == b"\x01\x00\x06marked\x00\x00"
        # Tables after CustomAttribute in the stream still line up.
        assert m.tables[T.Assembly][1].name == "prog"        # compile_cs builds prog.dll
        assert [r.name for r in m.tables[T.AssemblyRef]] == ["mscorlib"]
        assert m.tables.data_end <= m.tables.offset + m.tables.size
