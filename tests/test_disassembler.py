"""The disassembler (`clrpy/cil/disassembler.py`, `clrpy/metadata/type_names.py`, `clrpy dis`).

The main test, `test_every_method_matches_monodis`, lists EVERY method body of mscorlib.dll,
System.dll, System.Core.dll and two test programs of ours (C# and IL) and compares it with
monodis's listing of the same assembly. Methods are paired by type full name + method name +
signature (instance or static, generic arity, return type, parameter types; so overloads, even
those differing only in their return type like op_Explicit, pair correctly); every method must
find exactly one partner, and the number of bodies compared must equal the number of method
bodies in the MethodDef table. For each pair the test compares:

* the instruction stream: the same offsets and opcode names, in the same order;
* every operand, by kind: integers (ldc.*, ldarg/ldloc numbers, unaligned.) and floats (by their
  bits) as values; branch targets and switch target lists as labels; strings (ldstr) after
  unescaping; tokens (types, fields, methods, calli signatures) as full strings after the
  normalisations below;
* `.maxstack`, the `init` flag and the type of every local variable;
* the exception-handling blocks: the sequence of `.try` / `catch T` / `finally` / `fault` /
  `filter` / filter-handler openings, each with the offset of its first instruction.

Normalisations, applied to both sides because the two tools spell the same metadata differently
(everything not listed here must match character for character):

1. Quotes: single-quoted identifiers are unquoted (`'.ctor'` -> `.ctor`). monodis quotes some
   names that are plain ilasm identifiers and leaves unquoted some that are not.
2. Whitespace: runs of spaces collapse, and spaces next to `,` `(` `)` `<` disappear. monodis
   writes `Get<string> (!!0, !0)`, `ToObject( typedref )` and `Dictionary`2<string, int32>` in
   some places and `<a,b>` in others; the listing writes `Get<string>(!!0, !0)` and `<a,b>`.
3. `unsigned int8` -> `uint8` (and 16/32/64): both are ilasm spellings of the same type.
4. Generic parameters by name -> by number: `!T` -> `!0`, `!!TResult` -> `!!1`, quoted or not,
   using the generic parameters of the method being compared (its type's and its own). Both tools
   name parameters in some contexts and number them in others.
5. Member owners: a `class` / `valuetype` keyword before a non-generic owner (`class X::M`) is
   dropped, and an owner that is a System primitive type (`[mscorlib]System.Int32::`,
   `System.Object::`) becomes its keyword (`int32::`, `object::`), as monodis writes them. The
   keyword says nothing the owner's definition does not; ilasm accepts both forms.
6. Type operands and catch types that are a primitive System type (`[mscorlib]System.Int32`)
   become the keyword (`int32`), and a leading `class`/`valuetype` before a non-generic catch type
   is dropped: monodis uses the keyword for some TypeRefs.
7. Parameter attributes `[in]` `[out]` `[opt]` and `marshal(...)` clauses are dropped: monodis
   prints them inside member references, the listing prints them only in method headers.
8. Array bounds of an owner, `int32[0...,0...]::Set` -> `int32[,]::Set`: monodis drops zero lower
   bounds when an array type is a member's owner (and only there).
9. Opcode `endfault` -> `endfinally`: one opcode (0xDC), which monodis names by its block.
10. Locals: monodis prints locals as `type<TAB>V_n`, the listing as `[n] type V_n`; only the types
    are compared. A `method` type (function pointer) prints in monodis with an explicit `default`
    calling convention, which is dropped.
11. calli: monodis prints only the token of the call site's signature (`signature-0x11000001`);
    there the test compares that token with the instruction's, instead of the signature text.
12. float32 NaNs: monodis prints every float32 NaN as `(00 00 c0 ff)`, whatever its sign and
    payload (the IL program's `0x7fc00000` too), so for a monodis NaN any NaN matches; the IL
    program's test checks the exact bytes of the listing.

Other tests: `clrpy dis` on a sample program (summary, labels, EH blocks, filters), a corrupt
method body (error line, non-zero exit, no traceback), mutated images (only clrpy's own errors),
streaming (the listing of mscorlib starts before all bodies are read), and the name formatting
functions on their own.
"""
import hashlib
import io
import os
import random
import re
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clrpy.cil import disassembler as dis
from clrpy.cil.opcodes import BY_NAME, OperandKind as K
from clrpy.cli.main import main as clrpy_main
from clrpy.errors import ClrpyError
from clrpy.metadata import Module
from clrpy.metadata import signatures as sig
from clrpy.metadata import type_names as tn
from clrpy.metadata.schema import TableId as T
from conftest import CACHE, assemble_il, compile_cs

CS_SOURCE = r"""
// A test program for the disassembler: generics, nested types, switch, exception handling,
// unsafe code, typed references, varargs, delegates, iterators and odd literals.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace DisTest
{
    public interface IShape { double Area { get; } }

    public enum Color : byte { Red = 1, Green = 2, Blue = 4 }

    [StructLayout(LayoutKind.Explicit, Size = 16)]
    public struct Overlay
    {
        [FieldOffset(0)] public long Whole;
        [FieldOffset(0)] public int Low;
        [FieldOffset(4)] public int High;
    }

    public class Pair<TFirst, TSecond> where TFirst : IComparable<TFirst> where TSecond : class, new()
    {
        public TFirst First;
        public TSecond Second = new TSecond();
        public static int Created;

        public class Node<TExtra>
        {
            public TFirst Key;
            public TExtra Extra;
            public Dictionary<TFirst, List<TExtra>> Map = new Dictionary<TFirst, List<TExtra>>();
            public TResult Convert<TResult>(Func<TExtra, TResult> f) { return f(Extra); }
        }

        public struct Cursor { public int Index; public TSecond Current; }

        public int CompareTo(TFirst other) { Created++; return First.CompareTo(other); }
        public T Choose<T>(bool left, T a, T b) where T : struct { return left ? a : b; }
        public int Choose(bool left) { return left ? 1 : 0; }
        public event EventHandler Changed;
        public TSecond this[int i] { get { return Second; } set { Second = value; Changed?.Invoke(this, EventArgs.Empty); } }
    }

    public sealed class Circle : IShape
    {
        readonly double radius;
        public Circle(double radius) { this.radius = radius; }
        public double Area => Math.PI * radius * radius;
    }

    public static unsafe class Program
    {
        const string Quoted = "quote \" backslash \\ tab \t newline \n nul \0 bell \a e-acute \u00e9 sum \u2211 smile \U0001F600";
        static readonly int[] Primes = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
        static volatile int flag;

        static string Classify(int n)
        {
            switch (n)
            {
                case 0: return "zero";
                case 1: return "one";
                case 2: case 3: return "few";
                case 10: return "ten";
                case 11: return "eleven";
                default: return n < 0 ? "negative" : "many";
            }
        }

        static int ByName(string s)
        {
            switch (s)
            {
                case "alpha": return 1;
                case "beta": return 2;
                case "gamma": return 3;
                case "delta": return 4;
                case "epsilon": return 5;
                case "zeta": return 6;
                case "eta": return 7;
                default: return 0;
            }
        }

        static int Handlers(string arg)
        {
            int result = 0;
            try
            {
                try
                {
                    if (arg == null) throw new ArgumentNullException("arg");
                    result = int.Parse(arg);
                }
                catch (FormatException e) when (e.Message.Length > 3)
                {
                    result = -1;
                }
                catch (OverflowException)
                {
                    result = -2;
                    throw;
                }
                finally
                {
                    result += 100;
                }
            }
            catch (Exception e) when (e is ArgumentNullException)
            {
                result = -3;
            }
            using (var d = new System.IO.MemoryStream())
            {
                d.WriteByte(1);
            }
            lock (Primes) { result++; }
            return result;
        }

        static IEnumerable<int> Squares(int n)
        {
            try
            {
                for (int i = 0; i < n; i++)
                    yield return i * i;
            }
            finally
            {
                flag = n;
            }
        }

        static int Sum(__arglist)
        {
            var it = new ArgIterator(__arglist);
            int total = 0;
            while (it.GetRemainingCount() > 0)
                total += __refvalue(it.GetNextArg(), int);
            return total;
        }

        static Type RefType(int x)
        {
            TypedReference r = __makeref(x);
            __refvalue(r, int) = x + 1;
            return __reftype(r);
        }

        static long Pointers(int n)
        {
            int* buf = stackalloc int[16];
            for (int i = 0; i < 16; i++) buf[i] = i * n;
            var o = new Overlay();
            o.Low = 1; o.High = 2;
            fixed (int* p = Primes)
            {
                return buf[3] + p[2] + sizeof(Overlay) + o.Whole + (long)(IntPtr)p % 1;
            }
        }

        static double Literals(double d, float f)
        {
            double nan = double.NaN, inf = double.PositiveInfinity, ninf = double.NegativeInfinity;
            float fnan = float.NaN, small = 1.401298E-45f, third = 1f / 3f;
            long big = long.MinValue, max = long.MaxValue;
            ulong ubig = ulong.MaxValue;
            decimal money = 12.34m;
            char c = '\u2211';
            sbyte sb = -5;
            return d + f + nan + inf + ninf + fnan + small + third + big + max + ubig + (double)money + c + sb
                   + 0.1 + -0.0 + 1e300 + 5e-324 + 3.14159f;
        }

        static int Generic()
        {
            var p = new Pair<int, List<string>>();
            var node = new Pair<int, List<string>>.Node<char>();
            node.Map[1] = new List<char> { 'a' };
            string s = node.Convert(ch => ch.ToString());
            var cursor = new Pair<int, List<string>>.Cursor();
            int[,] grid = new int[3, 4];
            grid[1, 2] = p.Choose(true, 5, 6) + p.Choose(false);
            int[][] jagged = { new[] { 1 }, new int[0] };
            Func<int, int> sq = x => x * x;
            Action<string> print = Console.WriteLine;
            print(s + cursor.Index + grid[1, 2] + jagged.Length + sq(3));
            Color col = Color.Green | Color.Blue;
            object boxed = col;
            Nullable<int> maybe = null;
            return p.CompareTo(4) + (int)(Color)boxed + (maybe ?? 7) + Pair<int, List<string>>.Created;
        }

        public static int Main(string[] args)
        {
            var shapes = new List<IShape> { new Circle(1.0), new Circle(2.0) };
            double area = 0;
            foreach (var s in shapes) area += s.Area;
            int total = 0;
            foreach (int sq in Squares(4)) total += sq;
            Console.WriteLine(Classify(2) + ByName("eta") + Handlers("12") + Sum(__arglist(1, 2, 3)) + RefType(1)
                              + Pointers(2) + Literals(1.5, 2.5f) + Generic() + Quoted.Length + total + (int)area);
            return checked(args.Length + 0);
        }
    }
}
"""

# What C# cannot express: calli, jmp, tail., unaligned., volatile., readonly., constrained., no.
# (ilasm has no syntax for it: emitted as raw bytes), ldtoken of fields and methods, vararg
# definitions and call sites with arglist, fault blocks, long-form argument/local instructions.
IL_SOURCE = r"""
.assembly extern mscorlib { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 4:0:0:0 }
.assembly ilprog { .ver 1:2:3:4 }
.module ilprog.exe

.class public auto ansi sealed Ns.Data extends [mscorlib]System.ValueType
{
  .field public int32 X
  .field public static int32 Counter
  .field public static literal float64 Half = float64(0.5)
  .field public static literal string Greeting = "hi \"there\""
}

.class public auto ansi beforefieldinit Ns.Box`1<T> extends [mscorlib]System.Object
{
  .field public !T Value
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed
  {
    ldarg.0
    call instance void [mscorlib]System.Object::.ctor()
    ret
  }
  .method public hidebysig instance string Show() cil managed
  {
    ldarg.0
    ldflda !0 class Ns.Box`1<!T>::Value
    constrained. !T
    callvirt instance string [mscorlib]System.Object::ToString()
    ret
  }
  .method public static !!U Id<U>(!!U x) cil managed
  {
    ldarg.0
    ret
  }
  .class nested public auto ansi beforefieldinit Inner<T> extends [mscorlib]System.Object
  {
    .method public static void Touch() cil managed
    {
      ldsfld int32 Ns.Data::Counter
      pop
      ret
    }
  }
}

.class public auto ansi beforefieldinit Ns.Program extends [mscorlib]System.Object
{
  .method public static int32 Add(int32 a, int32 b) cil managed
  {
    ldarg.0
    ldarg.1
    add
    ret
  }
  .method public static int32 AddJmp(int32 a, int32 b) cil managed
  {
    jmp int32 Ns.Program::Add(int32, int32)
  }
  .method public static int32 Tail(int32 a) cil managed
  {
    ldarg.0
    ldc.i4.1
    tail. call int32 Ns.Program::Add(int32, int32)
    ret
  }
  .method public static int32 Indirect(int32 a) cil managed
  {
    ldarg.0
    ldc.i4.2
    ldftn int32 Ns.Program::Add(int32, int32)
    calli int32(int32, int32)
    ret
  }
  .method public static vararg int32 Sum(int32 first) cil managed
  {
    .locals init (valuetype [mscorlib]System.ArgIterator it, int32 total)
    ldloca.s it
    arglist
    call instance void [mscorlib]System.ArgIterator::.ctor(valuetype [mscorlib]System.RuntimeArgumentHandle)
    ldarg.0
    stloc.1
  loop:
    ldloca.s it
    call instance int32 [mscorlib]System.ArgIterator::GetRemainingCount()
    brfalse.s done
    ldloca.s it
    call instance typedref [mscorlib]System.ArgIterator::GetNextArg()
    refanyval [mscorlib]System.Int32
    ldind.i4
    ldloc.1
    add
    stloc.1
    br.s loop
  done:
    ldloc.1
    ret
  }
  .method public static void Prefixes(int32* p, int32[] arr) cil managed
  {
    ldarg.0
    unaligned. 1
    volatile.
    ldind.i4
    pop
    ldarg.0
    ldarg.0
    ldc.i4.4
    unaligned. 2
    cpblk
    ldarg.0
    ldc.i4.0
    ldc.i4.4
    initblk
    ldarg.1
    ldc.i4.0
    readonly.
    ldelema [mscorlib]System.Int32
    pop
    ldsflda int32 Ns.Data::Counter
    volatile.
    ldind.i4
    pop
    ret
  }
  .method public static void Tokens() cil managed
  {
    ldtoken field int32 Ns.Data::X
    pop
    ldtoken method int32 Ns.Program::Add(int32, int32)
    pop
    ldtoken method !!0 class Ns.Box`1<string>::Id<int32>(!!0)
    pop
    ldtoken [mscorlib]System.Int32
    pop
    ldtoken class Ns.Box`1<int32[]>
    pop
    ldtoken field !0 class Ns.Box`1<int64>::Value
    pop
    ldtoken Ns.Box`1/Inner
    pop
    ret
  }
  .method public static float64 Numbers() cil managed
  {
    ldc.i8 0x7fffffffffffffff
    pop
    ldc.i8 -2
    pop
    ldc.i4 -2147483648
    pop
    ldc.i4.s -128
    pop
    ldc.r4 1.5
    pop
    ldc.r4 float32(0x7fc00000)
    pop
    ldc.r8 float64(0xfff0000000000000)
    pop
    ldc.r8 -0.0
    pop
    ldc.r8 0.1
    ret
  }
  .method public static int32 Handlers(int32 x) cil managed
  {
    .maxstack 3
    .locals init (int32 r)
    .try
    {
      .try
      {
        ldarg.0
        switch (A, B, C)
        br.s C
      A: ldstr "tab\tnewline\nquote\"back\\slash"
        newobj instance void [mscorlib]System.Exception::.ctor(string)
        throw
      B: leave.s done
      C: leave.s done
      }
      fault
      {
        endfinally
      }
    }
    filter
    {
      isinst [mscorlib]System.ArgumentException
      ldnull
      cgt.un
      endfilter
    }
    {
      pop
      leave.s done
    }
    .try
    {
      .try
      {
        leave.s done
      }
      catch [mscorlib]System.Exception
      {
        pop
        rethrow
      }
    }
    finally
    {
      endfinally
    }
  done:
    ldarg 0
    starg 0
    ldarga 0
    pop
    ldloca 0
    pop
    ldloc 0
    ret
  }
  .method public static void Main() cil managed
  {
    .entrypoint
    .locals init (valuetype Ns.Data d, typedref tr, int32& pinned pin, method int32 *(int32, int32) fp)
    ldc.i4.1
    ldc.i4.2
    ldc.i4.3
    call vararg int32 Ns.Program::Sum(int32, ..., int32, int32)
    call void [mscorlib]System.Console::WriteLine(int32)
    ldloca.s d
    initobj Ns.Data
    ldloca.s d
    mkrefany Ns.Data
    stloc.1
    ldloc.1
    refanytype
    pop
    sizeof Ns.Data
    pop
    ldc.i4.8
    localloc
    pop
    newobj instance void class Ns.Box`1<int32>::.ctor()
    dup
    ldvirtftn instance string [mscorlib]System.Object::ToString()
    pop
    callvirt instance string class Ns.Box`1<int32>::Show()
    call void [mscorlib]System.Console::WriteLine(string)
    ldstr "s"
    call !!0 class Ns.Box`1<int32>::Id<string>(!!0)
    pop
    ldc.i4.1
    newarr Ns.Data
    ldc.i4.0
    ldelem Ns.Data
    box Ns.Data
    unbox.any Ns.Data
    stloc.0
    ldc.i4.5
    call int32 Ns.Program::Handlers(int32)
    call void [mscorlib]System.Console::WriteLine(int32)
    ldc.i4.1
    .emitbyte 0xfe
    .emitbyte 0x19
    .emitbyte 0x05
    pop
    ret
  }
}
"""


@pytest.fixture(scope="session")
def cs_program():
    return compile_cs(CS_SOURCE, "-unsafe", "-nowarn:0067")


@pytest.fixture(scope="session")
def il_program():
    return assemble_il(IL_SOURCE)


# -- monodis's listing, cached by the assembly's content -----------------------------------------------
def monodis_listing(path: Path) -> str:
    """monodis's output for an assembly (monodis needs ~20 s for mscorlib, so it is cached under
    tests/.cache keyed by the assembly's SHA-256)."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:24]
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"monodis-{digest}.il"
    if not cached.exists():
        p = subprocess.run(["monodis", str(path)], capture_output=True)
        assert p.returncode == 0, f"monodis {path} failed: {p.stderr.decode(errors='replace')}"
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_bytes(p.stdout)
        os.replace(tmp, cached)
    return cached.read_bytes().decode("utf-8", errors="surrogateescape")


# -- reading listings (monodis's and ours) ---------------------------------------------------------------
_INSTRUCTION = re.compile(r"^\s*IL_([0-9a-f]{4,}):  (\S+) ?(.*)$")
_EH_MONODIS = [
    (re.compile(r"^\s*\.try \{"), "try"),
    (re.compile(r"^\s*catch (.+?) \{ //"), "catch"),
    (re.compile(r"^\s*finally\s+\{"), "finally"),
    (re.compile(r"^\s*fault\s+\{"), "fault"),
    (re.compile(r"^\s*filter \{"), "filter"),
    (re.compile(r"^\s*\} \{ //"), "handler"),
]
_EH_OURS = [
    (re.compile(r"^\s*\.try \{"), "try"),
    (re.compile(r"^\s*catch (.+?) \{  //"), "catch"),
    (re.compile(r"^\s*finally \{"), "finally"),
    (re.compile(r"^\s*fault \{"), "fault"),
    (re.compile(r"^\s*filter \{"), "filter"),
    (re.compile(r"^\s*\{  // \d+: handler of the filter"), "handler"),
]


@dataclass
class Body:
    max_stack: int = None
    init: bool = False
    locals: list = field(default_factory=list)
    instructions: list = field(default_factory=list)    # (offset, opcode name, operand text)
    eh: list = field(default_factory=list)              # (kind, catch type or '', first offset)


def parse_body(lines, eh_patterns, start=0):
    """Read one method body's lines (from `start` up to its end marker); return (Body, next index)."""
    body = Body()
    pending = []
    i = start
    n = len(lines)
    while i < n:
        line = lines[i]
        i += 1
        m = _INSTRUCTION.match(line)
        if m:
            offset, op, rest = m.groups()
            rest = rest.rstrip()
            if rest.endswith("(") or (op == "ldstr" and rest.startswith("bytearray")):
                # monodis continues switch targets and byte arrays on the following lines.
                parts = [rest]
                while not parts[-1].split("//")[0].rstrip().endswith(")"):
                    parts.append(lines[i].strip())
                    i += 1
                rest = " ".join(p.split("//")[0].strip() for p in parts)
            offset = int(offset, 16)
            for kind, detail in pending:
                body.eh.append((kind, detail, offset))
            pending = []
            body.instructions.append((offset, op, rest))
            continue
        s = line.strip()
        if s.startswith("} // end of method") or s.startswith("}  // end of method"):
            break
        if s.startswith(".maxstack "):
            body.max_stack = int(s.split()[1])
        elif s.startswith(".locals"):
            body.init = s.startswith(".locals init")
            while True:
                entry = lines[i].strip()
                i += 1
                last = entry.endswith(")")
                entry = entry.rstrip(",)").strip()
                entry = re.sub(r"^\[\d+\] ", "", entry)
                entry = re.sub(r"\s+V_\d+$", "", entry)
                body.locals.append(entry)
                if last:
                    break
        else:
            for pattern, kind in eh_patterns:
                em = pattern.match(line)
                if em:
                    pending.append((kind, em.group(1) if em.groups() else ""))
                    break
    return body, i


_CLASS_FLAGS = frozenset("private public nested assembly family famandassem famorassem auto sequential "
                         "explicit ansi unicode autochar abstract sealed beforefieldinit interface "
                         "serializable specialname rtspecialname import windowsruntime".split())


def read_name(s, i=0):
    """A possibly single-quoted identifier at s[i:]: (name, end)."""
    if s.startswith("'", i):
        j, out = i + 1, []
        while j < len(s) and s[j] != "'":
            if s[j] == "\\":
                j += 1
            out.append(s[j])
            j += 1
        return "".join(out), j + 1
    m = re.compile(r"[^\s<(]+").match(s, i)
    return m.group(0), m.end()


def _matching_open(s, close, open_ch, close_ch):
    """Index of the bracket that opens the group closing at s[close]."""
    depth = 0
    for i in range(close, -1, -1):
        if s[i] == close_ch:
            depth += 1
        elif s[i] == open_ch:
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unbalanced {open_ch}{close_ch} in {s!r}")


def _remove_groups(s, pattern):
    """Remove `keyword ( ... )` groups (balanced parentheses) matched by `pattern`."""
    while True:
        m = pattern.search(s)
        if not m:
            return s
        depth, j = 0, m.end() - 1
        while True:
            depth += {"(": 1, ")": -1}.get(s[j], 0)
            if depth == 0:
                break
            j += 1
        s = s[:m.start()] + s[j + 1:]


def split_top_level(s):
    parts, depth, quoted, start = [], 0, False, 0
    i = 0
    while i < len(s):
        c = s[i]
        if quoted:
            if c == "\\":
                i += 1
            elif c == "'":
                quoted = False
        elif c == "'":
            quoted = True
        elif c in "<([":
            depth += 1
        elif c in ">)]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(s[start:i])
            start = i + 1
        i += 1
    parts.append(s[start:])
    return [p.strip() for p in parts if p.strip()]


_PINVOKE = re.compile(r"pinvokeimpl\s*\(")
_MARSHAL = re.compile(r"(?<![\w.'])marshal\s*\(")


def _strip_trailing_name(text):
    """Drop the last (possibly quoted) identifier of `text` and return the rest."""
    text = text.rstrip()
    if text.endswith("'"):
        j = len(text) - 2
        while not (text[j] == "'" and text[j - 1] != "\\"):
            j -= 1
        return text[:j].rstrip(), read_name(text, j)[0]
    rest, _, name = text.rpartition(" ")
    return rest, name


_CALL_KIND = re.compile(r"\s(default|vararg|unmanaged \w+)\s")


def monodis_method_signature(header):
    """(name, is instance, generic arity, return type, [parameter types]) from a monodis `.method`
    header such as `.method public hidebysig instance default !!U Get<class U> (!!U u, !T t) cil managed`."""
    h = _remove_groups(_remove_groups(header, _PINVOKE), _MARSHAL)
    close = h.rstrip().rfind(")")
    open_ = _matching_open(h, close, "(", ")")
    params = h[open_ + 1:close]
    before = h[:open_].rstrip()
    arity = 0
    if before.endswith(">"):        # the method's generic parameters
        start = _matching_open(before, len(before) - 1, "<", ">")
        arity = len(split_top_level(before[start + 1:-1]))
        before = before[:start].rstrip()
    rest, name = _strip_trailing_name(before)
    kind = _CALL_KIND.search(rest)
    ret = rest[kind.end():]
    is_instance = " instance " in rest[:kind.end()]
    return name, is_instance, arity, ret, [_strip_trailing_name(p)[0] for p in split_top_level(params)]


def parse_monodis(text):
    """monodis's listing -> [(type full name, signature (see above), Body)]."""
    lines = text.split("\n")
    methods = []
    namespace, classes = "", []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        s = line.strip()
        i += 1
        if s.startswith(".namespace "):
            namespace = read_name(s[len(".namespace "):])[0]
        elif line == "}":
            namespace = ""
        elif s.startswith(".class ") and not s.startswith(".class extern "):
            words = s.split()[1:]
            k = 0
            while words[k] in _CLASS_FLAGS:
                k += 1
            classes.append(read_name(" ".join(words[k:]))[0])
        elif s.startswith("} // end of class"):
            classes.pop()
        elif s.startswith(".method "):
            header = [s]
            while lines[i].strip() != "{":
                header.append(lines[i].strip())
                i += 1
            i += 1
            full = "/".join(classes)
            if namespace:
                full = f"{namespace}.{full}"
            signature = monodis_method_signature(" ".join(header))
            body, i = parse_body(lines, _EH_MONODIS, i)
            methods.append((full, signature, body))
    return methods


# -- normalisation (see the module docstring) -----------------------------------------------------------
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")
_NAME = r"(?:'(?:[^'\\]|\\.)*'|[^\s<>,()'])+"
_OWNER_KEYWORD = re.compile(r"(?:class |valuetype )(" + _NAME + ")::")
_SYSTEM_NAMES = "|".join(re.escape(k.split(".", 1)[1]) for k in tn.SYSTEM_TYPE_KEYWORDS)
_SYSTEM_OWNER = re.compile(r"(?<![\w.\]/])(?:\[mscorlib\])?(System\.(?:" + _SYSTEM_NAMES + r"))::")
_SYSTEM_TYPE = re.compile(r"(?:\[mscorlib\])?(System\.(?:" + _SYSTEM_NAMES + r"))")
_ZERO_BOUNDS = re.compile(r"\[0\.\.\.((?:,0\.\.\.)*)\]::")
_PARAM_ATTRIBUTES = re.compile(r"\[(?:in|out|opt)\] ?")


class Normaliser:
    """The normalisations of the module docstring, for one generic context, with a cache."""

    _by_context = {}

    def __init__(self, ctx):
        subs = {}
        for prefix, names in (("!!", ctx.method_params), ("!", ctx.type_params)):
            for i, name in enumerate(names):
                quoted = "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"
                subs.setdefault(prefix + name, f"{prefix}{i}")
                subs.setdefault(prefix + quoted, f"{prefix}{i}")
        self.subs = subs
        alternatives = "|".join(re.escape(k) for k in sorted(subs, key=len, reverse=True))
        self.params = re.compile(f"(?<!!)({alternatives})(?![\\w`])") if subs else None
        self.cache = {}

    @classmethod
    def of(cls, ctx):
        n = cls._by_context.get(ctx)
        if n is None:
            n = cls._by_context[ctx] = cls(ctx)
        return n

    def __call__(self, text):
        out = self.cache.get(text)
        if out is None:
            out = self.cache[text] = self._normalise(text)
        return out

    def _normalise(self, text):
        text = _OWNER_KEYWORD.sub(r"\1::", text)                                 # 5
        text = re.sub(r"  +", " ", text)                                         # 2
        if self.params is not None:
            text = self.params.sub(lambda m: self.subs[m.group(1)], text)        # 4
        text = _QUOTED.sub(lambda m: re.sub(r"\\(.)", r"\1", m.group(1)), text)  # 1
        text = text.replace("unsigned int", "uint")                              # 3
        text = _PARAM_ATTRIBUTES.sub("", text)                                   # 7
        text = _remove_groups(text, _MARSHAL)
        text = re.sub(r"\s*,\s*", ",", text)                                     # 2
        text = re.sub(r"\s+([()<])", r"\1", text)
        text = re.sub(r"([(<])\s+", r"\1", text)
        text = re.sub(r"\s+\)", ")", text)
        text = _SYSTEM_OWNER.sub(lambda m: tn.SYSTEM_TYPE_KEYWORDS[m.group(1)] + "::", text)  # 5
        text = _ZERO_BOUNDS.sub(lambda m: "[" + "," * m.group(1).count(",") + "]::", text)     # 8
        text = text.replace("method default ", "method ")                       # 10
        return text.strip()

    def type_operand(self, text):
        """A type token (operand or catch type): normalisation 6 on top of the others."""
        text = self(text)
        if "<" not in text:
            text = re.sub(r"^(?:class|valuetype) ", "", text)
        m = _SYSTEM_TYPE.fullmatch(text)
        return tn.SYSTEM_TYPE_KEYWORDS[m.group(1)] if m else text


def _int(text, bits):
    v = int(text, 0) & ((1 << bits) - 1)
    return v - (1 << bits) if v >> (bits - 1) else v


def _float_bits(text, single):
    text = text.strip()
    if text.startswith("("):
        return bytes(int(h, 16) for h in text[1:-1].split())
    return struct.pack("<f" if single else "<d", float(text))


def _monodis_string(text):
    if text.startswith("bytearray"):
        raw = bytes(int(h, 16) for h in text[text.index("(") + 1:text.rindex(")")].split())
        if len(raw) % 2:
            raw = raw[:-1]          # the #US heap's trailing flag byte
        return raw.decode("utf-16-le", errors="surrogatepass")
    assert text[0] == '"' and text[-1] == '"', text
    escapes = {"n": "\n", "t": "\t", "r": "\r"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), text[1:-1])


def _no_flags(text):
    """`no.`: monodis prints the flag byte, the listing its names."""
    if text.startswith("0x") or text.isdigit():
        return int(text, 0)
    names = {v: k for k, v in dis.NO_FLAGS.items()}
    return sum(names.get(w, 0) or int(w, 16) for w in text.split())


def operand_value(opname, text, norm, ours):
    """The comparable value of an operand (see the module docstring for what is normalised)."""
    kind = BY_NAME[opname].operand
    if kind is K.NONE:
        return text.strip()
    if opname == "no.":
        return _no_flags(text)
    if kind in (K.I8, K.I32):
        return _int(text, 32)
    if kind is K.I64:
        return _int(text, 64)
    if kind in (K.VAR8, K.VAR16):
        return int(text)
    if kind is K.R4:
        return _float_bits(text, True)
    if kind is K.R8:
        return _float_bits(text, False)
    if kind in (K.BRANCH8, K.BRANCH32):
        return text.strip()
    if kind is K.SWITCH:
        return [t.strip() for t in text.strip()[1:-1].split(",") if t.strip()]
    if kind is K.STRING:
        return tn.unquote_string(text) if ours else _monodis_string(text)
    if kind is K.TYPE:
        return norm.type_operand(text)
    return norm(text)


# -- the comparison ---------------------------------------------------------------------------------------
def method_key(norm, name, is_instance, arity, ret, params):
    return name, is_instance, arity, norm(ret), tuple(norm(p) for p in params)


def our_method_keys(module):
    """{type full name: {(name, instance, arity, return type, parameter types): MethodDef rid}},
    the types normalised as monodis's will be."""
    keys = {}
    names = tn.names(module)
    for rid in range(1, module.tables[T.MethodDef].num_rows + 1):
        ctx = tn.method_context(module, rid)
        s = module.method_sig(rid)
        key = method_key(Normaliser.of(ctx), module.tables[T.MethodDef][rid].name, s.has_this,
                         s.generic_param_count, names.type(s.ret, ctx), [names.type(p, ctx) for p in s.params])
        of_type = keys.setdefault(module.typedef_name(module.owner_of_method(rid)), {})
        assert key not in of_type, f"two methods with the same signature: {key}"
        of_type[key] = rid
    return keys


def pair_methods(module, monodis_methods):
    """Pair each monodis method with a MethodDef by type + name + signature (instance or static,
    generic arity, return and parameter types). Their generic parameters are named in monodis's
    headers, so each candidate of the right type is tried with its own generic context."""
    ours = our_method_keys(module)
    pairs, unmatched = [], []
    for full, signature, body in monodis_methods:
        found = None
        for key, rid in ours.get(full, {}).items():
            if key[:3] == signature[:3] and len(key[4]) == len(signature[4]):
                if method_key(Normaliser.of(tn.method_context(module, rid)), *signature) == key:
                    found = rid
                    break
        if found is None:
            unmatched.append((full, signature))
        else:
            pairs.append((found, body))
    return pairs, unmatched


def _is_nan32(bits):
    return isinstance(bits, bytes) and len(bits) == 4 and struct.unpack("<f", bits)[0] != struct.unpack("<f", bits)[0]


def raw_operand(module, rid, offset):
    instructions, _ = dis.decode_partial(module.method_body(rid).code)
    return next(int(i.operand) for i in instructions if i.offset == offset)


def compare_method(module, rid, theirs: Body, operands):
    """Differences between our listing of one method and monodis's (a list of strings)."""
    ctx = tn.method_context(module, rid)
    norm = Normaliser.of(ctx)
    out = io.StringIO()
    ok = dis.format_method_body(module, rid, out, "    ", ctx, operands)
    lines = out.getvalue().split("\n")
    mine, _ = parse_body(lines, _EH_OURS)
    where = tn.method_display_name(module, rid)
    problems = []
    if not ok:
        problems.append(f"{where}: the listing reports an error:\n{out.getvalue()}")
    if mine.max_stack != theirs.max_stack:
        problems.append(f"{where}: .maxstack {mine.max_stack} != {theirs.max_stack}")
    if mine.locals or theirs.locals:
        if mine.init != theirs.init or [norm(t) for t in mine.locals] != [norm(t) for t in theirs.locals]:
            problems.append(f"{where}: locals {mine.init} {mine.locals} != {theirs.init} {theirs.locals}")
    if len(mine.instructions) != len(theirs.instructions):
        problems.append(f"{where}: {len(mine.instructions)} instructions != {len(theirs.instructions)}")
        return problems
    for (o1, n1, x1), (o2, n2, x2) in zip(mine.instructions, theirs.instructions):
        n2 = "endfinally" if n2 == "endfault" else n2                           # 9
        if o1 != o2 or n1 != n2:
            problems.append(f"{where}: IL_{o1:04x} {n1} != IL_{o2:04x} {n2}")
            return problems
        a, b = operand_value(n1, x1, norm, True), operand_value(n2, x2, norm, False)
        if n1 == "calli" and x2.startswith("signature-0x"):
            # 11: monodis names a calli site only by its StandAloneSig token; compare tokens.
            a, b = raw_operand(module, rid, o1), int(x2.split("-", 1)[1], 16)
        elif n1 == "ldc.r4" and b != b"" and _is_nan32(b):
            a, b = _is_nan32(a), True                                            # 12
        if a != b:
            problems.append(f"{where}: IL_{o1:04x} {n1}: {x1!r} -> {a!r} != {x2!r} -> {b!r}")
    my_eh = [(k, norm.type_operand(d) if d else "", o) for k, d, o in mine.eh]
    their_eh = [(k, norm.type_operand(d) if d else "", o) for k, d, o in theirs.eh]
    if my_eh != their_eh:
        problems.append(f"{where}: EH blocks {my_eh} != {their_eh}")
    return problems


ASSEMBLIES = ["mscorlib.dll", "System.dll", "System.Core.dll", "cs-program", "il-program"]


@pytest.mark.parametrize("which", ASSEMBLIES)
def test_every_method_matches_monodis(which, mono_lib, request):
    if which == "cs-program":
        path = request.getfixturevalue("cs_program")
    elif which == "il-program":
        path = request.getfixturevalue("il_program")
    else:
        path = mono_lib / which
    theirs = parse_monodis(monodis_listing(path))
    with Module.open(path) as module:
        methods = module.tables[T.MethodDef]
        bodies = [rid for rid in range(1, methods.num_rows + 1) if methods.raw(rid)[0]]
        assert len(theirs) == methods.num_rows, "monodis lists every method, with or without a body"
        pairs, unmatched = pair_methods(module, theirs)
        assert not unmatched, f"{len(unmatched)} monodis methods found no partner: {unmatched[:5]}"
        assert len(pairs) == methods.num_rows and len({rid for rid, _ in pairs}) == methods.num_rows
        operands = dis.OperandFormatter(module)
        problems = []
        compared = 0
        for rid, body in pairs:
            if not methods.raw(rid)[0]:
                assert not body.instructions
                continue
            compared += 1
            problems.extend(compare_method(module, rid, body, operands))
        assert compared == len(bodies) > 0
        assert not problems, f"{len(problems)} differences, the first ones:\n" + "\n".join(problems[:20])


# -- the command line ----------------------------------------------------------------------------------------
def run_clrpy(capsys, *argv):
    code = clrpy_main(["dis", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_dis_summary_and_labels(capsys, cs_program):
    code, out, err = run_clrpy(capsys, cs_program)
    assert code == 0 and err == ""
    assert ".assembly extern mscorlib\n{\n  .ver 4:0:0:0\n  .publickeytoken = (B7 7A 5C 56 19 34 E0 89)\n}" in out
    assert re.search(r"^\.assembly prog\n\{\n  \.hash algorithm 0x00008004\n  \.ver 0:0:0:0\n\}$", out, re.M)
    assert re.search(r"^\.module \S+\.exe  // MVID \{[0-9A-F-]{36}\}$", out, re.M)
    assert "// entry point: int32 DisTest.Program::Main(string[])" in out
    # Types: flags, base type, interfaces, generic parameters with constraints, fields, layout.
    assert ".class public auto ansi beforefieldinit DisTest.Pair`2<(class [mscorlib]System.IComparable`1<!TFirst>) " \
           "TFirst, class .ctor TSecond>\n       extends [mscorlib]System.Object\n{" in out
    assert ".class public auto ansi sealed beforefieldinit DisTest.Circle\n       extends [mscorlib]System.Object\n" \
           "       implements DisTest.IShape\n{" in out
    constraints = "(class [mscorlib]System.IComparable`1<!TFirst>) TFirst, class .ctor TSecond"
    assert f".class nested public auto ansi beforefieldinit DisTest.Pair`2/Node`1<{constraints}, TExtra>" in out
    assert f".class nested public sequential ansi sealed beforefieldinit DisTest.Pair`2/Cursor<{constraints}>" in out
    assert ".class public explicit ansi sealed beforefieldinit DisTest.Overlay" in out and "  .size 16\n" in out
    assert ".class public interface auto ansi abstract DisTest.IShape\n{" in out
    assert "  .field [4] public int32 High\n" in out
    assert "  .field public static literal valuetype DisTest.Color Blue = uint8(4)\n" in out
    assert "  .field private static literal string Quoted = \"quote \\\" backslash \\\\ tab \\t newline \\n" in out
    assert "  .field private static initonly int32[] Primes\n" in out
    assert "  .property instance !TSecond Item(int32)\n  {\n    .get instance !1 DisTest.Pair`2::get_Item(int32)\n" \
           "    .set instance void DisTest.Pair`2::set_Item(int32, !1)\n  }" in out
    assert "  .event [mscorlib]System.EventHandler Changed\n  {\n    .addon instance void DisTest.Pair`2::add_Changed(" in out
    # Methods: header, .entrypoint, maxstack, locals, labels, switch, branches, EH blocks.
    assert "  .method public static hidebysig int32 Main(string[] args) cil managed\n  {\n    .entrypoint\n" in out
    assert "  .method public hidebysig instance !!T Choose<valuetype .ctor ([mscorlib]System.ValueType) T>" \
           "(bool left, !!T a, !!T b) cil managed\n" in out
    assert "  .method private static hidebysig vararg int32 Sum(...) cil managed\n" in out
    classify = out[out.index("int32 Classify") if "int32 Classify" in out else out.index("string Classify"):]
    classify = classify[:classify.index("end of method")]
    assert re.search(r"IL_[0-9a-f]{4}:  switch \((IL_[0-9a-f]{4}, ){3}IL_[0-9a-f]{4}\)\n", classify)
    assert re.search(r"IL_[0-9a-f]{4}:  (br|bgt|bge|blt|ble|beq|bne\.un|brtrue|brfalse)(\.s)? IL_[0-9a-f]{4}\n", classify)
    assert re.search(r'IL_[0-9a-f]{4}:  ldstr "zero"\n', classify)
    handlers = out[out.index("int32 Handlers(string arg)"):]
    handlers = handlers[:handlers.index("end of method")]
    assert "      .try {  // " in handlers and "filter {  // 0" in handlers
    assert "catch [mscorlib]System.OverflowException {  // 1" in handlers
    assert re.search(r"\n\s+finally \{  // \d+\n", handlers)
    assert "{  // 0: handler of the filter" in handlers
    assert ".locals init (\n        [0] int32 V_0,\n        [1] class [mscorlib]System.FormatException V_1," in handlers


def test_dis_il_program_operands(capsys, il_program):
    code, out, err = run_clrpy(capsys, il_program, "--type", "Ns.Program")
    assert code == 0, err
    for expected in [
        "jmp int32 Ns.Program::Add(int32, int32)",
        "tail.\n", "call int32 Ns.Program::Add(int32, int32)",
        "calli int32(int32, int32)",
        "unaligned. 1\n", "volatile.\n", "readonly.\n", "no. typecheck nullcheck\n",
        "ldtoken field int32 Ns.Data::X\n",
        "ldtoken method int32 Ns.Program::Add(int32, int32)\n",
        "ldtoken method !!0 class Ns.Box`1<string>::Id<int32>(!!0)\n",
        "ldtoken field !0 class Ns.Box`1<int64>::Value\n",
        "ldtoken Ns.Box`1/Inner\n",
        "call vararg int32 Ns.Program::Sum(int32, ..., int32, int32)\n",
        "arglist\n", "refanyval int32\n", "mkrefany Ns.Data\n",
        "ldc.i8 9223372036854775807\n", "ldc.i4.s -128\n", "ldc.r4 (00 00 c0 7f)\n",
        "ldc.r8 (00 00 00 00 00 00 f0 ff)\n", "ldc.r8 0.1\n",
        "ldarg 0\n", "starg 0\n", "ldloca 0\n",
        "[3] method int32 *(int32, int32) V_3)",
        "fault {  // 0\n", "ldstr \"tab\\tnewline\\nquote\\\"back\\\\slash\"\n",
        ".method public static vararg int32 Sum(int32 first, ...) cil managed",
    ]:
        assert expected in out, expected
    assert ".class public auto ansi beforefieldinit Ns.Program" in out
    assert "Ns.Data" not in out.split("{", 1)[0] and ".class public auto ansi sealed Ns.Data" not in out
    with Module.open(il_program) as m:
        (indirect,) = m.find_methods(m.find_type("Ns", "Program"), "Indirect")
        listed, error = dis.method_instructions(m, indirect)
        assert error is None and listed == [
            (0, "ldarg.0", ""), (1, "ldc.i4.2", ""), (2, "ldftn", "int32 Ns.Program::Add(int32, int32)"),
            (8, "calli", "int32(int32, int32)"), (13, "ret", "")]
        box = m.find_type("Ns", "Box`1")
        assert m.generic_params((T.TypeDef << 24) | box)[0].name == "T"
        (show,) = m.find_methods(box, "Show")
        listed, _ = dis.method_instructions(m, show)
        assert listed[1] == (1, "ldflda", "!0 class Ns.Box`1<!T>::Value") and listed[2] == (6, "constrained.", "!T")
        listed, _ = dis.method_instructions(m, show, tn.NO_CONTEXT)
        assert listed[1] == (1, "ldflda", "!0 class Ns.Box`1<!0>::Value")


def test_dis_filters(capsys, cs_program):
    code, out, _ = run_clrpy(capsys, cs_program, "--type", "DisTest.Pair`2/Node`1")
    assert code == 0
    assert out.count(".class ") == 1 and ".class nested public auto ansi beforefieldinit DisTest.Pair`2/Node`1<" in out
    assert "Convert<TResult>" in out and ".assembly" not in out
    code2, out2, _ = run_clrpy(capsys, cs_program, "--type", "DisTest.Pair`2+Node`1")
    assert code2 == 0 and out2 == out

    code, out, _ = run_clrpy(capsys, cs_program, "--method", "Choose")
    assert code == 0
    assert out.count(".method ") == 2 and out.count(".class ") == 1       # both overloads
    assert ".field" not in out

    code, out, _ = run_clrpy(capsys, cs_program, "--method", "DisTest.Circle::.ctor")
    assert code == 0 and out.count(".method ") == 1 and "DisTest.Circle" in out

    code, out, err = run_clrpy(capsys, cs_program, "--method", "Area", "--type", "DisTest.Circle")
    assert code == 1 and out == "" and "no method 'Area'" in err   # a property; its getter is get_Area
    code, out, _ = run_clrpy(capsys, cs_program, "--method", "get_Area", "--type", "DisTest.Circle")
    assert code == 0 and out.count(".method ") == 1


def test_dis_filters_that_match_nothing(capsys, cs_program):
    code, out, err = run_clrpy(capsys, cs_program, "--type", "No.Such.Type")
    assert code == 1 and "clrpy: error: no type 'No.Such.Type'" in err and "Traceback" not in err
    code, out, err = run_clrpy(capsys, cs_program, "--method", "NoSuchMethod")
    assert code == 1 and "no method 'NoSuchMethod'" in err


def test_dis_bad_files(capsys, tmp_path):
    missing = tmp_path / "missing.exe"
    code, out, err = run_clrpy(capsys, missing)
    assert code != 0 and "Traceback" not in err
    text = tmp_path / "text.exe"
    text.write_text("hello")
    code, out, err = run_clrpy(capsys, text)
    assert code == 1 and "not a managed module" in err


def _corrupt(path, tmp_path, rid_name, patch):
    """A copy of `path` with `patch(data, body_file_offset, body)` applied to one method's body."""
    data = bytearray(Path(path).read_bytes())
    with Module.open(path) as m:
        program = m.find_type("Ns", "Program")
        (rid,) = m.find_methods(program, rid_name)
        body = m.method_body(rid)
        patch(data, body, m)
    out = tmp_path / f"corrupt-{rid_name}.exe"
    out.write_bytes(bytes(data))
    return out


def test_corrupt_body_gives_error_line_and_exit_code(capsys, tmp_path, il_program):
    def undefined_opcode(data, body, m):
        # Numbers: ldc.i8 (9 bytes), pop, ldc.i8, pop, ldc.i4 ...; make the third instruction undefined.
        data[body.code_offset + 10] = 0xA6
    path = _corrupt(il_program, tmp_path, "Numbers", undefined_opcode)
    code, out, err = run_clrpy(capsys, path)
    assert code == 1
    assert "Traceback" not in out + err
    numbers = out[out.index("float64 Numbers()"):]
    numbers = numbers[:numbers.index("end of method")]
    assert "IL_0000:  ldc.i8 9223372036854775807\n" in numbers and "IL_0009:  pop\n" in numbers
    assert "// ERROR: IL offset 0x000a: undefined opcode 0xa6" in numbers
    assert "IL_000a" not in numbers.replace("0x000a", "")
    assert "1 method could not be disassembled" in err
    # The listing goes on after the broken method.
    assert "end of method Ns.Program::Main" in out


def test_corrupt_tokens_and_clauses(capsys, tmp_path, il_program):
    def bad_token(data, body, m):
        # Tokens: the first ldtoken's field token -> a row that does not exist.
        struct.pack_into("<I", data, body.code_offset + 1, 0x0400FFFF)
    path = _corrupt(il_program, tmp_path, "Tokens", bad_token)
    code, out, err = run_clrpy(capsys, path, "--method", "Tokens")
    assert code == 1 and "Traceback" not in err
    assert "IL_0000:  ldtoken 0x0400ffff  // ERROR:" in out
    assert "IL_0006:  ldtoken method int32 Ns.Program::Add(int32, int32)" in out   # the rest is listed

    def truncated(data, body, m):
        # Add: a fat or tiny body of 4 bytes; claim a tiny body of 3 bytes so `ret` is cut off
        # and `add` runs into the next method's header... make the last opcode a 2-byte prefix.
        data[body.code_offset + 3] = 0xFE
    path = _corrupt(il_program, tmp_path, "Add", truncated)
    code, out, err = run_clrpy(capsys, path, "--method", "Ns.Program::Add")
    assert code == 1 and "// ERROR: IL offset 0x0003: truncated two-byte opcode" in out
    assert "IL_0002:  add\n" in out


def test_eh_layout_falls_back_to_label_form():
    from clrpy.metadata.method_body import ClauseKind, ExceptionClause
    overlapping = (ExceptionClause(ClauseKind.FINALLY, 0, 4, 4, 2), ExceptionClause(ClauseKind.FINALLY, 2, 4, 6, 2))
    assert dis.eh_layout(overlapping, ["", ""], {0, 2, 4, 6}, 8) is None
    nested = (ExceptionClause(ClauseKind.EXCEPTION, 0, 2, 2, 2, 0x01000001),
              ExceptionClause(ClauseKind.FINALLY, 0, 4, 4, 2))
    events = dis.eh_layout(nested, ["[mscorlib]System.Exception", ""], {0, 2, 4, 6}, 6)
    assert events[0] == [("open", ".try {  // 1"), ("open", ".try {  // 0")]
    assert events[2] == [("close", "}  // end .try 0"), ("open", "catch [mscorlib]System.Exception {  // 0")]
    assert events[4] == [("close", "}  // end handler 0"), ("close", "}  // end .try 1"), ("open", "finally {  // 1")]
    assert events[6] == [("close", "}  // end handler 1")]
    assert dis.eh_label_form(nested[0], "[mscorlib]System.Exception") == \
        ".try IL_0000 to IL_0002 catch [mscorlib]System.Exception handler IL_0002 to IL_0004"


def test_mutated_images_raise_only_clrpy_errors(il_program, cs_program):
    """A small fuzz: flip bytes of the metadata and bodies; the disassembler may report errors
    (ClrpyError) but never fails with another exception."""
    rng = random.Random(1234)
    for path in (il_program, cs_program):
        original = Path(path).read_bytes()
        with Module.open(path) as m:
            # Mutate mostly the method bodies and the metadata (which follows them in .text).
            start = min(m.method_body(r).offset for r in range(1, m.tables[T.MethodDef].num_rows + 1)
                        if m.tables[T.MethodDef].raw(r)[0])
        for _ in range(60):
            data = bytearray(original)
            for _ in range(rng.randint(1, 8)):
                pos = rng.randrange(start if rng.random() < 0.8 else 0, len(data))
                data[pos] = rng.randrange(256)
            try:
                module = Module.from_bytes(bytes(data), "mutated.exe")
                dis.disassemble(module, io.StringIO())
            except ClrpyError:
                pass


def test_listing_streams(mscorlib_path):
    """The first lines of mscorlib's listing come out before the rest of the module is read."""
    class Stop(Exception):
        pass

    class Head(io.StringIO):
        def write(self, text):
            super().write(text)
            if self.getvalue().count("\n") > 200:
                raise Stop

    with Module.open(mscorlib_path) as m:
        reads = []
        read_body = m.method_body
        m.method_body = lambda rid: reads.append(rid) or read_body(rid)
        with pytest.raises(Stop):
            dis.disassemble(m, Head())
        assert 0 < len(reads) < 100


def test_dis_through_the_console_script(cs_program):
    """`python -m clrpy dis FILE | head`: output starts at once and a closed pipe is not an error."""
    p = subprocess.run(f"{sys.executable} -m clrpy dis {cs_program} | head -3", shell=True, capture_output=True,
                       text=True)
    assert p.stdout.startswith("// clrpy disassembly of ") and len(p.stdout.splitlines()) == 3
    assert "Traceback" not in p.stderr


# -- names on their own ----------------------------------------------------------------------------------------
def test_format_type_forms(cs_program):
    with Module.open(cs_program) as m:
        system = m.tables[T.AssemblyRef][1].name
        assert system == "mscorlib"
        list_ref = next(r for r in range(1, m.tables[T.TypeRef].num_rows + 1)
                        if m.typeref_name(r) == "System.Collections.Generic.List`1")
        from clrpy.metadata.tokens import Token
        list_tok = sig.NamedType(Token.make(T.TypeRef, list_ref), False)
        E = sig.ElementType
        i4 = sig.PrimitiveType(E.I4)
        cases = [
            (i4, "int32"),
            (sig.SzArrayType(sig.PrimitiveType(E.STRING)), "string[]"),
            (sig.GenericParamType(0, True), "!!0"),
            (sig.GenericParamType(1, False), "!1"),
            (sig.GenericInstType(list_tok, (sig.GenericParamType(0, False),)),
             "class [mscorlib]System.Collections.Generic.List`1<!0>"),
            (sig.PointerType(sig.PrimitiveType(E.U1)), "uint8*"),
            (sig.ByRefType(sig.PrimitiveType(E.I)), "native int&"),
            (sig.ArrayType(i4, 2, (), ()), "int32[,]"),
            (sig.ArrayType(i4, 3, (4,), (0, -1)), "int32[0...3,-1...,]"),
            (sig.PinnedType(sig.PrimitiveType(E.OBJECT)), "object pinned"),
            (sig.ModifiedType(i4, Token.make(T.TypeRef, list_ref), True),
             "int32 modreq([mscorlib]System.Collections.Generic.List`1)"),
            (sig.FnPtrType(sig.MethodSig(0x20, i4, (i4, i4))), "method instance int32 *(int32, int32)"),
        ]
        for t, text in cases:
            assert tn.format_type(m, t) == text
        ctx = tn.GenericContext(("T", "U"), ("M",))
        assert tn.format_type(m, sig.GenericParamType(1, False), ctx) == "!U"
        assert tn.format_type(m, sig.GenericParamType(0, True), ctx) == "!!M"
        assert tn.format_type(m, sig.GenericParamType(5, True), ctx) == "!!5"
        circle = m.find_type("DisTest", "Circle")
        assert tn.typedef_full_name(m, m.find_type_by_name("DisTest.Pair`2/Node`1")) == "DisTest.Pair`2/Node`1"
        assert tn.format_type_token(m, (T.TypeDef << 24) | circle) == "DisTest.Circle"
        ctor = m.find_methods(circle, ".ctor")[0]
        assert tn.format_method_ref(m, (T.MethodDef << 24) | ctor) == "instance void DisTest.Circle::.ctor(float64)"
        radius = m.find_fields(circle, "radius")[0]
        assert tn.format_field_ref(m, (T.Field << 24) | radius) == "float64 DisTest.Circle::radius"
        assert tn.method_display_name(m, ctor, with_signature=False) == "DisTest.Circle::.ctor"
        with pytest.raises(ClrpyError):
            tn.format_token(m, 0x0A00FFFF)
        with pytest.raises(ClrpyError):
            tn.format_method_ref(m, (T.Field << 24) | radius)


def test_quoting_and_literals():
    assert tn.quote_id("Main") == "Main" and tn.quote_id("value") == "'value'"
    assert tn.quote_id("<>c") == "'<>c'" and tn.quote_id("it's") == "'it\\'s'"
    assert tn.quote_dotted("System.Collections.IList.Add") == "System.Collections.IList.Add"
    assert tn.quote_dotted(".ctor") == ".ctor" and tn.quote_dotted("") == "''"
    assert tn.quote_dotted("Ns.<Module>") == "'Ns.<Module>'"
    for s in ["plain", "tab\tquote\"back\\", "nul\0 \u00e9 \U0001F600", "\ud800 lone", ""]:
        assert tn.unquote_string(tn.quote_string(s)) == s
    assert tn.quote_string("a\"b\n") == '"a\\"b\\n"'
    assert tn.format_float(0.1, False) == "0.1" and tn.format_float(1.0, False) == "1.0"
    assert tn.format_float(-0.0, False) == "-0.0" and tn.format_float(1e300, False) == "1e+300"
    assert tn.format_float(float("nan"), False) == "(00 00 00 00 00 00 f8 7f)"
    third = struct.unpack("<f", struct.pack("<f", 1 / 3))[0]
    assert tn.format_float(third, True) == "0.33333334"
    assert struct.pack("<f", float(tn.format_float(1.401298e-45, True))) == struct.pack("<f", 1.401298e-45)
    assert dis.format_constant(sig.ElementType.I4, struct.pack("<i", -7)) == "int32(-7)"
    assert dis.format_constant(sig.ElementType.CLASS, b"\0\0\0\0") == "nullref"
    assert dis.format_constant(sig.ElementType.STRING, "hi".encode("utf-16-le")) == '"hi"'
    assert dis.format_constant(sig.ElementType.BOOLEAN, b"\1") == "bool(true)"
    with pytest.raises(ClrpyError):
        dis.format_constant(sig.ElementType.I8, b"\0")
