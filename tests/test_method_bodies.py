"""Method bodies (II.25.4): tiny and fat headers, locals, init flag, EH sections small and fat,
and user strings, checked on C# and IL programs whose shape we know."""
import pytest

from clrpy.cil.decoder import decode
from clrpy.errors import BadImageError
from clrpy.metadata import Module
from clrpy.metadata.method_body import ClauseKind, read_method_body
from conftest import compile_cs, assemble_il

SOURCE = r"""
using System;
public class Bodies {
    public static int Tiny(int x) { return x + 1; }
    public static long Fat(long a, long b) { long s = 0; for (long i = a; i < b; i++) s += i * i; return s; }
    public static string Handlers(int n) {
        string r = "";
        try {
            try { if (n > 1) throw new InvalidOperationException("boom"); r += "body;"; }
            catch (InvalidOperationException e) when (e.Message == "boom") { r += "filter;"; }
            catch (Exception) { r += "catch;"; }
            finally { r += "finally;"; }
        } catch { r += "outer;"; }
        return r;
    }
    public static string Strings(string s) { return "h\u00e9llo \u4e16\u754c" + s + "tab\there\ud83d\ude00"; }
}
"""


@pytest.fixture(scope="module")
def bodies():
    with Module.open(compile_cs(SOURCE, "-optimize+", library=True)) as m:
        yield m


def body_of(m, name):
    (rid,) = m.find_methods(m.find_type("", "Bodies"), name)
    return rid, m.method_body(rid)


def test_tiny_header(bodies):
    rid, b = body_of(bodies, "Tiny")
    assert not b.fat and b.max_stack == 8 and b.local_var_sig_token == 0 and b.clauses == ()
    assert [i.opcode.name for i in decode(b.code)] == ["ldarg.0", "ldc.i4.1", "add", "ret"]


def test_fat_header_with_locals(bodies):
    rid, b = body_of(bodies, "Fat")
    assert b.fat and b.init_locals
    assert b.local_var_sig_token >> 24 == 0x11
    assert len(bodies.local_var_sig(rid).locals) >= 2
    assert decode(b.code)[-1].opcode.name == "ret"


def test_exception_clauses(bodies):
    rid, b = body_of(bodies, "Handlers")
    kinds = [c.kind for c in b.clauses]
    # Inner clauses come before the ones that enclose them (II.19).
    assert kinds == [ClauseKind.FILTER, ClauseKind.EXCEPTION, ClauseKind.FINALLY, ClauseKind.EXCEPTION]
    starts = {i.offset for i in decode(b.code)} | {len(b.code)}
    for c in b.clauses:
        for off in (c.try_offset, c.try_end, c.handler_offset, c.handler_end):
            assert off in starts
    filt = b.clauses[0]
    assert filt.try_end <= filt.filter_offset < filt.handler_offset
    typed = b.clauses[1]
    assert bodies.typeref_name(typed.class_token & 0xFFFFFF) == "System.Exception"
    outer = b.clauses[3]
    assert outer.try_offset <= b.clauses[2].try_offset and b.clauses[2].handler_end <= outer.try_end
    assert bodies.typeref_name(outer.class_token & 0xFFFFFF) == "System.Object"


def test_user_strings(bodies):
    rid, b = body_of(bodies, "Strings")
    lits = [bodies.user_string(i.operand) for i in decode(b.code) if i.opcode.name == "ldstr"]
    assert lits == ["h\u00e9llo \u4e16\u754c", "tab\there\U0001F600"]


FAT_EH_IL = r"""
.assembly extern mscorlib {}
.assembly fateh {}
.class public C extends [mscorlib]System.Object {
  .method public static int32 Big() {
    .maxstack 2
    .locals init (int32 v)
    .try {
      %s
      leave DONE
    } fault {
      endfinally
    }
  DONE:
    ldloc.0
    ret
  }
}
"""


def test_fat_eh_section_and_fault():
    # A try block longer than 65535 bytes needs the fat clause format (32-bit offsets and lengths).
    filler = "ldc.i4 1\n stloc.0\n" * 11000
    with Module.open(assemble_il(FAT_EH_IL % filler, library=True)) as m:
        (rid,) = m.find_methods(m.find_type("", "C"), "Big")
        b = m.method_body(rid)
        (clause,) = b.clauses
        assert clause.kind == ClauseKind.FAULT
        assert clause.try_length > 0xFFFF
        assert b.max_stack == 2


def test_body_errors_name_the_problem():
    with pytest.raises(BadImageError, match="invalid method header format"):
        read_method_body(b"\x00\x00", 0, 2, "m")
    with pytest.raises(BadImageError, match="run past the end"):
        read_method_body(bytes([0x02 | (10 << 2), 0, 0]), 0, 3, "m")
    fat = bytes([0x13, 0x30, 8, 0, 100, 0, 0, 0, 0, 0, 0, 0]) + b"\x2a"
    with pytest.raises(BadImageError, match="100 bytes of IL run past"):
        read_method_body(fat, 0, len(fat), "m")
    # MoreSects with a section header that claims more bytes than there are.
    fat = bytes([0x1B, 0x30, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0]) + b"\x2a\0\0\0" + bytes([0x41, 0xFF, 0xFF, 0x00])
    with pytest.raises(BadImageError, match="data section"):
        read_method_body(fat, 0, len(fat), "m")
