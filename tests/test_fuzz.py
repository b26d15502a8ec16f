"""Loader fuzz test: mutated images never crash, hang or leak a Python exception.

Real images (two small C# programs compiled with mcs, an IL program assembled with ilasm and a
Facade from Mono's class libraries) are mutated with a seeded random generator: byte flips
anywhere and aimed at the structures the loader parses (DOS/COFF/optional headers, data
directories, section table, CLI header, metadata root and stream headers, the tables header with
its heap-size flags and row counts, table rows, heaps, method headers, IL and EH sections),
truncations, and inflated counts and sizes (row counts, stream and section sizes, blob length
prefixes, switch counts, EH section sizes and clause counts, code sizes).

Each mutated image goes through Module.from_bytes, the validator (in memory), and the `dis`
command (in-process, output to a null sink; until the disassembler exists that command says
"not implemented" and returns 1). Only ClrpyError subclasses may escape the loader; the
validator must return a report, never raise; `main` must return 0 or 1. Every case must finish
within CASE_TIME_LIMIT seconds of CPU time (garbage-collector pauses aside); a watchdog (SIGALRM,
WATCHDOG_SECONDS of wall-clock time) turns a hang into a failure naming the seed.

Everything is deterministic: case `seed` of base image `b` always makes the same bytes, so a
failure message ("base X seed N: mutation ...") reproduces with `mutate(BASES[X], N)`.
"""
import contextlib
import gc
import os
import random
import signal
import struct
import threading
import time
import traceback

import pytest

from conftest import assemble_il, compile_cs
from clrpy.cil.decoder import decode
from clrpy.cli.main import main
from clrpy.errors import ClrpyError
from clrpy.metadata.module import Module
from clrpy.metadata.schema import TableId
from clrpy.validation import Report, check_module, validate_bytes

CASE_TIME_LIMIT = 2.0       # CPU seconds per case, not counting garbage-collector pauses (see GcClock)
WATCHDOG_SECONDS = 10.0     # wall-clock backstop that turns a hang into a failure naming the case
CHUNKS = 12                 # test functions (pytest-xdist spreads them over workers)
CASES_PER_CHUNK = 880       # 12 * 880 = 10,560 cases
CLI_VALIDATE_EVERY = 8      # every 8th case also runs `clrpy validate FILE` (the mmap path)

PROGRAM_APP = r"""
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Fuzz
{
    public enum Colour { Red = 1, Green = 2, Blue = 4 }

    [StructLayout(LayoutKind.Explicit, Size = 16)]
    public struct Overlay { [FieldOffset(0)] public int Low; [FieldOffset(0)] public long Wide; }

    public interface IAnimal { string Sound { get; } }
    public class Dog : IAnimal { public string Sound { get { return "woof"; } } }

    public class Counter
    {
        public event EventHandler Ticked;
        int count;
        public int Count { get { return count; } }
        public void Tick() { count++; var h = Ticked; if (h != null) h(this, EventArgs.Empty); }
    }

    public static class Program
    {
        static readonly int[] Table = { 3, 1, 4, 1, 5, 9, 2, 6 };

        [DllImport("libc", EntryPoint = "getpid")]
        static extern int GetPid();

        static string Name(int n)
        {
            switch (n)
            {
                case 0: return "zero";
                case 1: return "one";
                case 2: return "two";
                case 3: return "three";
                default: return "many";
            }
        }

        static T Largest<T>(List<T> items) where T : IComparable<T>
        {
            T best = items[0];
            foreach (var x in items) if (x.CompareTo(best) > 0) best = x;
            return best;
        }

        static int Guarded(string s)
        {
            int r = 0;
            try
            {
                try { r = int.Parse(s); }
                catch (FormatException e) when (e.Message.Length > 3) { r = -1; }
                catch (OverflowException) { r = -2; }
                finally { r += 100; }
            }
            catch (Exception) { r = -3; }
            return r;
        }

        public static int Main(string[] args)
        {
            var c = new Counter();
            c.Ticked += (o, e) => Console.WriteLine("tick");
            c.Tick();
            Func<int, int> sq = x => x * x;
            var list = new List<int>(Table);
            Console.WriteLine(Name(args.Length) + " " + Largest(list) + " " + sq(7) + " " + Guarded("12"));
            Console.WriteLine(new Dog().Sound + " " + (Colour.Red | Colour.Blue) + " \u00e9t\u00e9");
            return c.Count;
        }
    }
}
"""

PROGRAM_LIB = r"""
using System;
using System.Collections.Generic;

namespace Fuzz.Lib
{
    [AttributeUsage(AttributeTargets.All)]
    public sealed class NoteAttribute : Attribute
    {
        public NoteAttribute(string text) { Text = text; }
        public string Text { get; set; }
        public int Level;
    }

    [Note("pair", Level = 2)]
    public struct Pair<A, B> where A : struct where B : class
    {
        public A First; public B Second;
        public Pair(A a, B b) { First = a; Second = b; }
        public override string ToString() { return First + "/" + Second; }
    }

    public abstract class Shape { public abstract double Area(); public virtual string Kind() { return "shape"; } }
    public sealed class Square : Shape
    {
        readonly double side;
        public Square(double s) { side = s; }
        public override double Area() { return side * side; }
        public static Square operator +(Square a, Square b) { return new Square(a.side + b.side); }
        public class Nested { public const string Tag = "nested"; public static int Depth = 3; }
    }

    public static class Util
    {
        public static int Sum(params int[] xs) { int s = 0; foreach (var x in xs) s += x; return s; }
        public static int Count(__arglist) { return new ArgIterator(__arglist).GetRemainingCount(); }
        public static IEnumerable<int> Evens(int n) { for (int i = 0; i < n; i += 2) yield return i; }
        public static Dictionary<string, List<T>> Group<T>(IEnumerable<T> xs, Func<T, string> key)
        {
            var d = new Dictionary<string, List<T>>();
            foreach (var x in xs)
            {
                List<T> l;
                if (!d.TryGetValue(key(x), out l)) d[key(x)] = l = new List<T>();
                l.Add(x);
            }
            return d;
        }
        public static int UseVarargs() { return Count(__arglist(1, "two", 3.0)); }
        public static object Boxes(int i, long l) { object o = i; object p = l; return o.Equals(p) ? (object)'c' : 2.5f; }
    }
}
"""

PROGRAM_IL = r"""
.assembly extern mscorlib { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 4:0:0:0 }
.assembly FuzzIL { .ver 1:0:0:0 }
.module FuzzIL.exe

.class public auto ansi beforefieldinit Handlers extends [mscorlib]System.Object
{
    .field static int32 hits

    .method public static int32 Filtered(int32 n) cil managed
    {
        .maxstack 3
        .locals init (int32 r)
        .try {
            ldarg.0
            ldc.i4.0
            bne.un.s SKIP
            newobj instance void [mscorlib]System.InvalidOperationException::.ctor()
            throw
          SKIP:
            ldc.i4.1
            stloc.0
            leave.s DONE
        }
        filter {
            isinst [mscorlib]System.InvalidOperationException
            ldnull
            cgt.un
            endfilter
        }
        {
            pop
            ldc.i4.2
            stloc.0
            leave.s DONE
        }
      DONE:
        .try {
            ldsfld int32 Handlers::hits
            ldc.i4.1
            add
            stsfld int32 Handlers::hits
            leave.s OUT
        }
        fault {
            endfinally
        }
      OUT:
        ldloc.0
        ret
    }

    .method public static int32 Twice(int32 x) cil managed
    {
        ldarg.0
        ldc.i4.2
        mul
        ret
    }

    .method public static int32 Indirect(int32 x) cil managed
    {
        .maxstack 2
        ldarg.0
        ldftn int32 Handlers::Twice(int32)
        calli int32(int32)
        ret
    }

    .method public static void Main(string[] args) cil managed
    {
        .entrypoint
        .maxstack 2
        ldc.i4.0
        call int32 Handlers::Filtered(int32)
        call int32 Handlers::Indirect(int32)
        call void [mscorlib]System.Console::WriteLine(int32)
        ldstr "done"
        call void [mscorlib]System.Console::WriteLine(string)
        ret
    }
}
"""

BASE_NAMES = ("app", "lib", "il", "facade")


class FuzzHang(BaseException):
    """Raised by the watchdog: a BaseException so no `except Exception` in the code under test eats it."""


# -- a map of the structures in a base image ---------------------------------------------------------
class ImageMap:
    """Where the structures of an image are: byte regions to flip and numeric fields to inflate."""

    def __init__(self, name, data: bytes):
        self.name = name
        self.data = data
        self.regions = {}           # name -> [(start, end)]
        self.fields = []            # (offset, width, name): counts, sizes, offsets, flags
        self.blob_prefixes = []     # file offsets of #Blob / #US length prefixes
        self.switch_counts = []     # file offsets of switch operand counts
        self.eh_sections = []       # file offsets of EH section headers
        self.stream_names = []      # (file offset, bytes allotted) of stream names
        self.boundaries = set()     # interesting truncation points
        m = Module.from_bytes(data)
        self._headers(m)
        self._metadata(m)
        self._bodies(m)
        self.boundaries = sorted(b for b in self.boundaries if 0 < b < len(data))

    def region(self, name, start, end):
        if end > start:
            self.regions.setdefault(name, []).append((start, end))
            self.boundaries.update((start, end))

    def field(self, offset, width, name):
        self.fields.append((offset, width, name))

    def _headers(self, m):
        pe = m.pe
        data = self.data
        self.region("DOS header", 0, 64)
        lfanew = struct.unpack_from("<I", data, 0x3C)[0]
        coff = lfanew + 4
        self.region("COFF header", coff, coff + 20)
        self.field(coff + 2, 2, "NumberOfSections")
        self.field(coff + 16, 2, "SizeOfOptionalHeader")
        opt = coff + 20
        plus = pe.optional.is_pe32_plus
        fixed = 112 if plus else 96
        self.region("optional header", opt, opt + fixed)
        self.field(opt + 32, 4, "SectionAlignment")
        self.field(opt + 36, 4, "FileAlignment")
        self.field(opt + 56, 4, "SizeOfImage")
        self.field(opt + 60, 4, "SizeOfHeaders")
        self.field(opt + fixed - 4, 4, "NumberOfRvaAndSizes")
        dirs = opt + fixed
        self.region("data directories", dirs, dirs + 8 * 16)
        for i, d in enumerate(pe.directories):
            if d.rva or d.size:
                self.field(dirs + 8 * i, 4, f"directory {i} RVA")
                self.field(dirs + 8 * i + 4, 4, f"directory {i} size")
        sec = pe.section_table_offset
        self.region("section table", sec, sec + 40 * len(pe.sections))
        for i, s in enumerate(pe.sections):
            at = sec + 40 * i
            for off, what in ((8, "VirtualSize"), (12, "VirtualAddress"), (16, "SizeOfRawData"),
                              (20, "PointerToRawData")):
                self.field(at + off, 4, f"section {i} {what}")
            self.boundaries.update((s.pointer_to_raw_data, s.pointer_to_raw_data + s.size_of_raw_data))
        cli = pe.rva_to_offset(pe.directories[14].rva, 72)
        self.region("CLI header", cli, cli + 72)
        for off, what in ((0, "cb"), (8, "metadata RVA"), (12, "metadata size"), (16, "flags"),
                          (20, "entry point"), (24, "resources RVA"), (28, "resources size")):
            self.field(cli + off, 4, f"CLI header {what}")

    def _metadata(self, m):
        data = self.data
        root = m.root.offset
        vlen = struct.unpack_from("<I", data, root + 12)[0]
        pos = root + 16 + vlen
        self.field(root + 12, 4, "metadata version length")
        self.field(pos + 2, 2, "stream count")
        pos += 4
        self.region("metadata root", root, pos)
        start = pos
        for s in m.root.streams:
            self.field(pos, 4, f"stream {s.name} offset")
            self.field(pos + 4, 4, f"stream {s.name} size")
            pos += 8 + ((len(s.name) + 4) & ~3)
        self.region("stream headers", start, pos)
        pos = start
        for s in m.root.streams:
            slot = (len(s.name) + 4) & ~3
            self.stream_names.append((pos + 8, slot))
            pos += 8 + slot
        ts = m.tables
        self.region("tables header", ts.offset, ts.offset + 24)
        self.field(ts.offset + 6, 1, "heap sizes")
        self.field(ts.offset + 8, 4, "valid mask (low)")
        self.field(ts.offset + 12, 4, "valid mask (high)")
        self.field(ts.offset + 16, 4, "sorted mask (low)")
        at = ts.offset + 24
        for tid in sorted(ts.row_counts):
            self.field(at, 4, f"row count of {TableId(tid).name}")
            at += 4
        self.region("row counts", ts.offset + 24, at)
        for t in ts.present():
            self.region(f"table {t.name}", t.offset, t.offset + t.num_rows * t.row_size)
        for heap in (m.strings, m.user_strings, m.blobs, m.guids):
            self.region(f"{heap.name} heap", heap.start, heap.end)
        for heap in (m.blobs, m.user_strings):
            pos = heap.start + 1
            while pos < heap.end:
                self.blob_prefixes.append(pos)
                b = data[pos]
                n, hdr = (b, 1) if b < 0x80 else (((b & 0x3F) << 8) | data[pos + 1], 2) if b < 0xC0 else \
                    (int.from_bytes(data[pos:pos + 4], "big") & 0x1FFFFFFF, 4)
                pos += hdr + n

    def _bodies(self, m):
        data = self.data
        methods = m.tables[TableId.MethodDef]
        seen = set()
        for rid in range(1, methods.num_rows + 1):
            rva = methods.raw(rid)[0]
            if not rva or rva in seen:
                continue
            seen.add(rva)
            body = m.method_body(rid)
            self.region("method headers", body.offset, body.code_offset)
            self.region("IL", body.code_offset, body.code_offset + len(body.code))
            if body.fat:
                self.field(body.offset, 1, "method header flags")
                self.field(body.offset + 4, 4, "code size")
                self.field(body.offset + 8, 4, "local signature token")
            for ins in decode(body.code):
                if ins.opcode.name == "switch":
                    self.switch_counts.append(body.code_offset + ins.offset + 1)
            if body.clauses:
                at = (body.code_offset + len(body.code) + 3) & ~3
                self.eh_sections.append(at)
                fat = data[at] & 0x40
                size = int.from_bytes(data[at + 1:at + 4], "little") if fat else data[at + 1]
                self.region("EH sections", at, at + size)


STREAM_NAMES = ("#~", "#-", "#US", "#Pdb", "#Blob", "#GUID", "#Strings", "#JTD", "#Schema", "#")
INTERESTING_U32 = (0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0xFFFFFF,
                   0x1000000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF)


def _interesting(rng, old, width):
    top = (1 << (8 * width)) - 1
    choice = rng.randrange(6)
    if choice == 0:
        v = rng.choice(INTERESTING_U32)
    elif choice == 1:
        v = old + rng.choice((1, -1, 2, -2, 4, 16, 0x100, 0x1000))
    elif choice == 2:
        v = old * rng.choice((2, 16, 256, 0x10000))
    elif choice == 3:
        v = old ^ (1 << rng.randrange(8 * width))
    elif choice == 4:
        v = top - rng.randrange(4)
    else:
        v = rng.getrandbits(8 * width)
    return v & top


def mutate(base: ImageMap, seed: int):
    """The mutated bytes of case `seed` of a base image, and a description of the mutation."""
    rng = random.Random(f"{base.name}:{seed}")
    data = bytearray(base.data)
    steps = []
    for _ in range(1 if rng.random() < 0.75 else rng.randint(2, 3)):
        data, what = _one_mutation(rng, base, data)
        steps.append(what)
    return bytes(data), "; ".join(steps)


def _one_mutation(rng, base, data):
    kind = rng.choices(("flip", "aimed flip", "truncate", "inflate", "blob length", "switch count",
                        "EH section", "zero run", "stream name"),
                       weights=(12, 30, 8, 25, 7, 4, 8, 6, 3))[0]
    n = len(data)
    if kind == "stream name":
        off, slot = rng.choice(base.stream_names)
        names = [x for x in STREAM_NAMES if len(x) < slot]
        name = rng.choice(names)
        if off + slot > n:
            return data, "no-op"
        data[off:off + slot] = name.encode().ljust(slot, b"\0")
        return data, f"stream name at 0x{off:x} := {name}"
    if kind == "truncate":
        if rng.random() < 0.6 and base.boundaries:
            cut = rng.choice(base.boundaries) + rng.randint(-3, 3)
        else:
            cut = rng.randrange(n)
        cut = max(0, min(cut, n - 1))
        return data[:cut], f"truncate to {cut} bytes"
    if kind == "inflate":
        off, width, name = rng.choice(base.fields)
        if off + width > n:
            return data, "no-op"
        old = int.from_bytes(data[off:off + width], "little")
        v = _interesting(rng, old, width)
        data[off:off + width] = v.to_bytes(width, "little")
        return data, f"set {name} at 0x{off:x} from 0x{old:x} to 0x{v:x}"
    if kind == "blob length" and base.blob_prefixes:
        off = rng.choice(base.blob_prefixes)
        if off + 4 > n:
            return data, "no-op"
        enc = rng.choice((b"\x7f", b"\xbf\xff", b"\xdf\xff\xff\xff", b"\xc0\x00\x01\x00", b"\xff",
                          bytes([rng.randrange(256)])))
        data[off:off + len(enc)] = enc
        return data, f"blob length prefix at 0x{off:x} := {enc.hex()}"
    if kind == "switch count" and base.switch_counts:
        off = rng.choice(base.switch_counts)
        if off + 4 > n:
            return data, "no-op"
        v = rng.choice((0, 1, 0x100, 0xFFFF, 0x3FFFFFFF, 0x7FFFFFFF, 0xFFFFFFFF, rng.getrandbits(32)))
        data[off:off + 4] = v.to_bytes(4, "little")
        return data, f"switch count at 0x{off:x} := 0x{v:x}"
    if kind == "EH section" and base.eh_sections:
        off = rng.choice(base.eh_sections)
        if off + 4 > n:
            return data, "no-op"
        what = rng.randrange(4)
        if what == 0:                       # section size byte(s): more (or fewer) clauses
            data[off + 1] = rng.choice((0, 1, 4, 0xFF, rng.randrange(256)))
            return data, f"EH section size byte at 0x{off + 1:x} := 0x{data[off + 1]:02x}"
        if what == 1:                       # toggle the fat/more-sections bits of the kind byte
            data[off] ^= rng.choice((0x40, 0x80, 0xC0, 0x02))
            return data, f"EH section kind at 0x{off:x} := 0x{data[off]:02x}"
        if what == 2:                       # fat section size to a huge value
            data[off] |= 0x40
            data[off + 1:off + 4] = rng.choice((b"\xff\xff\xff", b"\x1c\x00\x01", b"\x04\x00\x00"))
            return data, f"fat EH section size at 0x{off:x} inflated"
        at = off + 4 + rng.randrange(24)    # a clause field
        if at < n:
            data[at] ^= 1 << rng.randrange(8)
        return data, f"EH clause byte at 0x{at:x} flipped"
    if kind == "zero run":
        name = rng.choice(sorted(base.regions))
        start, end = rng.choice(base.regions[name])
        a = rng.randrange(start, end)
        b = min(end, a + rng.randint(1, 16))
        data[a:b] = bytes(b - a)
        return data, f"zero {name} 0x{a:x}-0x{b:x}"
    if kind == "aimed flip":
        name = rng.choice(sorted(base.regions))
        start, end = rng.choice(base.regions[name])
        flips = []
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(start, end)
            if at < n:
                data[at] ^= rng.choice((1 << rng.randrange(8), 0xFF, rng.randrange(1, 256)))
                flips.append(f"0x{at:x}")
        return data, f"flip {name} at {','.join(flips)}"
    flips = []
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(n)
        data[at] ^= rng.randrange(1, 256)
        flips.append(f"0x{at:x}")
    return data, f"flip at {','.join(flips)}"


# -- running cases -------------------------------------------------------------------------------------
class GcClock:
    """CPU time spent in garbage collections (a gc.callbacks hook).

    A collection that happens to run during a case costs time in proportion to everything the
    process holds, not to the case; the per-case limit is about the work done on the case's
    bytes, so collector pauses are subtracted from it (the wall-clock watchdog still counts them).
    """

    def __init__(self):
        self.total = 0.0
        self._start = None

    def __call__(self, phase, info):
        if phase == "start":
            self._start = time.process_time()
        elif self._start is not None:
            self.total += time.process_time() - self._start
            self._start = None

    def __enter__(self):
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self)


@contextlib.contextmanager
def watchdog(seconds, label):
    """Turn a case that runs longer than `seconds` into a FuzzHang naming it (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def fire(signum, frame):
        raise FuzzHang(f"{label}: still running after {seconds} s")
    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_case(data: bytes, path, sink, cli_validate: bool):
    """Open, validate and disassemble one image. Returns the outcome's name; raises on a bug."""
    try:
        module = Module.from_bytes(data)
    except ClrpyError:
        module = None
    if module is None:
        report = validate_bytes(data, "fuzz")
        assert report.problems, "an image the loader refuses must not validate"
    else:
        report = check_module(module, path="fuzz")
    assert isinstance(report, Report)
    with open(path, "wb") as f:
        f.write(data)
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        rc = main(["dis", str(path)])
        assert rc in (0, 1), f"clrpy dis returned {rc}"
        if cli_validate:
            rc = main(["validate", str(path)])
            assert rc == (0 if report.ok else 1), f"clrpy validate returned {rc}; report ok={report.ok}"
    if module is None:
        return "refused by the loader"
    return "valid" if report.ok else "invalid"


@pytest.fixture(scope="module")
def bases(mono_lib):
    images = {
        "app": compile_cs(PROGRAM_APP, "-optimize+"),
        "lib": compile_cs(PROGRAM_LIB, library=True),
        "il": assemble_il(PROGRAM_IL),
        "facade": mono_lib / "Facades" / "System.Threading.dll",
    }
    return {name: ImageMap(name, p.read_bytes()) for name, p in images.items()}


def test_bases_are_valid(bases):
    """The unmutated images validate, so every problem the fuzzer finds comes from a mutation."""
    for base in bases.values():
        report = validate_bytes(base.data, base.name)
        assert report.ok, [str(p) for p in report.problems]
        assert base.fields and base.regions


def test_mutation_is_deterministic(bases):
    base = bases["app"]
    assert mutate(base, 1234) == mutate(base, 1234)
    assert mutate(base, 1234)[0] != mutate(base, 1235)[0]


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_fuzz(bases, chunk, tmp_path):
    names = BASE_NAMES
    path = tmp_path / "case.exe"
    failures = []
    outcomes = {}
    slowest = (0.0, None)
    with open(os.devnull, "w") as sink, GcClock() as gc_clock:
        for i in range(CASES_PER_CHUNK):
            seed = chunk * CASES_PER_CHUNK + i
            base = bases[names[seed % len(names)]]
            data, what = mutate(base, seed)
            label = f"base {base.name} seed {seed} ({what})"
            start, gc_start = time.process_time(), gc_clock.total
            try:
                with watchdog(WATCHDOG_SECONDS, label):
                    outcome = run_case(data, path, sink, seed % CLI_VALIDATE_EVERY == 0)
            except (Exception, FuzzHang) as e:
                failures.append(f"{label}: {type(e).__name__}: {e}\n{traceback.format_exc(limit=-4)}")
                if len(failures) >= 5:
                    break
                continue
            elapsed = time.process_time() - start - (gc_clock.total - gc_start)
            slowest = max(slowest, (elapsed, label))
            if elapsed > CASE_TIME_LIMIT:
                failures.append(f"{label}: took {elapsed:.2f} s of CPU time (limit {CASE_TIME_LIMIT} s)")
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert not failures, "\n\n".join(failures)
    # The mutations must reach past the loader's front door, or the fuzzer tests nothing deep.
    assert outcomes.get("invalid", 0) + outcomes.get("valid", 0) > CASES_PER_CHUNK // 4, outcomes
    assert slowest[0] < CASE_TIME_LIMIT, slowest


def test_watchdog_turns_a_hang_into_a_failure():
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("SIGALRM needs the main thread")
    with pytest.raises(FuzzHang, match="seed 7"):
        with watchdog(0.2, "base app seed 7"):
            while True:
                pass
