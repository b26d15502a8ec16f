"""`clrpy validate` and clrpy.validation: real images pass, and targeted corruptions of a real image
are each reported with a message naming the structure, and a non-zero exit.

The corruptions patch bytes in a copy of a program compiled here: a branch into the middle of an
instruction, an out-of-range call token, badly overlapping exception clauses, a string index past
the heap, an unsorted CustomAttribute table, an invalid coded-index tag, a truncated file, a body
RVA outside every section, entry points with bad signatures, and more. Files that are not managed
modules at all (text, ELF, a native PE without a CLI header) are diagnosed as such.
"""
import contextlib
import io
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MONO_LIB, assemble_il, compile_cs
from clrpy.cil.decoder import decode
from clrpy.cli.main import main
from clrpy.metadata.module import Module
from clrpy.metadata.schema import TableId
from clrpy.validation import Problem, validate_bytes, validate_file, validate_module

T = TableId
REPO = Path(__file__).resolve().parent.parent

# -- real images ---------------------------------------------------------------------------------------
MONO_FILES = sorted(p.name for p in MONO_LIB.glob("*.dll")) + sorted(p.name for p in MONO_LIB.glob("*.exe")) + \
    sorted(f"Facades/{p.name}" for p in (MONO_LIB / "Facades").glob("*.dll"))


def test_mono_library_list_is_complete(mono_lib):
    assert "mscorlib.dll" in MONO_FILES and len(MONO_FILES) > 100
    assert any(f.startswith("Facades/") for f in MONO_FILES)


@pytest.mark.parametrize("name", MONO_FILES)
def test_mono_class_libraries_validate(mono_lib, name):
    report = validate_file(mono_lib / name)
    assert report.ok, "\n".join(str(p) for p in report.problems)
    if name == "mscorlib.dll":
        assert report.types > 2000 and report.methods > 20000 and report.il_bytes > 1_000_000


SAMPLE_FEATURES = r"""
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Samples
{
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
    public class InfoAttribute : Attribute { public InfoAttribute(string s) { } public int N; }

    [Info("shape")] public interface IShape { double Area { get; } }
    public struct Vec { public double X, Y; public static Vec operator +(Vec a, Vec b) { return new Vec { X = a.X + b.X, Y = a.Y + b.Y }; } }
    [StructLayout(LayoutKind.Sequential, Pack = 4)] public struct Packed { public byte A; public long B; }
    public enum Mode : byte { Off, On, Auto = 7 }

    public class Box<T> where T : IComparable<T>
    {
        T value;
        public Box(T v) { value = v; }
        public bool Bigger(T other) { return value.CompareTo(other) > 0; }
        public IEnumerable<U> Map<U>(Func<T, U> f) { yield return f(value); }
        public class Inner { public static int Count; }
    }

    public static class Program
    {
        public static event EventHandler Changed;
        [DllImport("libc")] static extern int getpid();

        static unsafe int Sum(int[] xs) { int s = 0; fixed (int* p = xs) { for (int i = 0; i < xs.Length; i++) s += p[i]; } return s; }

        static string Kind(string s)
        {
            switch (s)
            {
                case "a": return "first"; case "b": return "second"; case "c": return "third";
                case "d": return "fourth"; case "e": return "fifth"; case "f": return "sixth";
                case "g": return "seventh"; default: return "other";
            }
        }

        static int Guard(int x)
        {
            try
            {
                try { return 100 / x; }
                catch (DivideByZeroException e) when (e.Message != null) { return -1; }
                catch (ArithmeticException) { return -2; }
            }
            finally { Changed?.Invoke(null, EventArgs.Empty); }
        }

        static async Task<int> Later(int x) { await Task.Yield(); return x * 2; }
        static int Vararg(__arglist) { return new ArgIterator(__arglist).GetRemainingCount(); }

        [Info("main", N = 3)]
        public static int Main(string[] args)
        {
            var squares = Enumerable.Range(1, 5).Select(i => i * i).Where(i => i % 2 == 1).ToList();
            var box = new Box<int>(3);
            var v = new Vec { X = 1 } + new Vec { Y = 2 };
            Console.WriteLine(Sum(squares.ToArray()) + Kind(args.Length > 0 ? args[0] : "z") + Guard(0) + box.Bigger(2)
                              + v.X + Later(4).Result + Vararg(__arglist(1, 2)) + Mode.Auto + box.Map(x => "s" + x).First());
            return 0;
        }
    }
}
"""

SAMPLE_LIBRARY = r"""
using System;
using System.Collections;
using System.Collections.Generic;
namespace Samples.Lib
{
    public abstract class Node : IEnumerable<Node>
    {
        protected readonly List<Node> children = new List<Node>();
        public abstract string Name { get; }
        public IEnumerator<Node> GetEnumerator() { return children.GetEnumerator(); }
        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
        public virtual int Depth() { int d = 0; foreach (var c in this) d = Math.Max(d, c.Depth()); return d + 1; }
    }
    public sealed class Leaf : Node { public override string Name { get { return "leaf"; } } }
    public static class Ext
    {
        public static T[] Repeat<T>(this T x, int n) { var a = new T[n]; for (int i = 0; i < n; i++) a[i] = x; return a; }
        public static int[,] Grid(int n) { return new int[n, n]; }
        public static Dictionary<K, V> Invert<K, V>(Dictionary<V, K> d) { var r = new Dictionary<K, V>(); foreach (var kv in d) r[kv.Value] = kv.Key; return r; }
    }
}
"""

SAMPLE_IL = r"""
.assembly extern mscorlib { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 4:0:0:0 }
.assembly SampleIL { }
.class public auto ansi Edge extends [mscorlib]System.Object
{
    .method public static int32 SharedTry(object o) cil managed
    {
        .maxstack 2
        .locals init (int32 r)
        .try
        {
            .try {
                ldarg.0
                callvirt instance string [mscorlib]System.Object::ToString()
                pop
                leave.s AFTER
            }
            catch [mscorlib]System.NullReferenceException { pop  ldc.i4.1  stloc.0  leave.s AFTER }
            catch [mscorlib]System.Exception { pop  ldc.i4.2  stloc.0  leave.s AFTER }
          AFTER:
            leave.s DONE
        }
        filter { pop  ldc.i4.1  endfilter }
        { pop  ldc.i4.3  stloc.0  leave.s DONE }
      DONE:
        .try { ldloc.0  ldc.i4.1  add  stloc.0  leave.s OUT }
        fault { endfinally }
      OUT:
        ldloc.0
        ldc.i4.2
        switch (L0, L1)
        ret
      L0:
        tail. call int32 Edge::Id(int32)
        ret
      L1:
        ldc.i4.7
        ret
    }
    .method public static int32 Id(int32 x) cil managed { ldarg.0  ret }
    .method public static int32 Indirect(int32 x) cil managed
    {
        ldarg.0
        ldftn int32 Edge::Id(int32)
        calli int32(int32)
        ret
    }
    .method public static void Main() cil managed { .entrypoint  ret }
}
"""


@pytest.mark.parametrize("source, args, library", [
    (SAMPLE_FEATURES, ("-unsafe", "-optimize+"), False),
    (SAMPLE_FEATURES, ("-unsafe", "-debug"), False),
    (SAMPLE_FEATURES, ("-unsafe", "-platform:x64"), False),
    (SAMPLE_FEATURES, ("-unsafe", "-platform:x86"), False),
    (SAMPLE_FEATURES, ("-unsafe", "-platform:anycpu32bitpreferred"), False),
    (SAMPLE_LIBRARY, (), True),
], ids=["features-optimized", "features-debug", "features-x64", "features-x86", "features-32bitpreferred",
        "library"])
def test_sample_programs_validate(source, args, library):
    report = validate_file(compile_cs(source, *args, library=library))
    assert report.ok, "\n".join(str(p) for p in report.problems)
    assert report.methods > 5 and report.il_bytes > 100


def test_readme_sample_validates():
    report = validate_file(compile_cs((REPO / "samples" / "hello.cs").read_text()))
    assert report.ok, [str(p) for p in report.problems]


def test_il_edge_cases_validate():
    """Shared try blocks, nested handlers, filter, fault, switch, tail. and calli are all valid."""
    report = validate_file(assemble_il(SAMPLE_IL))
    assert report.ok, [str(p) for p in report.problems]


# -- the corruption target ------------------------------------------------------------------------------
TARGET = r"""
using System;
namespace Victim
{
    [Obsolete("old type")]
    public class Target
    {
        public int Field;
        public static int Branchy(int x)
        {
            int r = 0;
            for (int i = 0; i < x; i++) { if (i % 3 == 0) r += i; else r -= 1; }
            return r;
        }
        public static string Greet(string n) { return string.Concat("hello ", n); }
        public static int Guarded(int x)
        {
            try { x = 10 / x; } catch (DivideByZeroException) { x = -1; }
            try { x += 2; } catch (InvalidOperationException) { x = -2; }
            return x;
        }
        [Obsolete("old method")]
        public int Instance(int y) { return Field + y; }
        public static int Main(string[] args) { return Branchy(args.Length) + Guarded(1) + Greet("x").Length; }
    }
}
"""


@pytest.fixture(scope="module")
def target():
    path = compile_cs(TARGET, "-optimize+")
    data = path.read_bytes()
    report = validate_bytes(data, "target")
    assert report.ok, [str(p) for p in report.problems]
    return data


class Patcher:
    """A writable copy of an image, with the offsets of the structures the tests patch."""

    def __init__(self, data: bytes):
        self.data = bytearray(data)
        self.m = Module.from_bytes(bytes(data))

    def method(self, name):
        t = self.m.find_type("Victim", "Target")
        (rid,) = self.m.find_methods(t, name)
        return rid

    def body(self, name):
        return self.m.method_body(self.method(name))

    def instructions(self, name):
        return decode(self.body(name).code)

    def cell(self, tid, rid, column):
        """File offset and width of one table cell."""
        t = self.m.tables[tid]
        ci = t.column_index(column)
        return t.offset + (rid - 1) * t.row_size + sum(t.widths[:ci]), t.widths[ci]

    def set_cell(self, tid, rid, column, value):
        off, width = self.cell(tid, rid, column)
        self.data[off:off + width] = value.to_bytes(width, "little")

    def put(self, offset, fmt, value):
        struct.pack_into(fmt, self.data, offset, value)

    def eh_clause(self, name, index):
        """File offset of clause `index` of a method and whether the EH section is fat."""
        body = self.body(name)
        at = (body.code_offset + len(body.code) + 3) & ~3
        fat = bool(self.data[at] & 0x40)
        return at + 4 + index * (24 if fat else 12), fat

    def report(self, limit=50):
        return validate_bytes(bytes(self.data), "patched", limit=limit)


def messages(report):
    return [str(p) for p in report.problems]


def assert_problem(report, *fragments):
    """Some problem's text contains every fragment."""
    texts = messages(report)
    assert any(all(f in t for f in fragments) for t in texts), f"no problem with {fragments} in:\n" + "\n".join(texts)


def _retarget_branch(p, name, new_target):
    """Point the first branch of a method at `new_target`; return the branch instruction."""
    body = p.body(name)
    br = next(i for i in p.instructions(name) if i.opcode.operand.name in ("BRANCH8", "BRANCH32"))
    at = body.code_offset + br.offset + (2 if br.opcode.value > 0xFF else 1)
    if br.opcode.operand.name == "BRANCH8":
        p.put(at, "<b", new_target - br.next)
    else:
        p.put(at, "<i", new_target - br.next)
    return br


def test_branch_into_the_middle_of_an_instruction(target):
    p = Patcher(target)
    ins = p.instructions("Branchy")
    wide = next(i for i in ins if i.size > 1 and i.offset > 0)
    br = _retarget_branch(p, "Branchy", wide.offset + 1)
    assert_problem(p.report(), "method Victim.Target::Branchy (0x06", f"IL offset 0x{br.offset:04x}",
                   f"branches to IL 0x{wide.offset + 1:04x}, which is not the start of an instruction")


def test_branch_outside_the_body(target):
    p = Patcher(target)
    br = _retarget_branch(p, "Branchy", 0x1000)
    assert_problem(p.report(), "Victim.Target::Branchy", f"IL offset 0x{br.offset:04x}",
                   "branches to IL 0x1000, outside the method body")


def test_call_token_out_of_range(target):
    p = Patcher(target)
    ins = p.instructions("Greet")
    call = next(i for i in ins if i.opcode.name == "call")
    assert call.operand >> 24 == T.MemberRef
    p.put(p.body("Greet").code_offset + call.offset + 1, "<I", 0x0A00FFFF)
    n = p.m.tables[T.MemberRef].num_rows
    assert_problem(p.report(), "Victim.Target::Greet", f"IL offset 0x{call.offset:04x}",
                   f"call token 0x0a00ffff names MemberRef row 65535, but the table has {n} rows")


def test_call_token_of_the_wrong_kind(target):
    p = Patcher(target)
    call = next(i for i in p.instructions("Greet") if i.opcode.name == "call")
    p.put(p.body("Greet").code_offset + call.offset + 1, "<I", 0x02000001)
    assert_problem(p.report(), "Victim.Target::Greet", "call token 0x02000001 is a TypeDef token; expected MethodDef, "
                                                       "MemberRef or MethodSpec")


def test_ldstr_past_the_user_string_heap(target):
    p = Patcher(target)
    ldstr = next(i for i in p.instructions("Greet") if i.opcode.name == "ldstr")
    p.put(p.body("Greet").code_offset + ldstr.offset + 1, "<I", 0x7000FFF0)
    assert_problem(p.report(), "Victim.Target::Greet", "ldstr token 0x7000fff0 is past the end of the #US heap")


def test_ldfld_with_a_method_token(target):
    p = Patcher(target)
    ldfld = next(i for i in p.instructions("Instance") if i.opcode.name == "ldfld")
    p.put(p.body("Instance").code_offset + ldfld.offset + 1, "<I", 0x06000001)
    assert_problem(p.report(), "Victim.Target::Instance", "ldfld token 0x06000001 is a MethodDef token; expected "
                                                          "Field or MemberRef")


def test_eh_clauses_overlapping_without_nesting(target):
    p = Patcher(target)
    body = p.body("Guarded")
    c0, c1 = body.clauses[:2]
    assert c0.handler_end <= c1.try_offset       # two disjoint try/catch blocks, one after the other
    # Start the second try block inside the first handler (on an instruction boundary): the two
    # blocks then overlap without either containing the other.
    start = next(i.offset for i in p.instructions("Guarded") if c0.handler_offset < i.offset < c0.handler_end)
    at, fat = p.eh_clause("Guarded", 1)
    assert not fat
    p.put(at + 2, "<H", start)                   # small clause: TryOffset (2 bytes), TryLength (1 byte)
    p.data[at + 4] = c1.try_end - start
    assert_problem(p.report(), "method Victim.Target::Guarded (0x06", "exception clause 1",
                   f"try block IL 0x{start:04x}-0x{c1.try_end:04x} and the handler IL "
                   f"0x{c0.handler_offset:04x}-0x{c0.handler_end:04x} of clause 0 overlap without one containing "
                   "the other")


def test_eh_nested_clause_listed_after_its_parent():
    """Inner clauses must come first in the EH table; swap a nested pair and it is reported."""
    m_path = assemble_il(SAMPLE_IL)
    data = bytearray(m_path.read_bytes())
    m = Module.from_bytes(bytes(data))
    rid = m.find_methods(m.find_type("", "Edge"), "SharedTry")[0]
    body = m.method_body(rid)
    at = (body.code_offset + len(body.code) + 3) & ~3
    size = 24 if data[at] & 0x40 else 12
    # Clauses 0 and 1 share the inner try block; clause 2 (the filter) encloses them. Move the
    # outer clause to the front.
    c = [bytes(data[at + 4 + i * size:at + 4 + (i + 1) * size]) for i in range(3)]
    data[at + 4:at + 4 + 3 * size] = c[2] + c[0] + c[1]
    report = validate_bytes(bytes(data))
    assert_problem(report, "Edge::SharedTry (0x06", "exception clause 1",
                   "is nested inside clause 0's try block", "inner clauses come first")


def test_eh_handler_overlapping_its_own_try(target):
    p = Patcher(target)
    c0 = p.body("Guarded").clauses[0]
    at, _ = p.eh_clause("Guarded", 0)
    p.put(at + 5, "<H", c0.try_offset)           # the handler is the try block itself
    p.data[at + 7] = c0.try_length
    assert_problem(p.report(), "Victim.Target::Guarded", "exception clause 0", "overlaps its own try block")


def test_eh_clause_past_the_end_of_the_body(target):
    p = Patcher(target)
    at, _ = p.eh_clause("Guarded", 1)
    p.data[at + 7] = 0xFF                        # HandlerLength
    assert_problem(p.report(), "Victim.Target::Guarded (0x06", "exception clause 1",
                   "extends past the end of the body")


def test_eh_clause_off_instruction_boundaries(target):
    p = Patcher(target)
    c0 = p.body("Guarded").clauses[0]
    starts = {i.offset for i in p.instructions("Guarded")}
    off = next(o for o in range(c0.try_offset + 1, c0.try_end) if o not in starts)
    at, _ = p.eh_clause("Guarded", 0)
    p.put(at + 2, "<H", off)
    p.data[at + 4] = c0.try_end - off
    assert_problem(p.report(), "exception clause 0", "does not begin and end on instruction boundaries")


def test_string_index_past_the_heap(target):
    p = Patcher(target)
    rid = p.m.find_type("Victim", "Target")
    p.set_cell(T.TypeDef, rid, "TypeName", 0xFFF0)
    assert_problem(p.report(), f"table TypeDef, row {rid}, column TypeName",
                   "#Strings index 0xfff0 is past the end of the heap")


def test_string_not_utf8(target):
    p = Patcher(target)
    rid = p.m.find_type("Victim", "Target")
    off, _ = p.cell(T.TypeDef, rid, "TypeName")
    index = int.from_bytes(p.data[off:off + 2], "little")
    p.data[p.m.strings.start + index] = 0xC3      # a lead byte followed by 'a': invalid UTF-8
    assert_problem(p.report(), f"table TypeDef, row {rid}, column TypeName", "is not valid UTF-8")


def test_blob_length_past_the_heap(target):
    p = Patcher(target)
    rid = p.method("Greet")
    off, _ = p.cell(T.MethodDef, rid, "Signature")
    index = int.from_bytes(p.data[off:off + 2], "little")
    p.data[p.m.blobs.start + index] = 0x7F       # a 127-byte signature: past the end of the small heap
    report = p.report()
    assert_problem(report, f"table MethodDef, row {rid}, column Signature", f"#Blob entry 0x{index:x}",
                   "runs past the end of the heap")


def test_unsorted_custom_attribute_table(target):
    p = Patcher(target)
    t = p.m.tables[T.CustomAttribute]
    parents = t.column("Parent")
    j = next(j for j in range(len(parents) - 1) if parents[j] < parents[j + 1])
    a = t.offset + j * t.row_size
    b = a + t.row_size
    p.data[a:b], p.data[b:b + t.row_size] = p.data[b:b + t.row_size], p.data[a:b]
    assert_problem(p.report(), f"table CustomAttribute, row {j + 2}", "must be sorted by Parent")


def test_bad_coded_index_tag(target):
    p = Patcher(target)
    off, width = p.cell(T.CustomAttribute, 1, "Type")
    value = int.from_bytes(p.data[off:off + width], "little")
    p.set_cell(T.CustomAttribute, 1, "Type", value & ~0x7)       # tag 0 is unused in CustomAttributeType
    assert_problem(p.report(), "table CustomAttribute, row 1, column Type",
                   "coded index CustomAttributeType", "has invalid tag 0")


def test_coded_index_row_out_of_range(target):
    p = Patcher(target)
    rid = p.m.find_type("Victim", "Target")
    p.set_cell(T.TypeDef, rid, "Extends", (0x3FF << 2) | 1)    # TypeRef row 1023
    assert_problem(p.report(), f"table TypeDef, row {rid}, column Extends",
                   "coded index TypeDefOrRef names TypeRef row 1023")


def test_method_list_decreasing_and_out_of_range(target):
    p = Patcher(target)
    assert p.m.tables[T.TypeDef].num_rows >= 2
    p.set_cell(T.TypeDef, 1, "MethodList", 3)        # <Module>'s run now starts after Target's
    assert_problem(p.report(), "table TypeDef, row 2, column MethodList",
                   "run start 1 is less than the previous row's 3")
    p = Patcher(target)
    n = p.m.tables[T.MethodDef].num_rows
    p.set_cell(T.TypeDef, 2, "MethodList", n + 2)
    assert_problem(p.report(), "table TypeDef, row 2, column MethodList",
                   f"MethodDef run start {n + 2} is out of range (1 to {n + 1})")


def test_two_module_rows_are_reported(target):
    p = Patcher(target)
    ts = p.m.tables
    # The row count of the Module table is the first count after the 24-byte tables header.
    p.put(ts.offset + 24, "<I", 0)
    report = p.report()
    assert not report.ok          # layout shifts make a mess; the Module count must be among the problems
    assert_problem(report, "table Module", "has 0 rows; a module has exactly one")


def test_truncated_file(target, tmp_path):
    path = tmp_path / "truncated.exe"
    path.write_bytes(target[:len(target) // 2])
    report = validate_file(path)
    assert not report.ok
    assert_problem(report, "section", "runs past the end of the file")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["validate", str(path)]) == 1
    assert "runs past the end of the file" in out.getvalue()
    assert "INVALID" in out.getvalue()


def test_body_rva_outside_every_section(target):
    p = Patcher(target)
    rid = p.method("Greet")
    p.set_cell(T.MethodDef, rid, "RVA", 0x7FFFFFF0)
    assert_problem(p.report(), f"method Victim.Target::Greet (0x{0x06000000 | rid:08x})",
                   "the body's RVA 0x7ffffff0 is not inside any section")


def test_body_running_past_its_section(target):
    p = Patcher(target)
    body = p.body("Branchy")
    assert body.fat
    p.put(body.offset + 4, "<I", 0x00FFFFFF)     # CodeSize
    assert_problem(p.report(), "Victim.Target::Branchy", "16777215 bytes of IL run past the end of the section")


def test_undefined_opcode(target):
    p = Patcher(target)
    body = p.body("Greet")
    p.data[body.code_offset] = 0xA6                # not an opcode
    assert_problem(p.report(), "Victim.Target::Greet", "IL offset 0x0000: undefined opcode 0xa6")


def test_local_variable_signature_token(target):
    p = Patcher(target)
    body = p.body("Branchy")
    p.put(body.offset + 8, "<I", 0x11000099)
    assert_problem(p.report(), "Victim.Target::Branchy", "local variable signature token 0x11000099 is out of range")


def test_local_index_out_of_range(target):
    p = Patcher(target)
    ins = p.instructions("Greet")
    p.data[p.body("Greet").code_offset + ins[0].offset] = 0x09       # ldstr -> ldloc.3 (no locals)
    report = p.report()
    assert_problem(report, "Victim.Target::Greet", "ldloc.3 uses local 3, but the method has 0 locals")


def _entry_point_offset(p):
    cli = p.m.pe.rva_to_offset(p.m.pe.directory(14).rva, 72)
    return cli + 20


def test_entry_point_token_of_the_wrong_table(target):
    p = Patcher(target)
    p.put(_entry_point_offset(p), "<I", 0x02000002)
    assert_problem(p.report(), "CLI header entry point", "token 0x02000002 is not a MethodDef or File token")


def test_entry_point_out_of_range(target):
    p = Patcher(target)
    p.put(_entry_point_offset(p), "<I", 0x06000999)
    assert_problem(p.report(), "CLI header entry point", "names MethodDef row 2457")


def test_entry_point_with_bad_signatures(target):
    p = Patcher(target)
    p.put(_entry_point_offset(p), "<I", 0x06000000 | p.method("Greet"))     # static string Greet(string)
    report = p.report()
    assert_problem(report, "entry point Victim.Target::Greet", "returns string; it must return void, int32 or uint32")
    assert_problem(report, "entry point Victim.Target::Greet", "parameter is string; it must be string[]")
    p = Patcher(target)
    p.put(_entry_point_offset(p), "<I", 0x06000000 | p.method("Instance"))
    assert_problem(p.report(), "entry point Victim.Target::Instance", "must be a static method")


def test_entry_point_signature_from_ilasm():
    il = SAMPLE_IL.replace(".method public static void Main() cil managed { .entrypoint  ret }",
                           ".method public static string Main(int32 a, int32 b) cil managed "
                           "{ .entrypoint  ldnull  ret }")
    report = validate_file(assemble_il(il))
    assert_problem(report, "entry point Edge::Main", "returns string")
    assert_problem(report, "entry point Edge::Main", "takes 2 parameters")


def test_il_falling_off_the_end():
    il = SAMPLE_IL.replace("ldarg.0  ret }", "ldarg.0  pop }")
    report = validate_file(assemble_il(il, library=True))
    assert_problem(report, "method Edge::Id", "control falls through the end of the method body after pop")


def test_switch_target_into_an_instruction(target):
    il = assemble_il(SAMPLE_IL).read_bytes()
    m = Module.from_bytes(il)
    rid = m.find_methods(m.find_type("", "Edge"), "SharedTry")[0]
    body = m.method_body(rid)
    sw = next(i for i in decode(body.code) if i.opcode.name == "switch")
    data = bytearray(il)
    at = body.code_offset + sw.offset + 1 + 4      # first target's offset
    old = struct.unpack_from("<i", data, at)[0]
    struct.pack_into("<i", data, at, old + 1)
    report = validate_bytes(bytes(data))
    assert_problem(report, "Edge::SharedTry", "switch target 0 branches to IL", "not the start of an instruction")


def test_filter_after_its_handler():
    m_path = assemble_il(SAMPLE_IL)
    data = bytearray(m_path.read_bytes())
    m = Module.from_bytes(bytes(data))
    rid = m.find_methods(m.find_type("", "Edge"), "SharedTry")[0]
    body = m.method_body(rid)
    i, c = next((i, c) for i, c in enumerate(body.clauses) if c.kind == 1)
    at = (body.code_offset + len(body.code) + 3) & ~3
    fat = data[at] & 0x40
    clause = at + 4 + i * (24 if fat else 12)
    # FilterOffset is the last field: move it onto the handler.
    struct.pack_into("<I", data, clause + (20 if fat else 8), c.handler_offset)
    report = validate_bytes(bytes(data))
    assert_problem(report, "Edge::SharedTry (0x06", f"exception clause {i}",
                   f"the filter at IL 0x{c.handler_offset:04x} does not precede its handler")


def test_sections_overlapping(target):
    p = Patcher(target)
    pe = p.m.pe
    assert len(pe.sections) >= 2
    # Move section 1's virtual address into section 0.
    p.put(pe.section_table_offset + 40 + 12, "<I", pe.sections[0].virtual_address + 0x10)
    report = p.report()
    assert_problem(report, "section 1", "overlaps or precedes section '.text'")


def test_data_directory_outside_sections(target):
    p = Patcher(target)
    opt = p.m.pe.section_table_offset - p.m.pe.coff.size_of_optional_header
    dirs = opt + (112 if p.m.pe.optional.is_pe32_plus else 96)
    p.put(dirs + 8 * 2, "<I", 0x00F00000)          # the resource directory's RVA
    assert_problem(p.report(), "data directory 2 (RESOURCE)", "RVA 0xf00000", "not inside any section")


def test_cli_header_flags_inconsistent(target):
    p = Patcher(target)
    cli = p.m.pe.rva_to_offset(p.m.pe.directory(14).rva, 72)
    p.put(cli + 16, "<I", 0x00020001)               # ILONLY | 32BITPREFERRED without 32BITREQUIRED
    assert_problem(p.report(), "CLI header", "32BITPREFERRED is only valid together with 32BITREQUIRED")


def test_metadata_stream_overlap(target):
    p = Patcher(target)
    root = p.m.root
    # The second stream header's offset field: make #Strings start inside the tables stream.
    vlen = struct.unpack_from("<I", p.data, root.offset + 12)[0]
    first = root.offset + 16 + vlen + 4
    second = first + 8 + ((len(root.streams[0].name) + 4) & ~3)
    tables_rel = root.streams[0].offset - root.offset
    p.put(second, "<I", tables_rel + 8)
    report = p.report()
    assert_problem(report, f"stream '{root.streams[1].name}'", "overlaps stream '#~'")


def test_problem_limit_and_api(target):
    p = Patcher(target)
    # Every TypeDef's name past the heap: more problems than the limit allows.
    for rid in range(1, p.m.tables[T.TypeDef].num_rows + 1):
        p.set_cell(T.TypeDef, rid, "TypeName", 0xFFF0)
        p.set_cell(T.TypeDef, rid, "TypeNamespace", 0xFFF1)
    report = p.report(limit=3)
    assert len(report.problems) == 3 and report.truncated
    assert "stopped after the first 3" in report.summary()
    problems = validate_module(Module.from_bytes(bytes(p.data)))
    assert problems and all(isinstance(x, Problem) for x in problems)
    assert all(x.where and x.message for x in problems)


# -- files that are not managed modules ------------------------------------------------------------
def minimal_native_pe() -> bytes:
    """A PE32 image with one section and all data directories empty: a native program, no CLI header."""
    dos = bytearray(64)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 64)
    coff = struct.pack("<HHIIIHH", 0x14C, 1, 0, 0, 0, 0xE0, 0x0102)
    opt = bytearray(0xE0)
    struct.pack_into("<HBB", opt, 0, 0x10B, 11, 0)
    struct.pack_into("<I", opt, 16, 0x1000)         # AddressOfEntryPoint
    struct.pack_into("<I", opt, 28, 0x400000)       # ImageBase
    struct.pack_into("<II", opt, 32, 0x1000, 0x200)  # SectionAlignment, FileAlignment
    struct.pack_into("<II", opt, 56, 0x2000, 0x200)  # SizeOfImage, SizeOfHeaders
    struct.pack_into("<H", opt, 68, 3)              # Subsystem: console
    struct.pack_into("<I", opt, 92, 16)             # NumberOfRvaAndSizes; every directory stays zero
    section = struct.pack("<8sIIIIIIHHI", b".text", 0x10, 0x1000, 0x200, 0x200, 0, 0, 0, 0, 0x60000020)
    head = bytes(dos) + b"PE\0\0" + coff + bytes(opt) + section
    code = b"\xc3".ljust(0x200, b"\0")              # ret
    return head.ljust(0x200, b"\0") + code


@pytest.mark.parametrize("kind", ["text", "elf", "native-pe"])
def test_not_a_managed_module(kind, tmp_path):
    if kind == "text":
        path = tmp_path / "notes.txt"
        path.write_text("This is plain text, not an assembly.\n" * 20)
        reason = "this is a text file"
    elif kind == "elf":
        path = Path("/bin/ls")
        reason = "this is an ELF binary"
    else:
        path = tmp_path / "native.exe"
        path.write_bytes(minimal_native_pe())
        reason = "the PE file has no CLI header (data directory 14 is empty)"
    report = validate_file(path)
    assert not report.ok and reason in report.not_managed
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["validate", str(path)]) == 1
    assert f"{path}: not a managed module: {reason}" in out.getvalue()


# -- the command line -----------------------------------------------------------------------------------
def test_cli_ok_line(target, tmp_path):
    path = tmp_path / "ok.exe"
    path.write_bytes(target)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["validate", str(path)]) == 0
    line = out.getvalue().strip()
    assert line.startswith(f"{path}: OK (") and "types" in line and "methods" in line and "bytes of IL)" in line
    assert len(line.splitlines()) == 1


def test_cli_reports_every_problem_and_fails(target, tmp_path):
    p = Patcher(target)
    p.set_cell(T.MethodDef, p.method("Greet"), "RVA", 0x7FFFFFF0)
    rid = p.m.find_type("Victim", "Target")
    p.set_cell(T.TypeDef, rid, "TypeName", 0xFFF0)
    path = tmp_path / "bad.exe"
    path.write_bytes(bytes(p.data))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["validate", str(path), str(tmp_path / "also-missing.dll")]) == 1
    text = out.getvalue()
    assert "is not inside any section" in text
    assert f"table TypeDef, row {rid}, column TypeName" in text
    assert f"{path}: INVALID: 2 problems" in text
    assert "also-missing.dll: cannot read the file" in text


def test_cli_subprocess_exit_code_and_no_traceback(target, tmp_path):
    p = Patcher(target)
    call = next(i for i in p.instructions("Greet") if i.opcode.name == "call")
    p.put(p.body("Greet").code_offset + call.offset + 1, "<I", 0x0A00FFFF)
    path = tmp_path / "bad.exe"
    path.write_bytes(bytes(p.data))
    env = dict(os.environ, PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "clrpy", "validate", str(path)], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert "call token 0x0a00ffff names MemberRef row 65535" in r.stdout
    good = tmp_path / "good.exe"
    good.write_bytes(target)
    r = subprocess.run([sys.executable, "-m", "clrpy", "validate", str(good)], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0 and ": OK (" in r.stdout and not r.stderr
