"""Signature decoding (II.23.2) checked against C# declarations whose encoding we know, plus every
signature of the big class-library assemblies decoding without error."""
import pytest

from clrpy.errors import BadImageError
from clrpy.metadata import Module
from clrpy.metadata.schema import TableId as T
from clrpy.metadata.signatures import (ArrayType, ByRefType, ElementType as E, FieldSig, FnPtrType,
                                       GenericInstType, GenericParamType, LocalVarSig, MethodSig,
                                       ModifiedType, NamedType, PinnedType, PointerType, PrimitiveType,
                                       PropertySig, SigReader, SzArrayType, decode_method_sig,
                                       decode_type_spec, strip_modifiers)
from conftest import compile_cs, assemble_il

SOURCE = r"""
using System;
using System.Collections.Generic;
public class Box<T> { public T Value; public static Box<T> Make(T v) { return null; } }
public unsafe class Sigs {
    public static volatile int Flag;
    public int[,] Grid;
    public List<string>[] Lists;
    public Dictionary<int, Box<double>> Map;
    public static void Primitives(bool a, char b, sbyte c, byte d, short e, ushort f, int g, uint h,
                                  long i, ulong j, float k, double l, IntPtr m, UIntPtr n, string o, object p) {}
    public static int* Pointers(ref int a, out long b, void* c, int** d) { b = 0; return null; }
    public static TOut Convert<TIn, TOut>(TIn x, Func<TIn, TOut> f) { return f(x); }
    public static T[] Echo<T>(params T[] xs) { return xs; }
    public int this[int i, string s] { get { return 0; } }
    public static void Locals() {
        string s = "x";
        fixed (char* p = s) { int n = p[0]; }
        var list = new List<int>();
        Box<int>.Make(1);
    }
    public static int Vararg(__arglist) { return 0; }
    public static void CallVararg() { Vararg(__arglist(1, "two")); }
}
"""


@pytest.fixture(scope="module")
def sigs():
    with Module.open(compile_cs(SOURCE, "-unsafe", library=True)) as m:
        yield m


def method(m, type_name, name):
    rid = m.find_type_by_name(type_name)
    (mrid,) = m.find_methods(rid, name)
    return mrid


def P(et):
    return PrimitiveType(et)


def test_primitive_parameters(sigs):
    s = sigs.method_sig(method(sigs, "Sigs", "Primitives"))
    assert s.ret == P(E.VOID) and not s.has_this
    assert [p.element_type for p in s.params] == [E.BOOLEAN, E.CHAR, E.I1, E.U1, E.I2, E.U2, E.I4, E.U4, E.I8,
                                                  E.U8, E.R4, E.R8, E.I, E.U, E.STRING, E.OBJECT]


def test_pointers_and_byrefs(sigs):
    s = sigs.method_sig(method(sigs, "Sigs", "Pointers"))
    assert s.ret == PointerType(P(E.I4))
    assert s.params == (ByRefType(P(E.I4)), ByRefType(P(E.I8)), PointerType(P(E.VOID)),
                        PointerType(PointerType(P(E.I4))))


def test_generic_method_signature(sigs):
    s = sigs.method_sig(method(sigs, "Sigs", "Convert"))
    assert s.is_generic and s.generic_param_count == 2
    assert s.ret == GenericParamType(1, True)
    x, f = s.params
    assert x == GenericParamType(0, True)
    assert isinstance(f, GenericInstType) and not f.generic.is_value_type
    assert sigs.typeref_name(f.generic.token.rid) == "System.Func`2"
    assert f.args == (GenericParamType(0, True), GenericParamType(1, True))
    echo = sigs.method_sig(method(sigs, "Sigs", "Echo"))
    assert echo.ret == SzArrayType(GenericParamType(0, True))


def test_field_signatures(sigs):
    t = sigs.find_type("", "Sigs")
    by_name = {sigs.tables[T.Field][f].name: sigs.field_sig(f) for f in sigs.fields_of(t)}
    flag = by_name["Flag"].type
    assert isinstance(flag, ModifiedType) and flag.required
    assert sigs.typeref_name(flag.modifier.rid) == "System.Runtime.CompilerServices.IsVolatile"
    assert strip_modifiers(flag) == P(E.I4)
    assert by_name["Grid"].type == ArrayType(P(E.I4), 2, (), (0, 0))
    lists = by_name["Lists"].type
    assert isinstance(lists, SzArrayType) and isinstance(lists.element, GenericInstType)
    m = by_name["Map"].type
    assert m.args[0] == P(E.I4)
    inner = m.args[1]
    assert isinstance(inner, GenericInstType) and inner.generic.token.table == T.TypeDef
    assert inner.args == (P(E.R8),)


def test_field_of_generic_type_uses_var(sigs):
    box = sigs.find_type("", "Box`1")
    (f,) = sigs.find_fields(box, "Value")
    assert sigs.field_sig(f) == FieldSig(GenericParamType(0, False))


def test_property_signature(sigs):
    t = sigs.find_type("", "Sigs")
    (prop,) = list(sigs.properties_of(t))
    ps = sigs.property_sig(prop)
    assert ps == PropertySig(True, P(E.I4), (P(E.I4), P(E.STRING)))


def test_local_variables_with_pinned(sigs):
    locals_ = sigs.local_var_sig(method(sigs, "Sigs", "Locals")).locals
    assert P(E.STRING) in locals_
    assert any(isinstance(l, PinnedType) for l in locals_)
    assert any(isinstance(l, GenericInstType) for l in locals_)


def test_typespec_and_methodspec_and_memberref(sigs):
    specs = [sigs.type_spec(r) for r in range(1, sigs.tables[T.TypeSpec].num_rows + 1)]
    assert any(isinstance(s, GenericInstType) for s in specs)
    for r in range(1, sigs.tables[T.MemberRef].num_rows + 1):
        s = sigs.member_ref_sig(r)
        assert isinstance(s, (MethodSig, FieldSig))


def test_vararg_call_site_sentinel(sigs):
    sites = [sigs.member_ref_sig(r) for r in range(1, sigs.tables[T.MemberRef].num_rows + 1)
             if sigs.tables[T.MemberRef][r].name == "Vararg"]
    (site,) = sites
    assert site.is_vararg and site.sentinel == 0
    assert site.params == (P(E.I4), P(E.STRING))
    decl = sigs.method_sig(method(sigs, "Sigs", "Vararg"))
    assert decl.is_vararg and decl.params == () and decl.sentinel == -1


FNPTR_IL = r"""
.assembly extern mscorlib {}
.assembly fnptr {}
.class public C extends [mscorlib]System.Object {
  .method public static int32 Apply(method int32 *(int32) f, int32 x) {
    ldarg.1
    ldarg.0
    calli int32(int32)
    ret
  }
  .field public static int32 modopt([mscorlib]System.Runtime.CompilerServices.IsLong) Wide
  .field public static int32[0...,2...5] Bounded
}
"""


def test_function_pointers_modopt_and_array_bounds():
    with Module.open(assemble_il(FNPTR_IL, library=True)) as m:
        c = m.find_type("", "C")
        (apply,) = m.find_methods(c, "Apply")
        f, x = m.method_sig(apply).params
        assert f == FnPtrType(MethodSig(0, P(E.I4), (P(E.I4),)))
        (wide,) = m.find_fields(c, "Wide")
        t = m.field_sig(wide).type
        assert isinstance(t, ModifiedType) and not t.required
        (bounded,) = m.find_fields(c, "Bounded")
        # ilasm writes a size for every dimension up to the last bounded one (0 = unknown).
        assert m.field_sig(bounded).type == ArrayType(P(E.I4), 2, (0, 4), (0, 2))
        calli = [m.standalone_sig(r) for r in range(1, m.tables[T.StandAloneSig].num_rows + 1)]
        assert MethodSig(0, P(E.I4), (P(E.I4),)) in calli


def test_compressed_integers():
    r = SigReader(bytes([0x03, 0x7F, 0x80, 0x80, 0xAE, 0x57, 0xBF, 0xFF, 0xC0, 0x00, 0x40, 0x00,
                         0xDF, 0xFF, 0xFF, 0xFF]))
    assert [r.uint() for _ in range(6)] == [3, 0x7F, 0x80, 0x2E57, 0x3FFF, 0x4000]
    assert r.uint() == 0x1FFFFFFF
    # Signed: the sign is rotated into the low bit (II.23.2).
    assert SigReader(bytes([0x06])).sint() == 3
    assert SigReader(bytes([0x7B])).sint() == -3
    assert SigReader(bytes([0x80, 0x80])).sint() == 64
    assert SigReader(bytes([0x01])).sint() == -64
    assert SigReader(bytes([0xC0, 0x00, 0x40, 0x00])).sint() == 8192
    assert SigReader(bytes([0x80, 0x01])).sint() == -8192
    assert SigReader(bytes([0xDF, 0xFF, 0xFF, 0xFE])).sint() == 268435455
    assert SigReader(bytes([0xC0, 0x00, 0x00, 0x01])).sint() == -268435456


@pytest.mark.parametrize("blob, message", [
    (b"", "unexpected end"),
    (b"\x00\x01", "unexpected end"),                       # a parameter count with no types
    (b"\x00\x00\x42", "unexpected element type 0x42"),
    (b"\x00\x00\x12\x03", "invalid TypeDefOrRef tag"),
    (b"\x00\x00\x14\x08\x00", "array rank 0"),
    (b"\x00\x00" + b"\x0f" * 200 + b"\x08", "nested too deeply"),
    (b"\x06\x00\x08", "is not a method calling convention"),
    (b"\x00\xff\x08", "invalid compressed integer"),
])
def test_malformed_signatures(blob, message):
    with pytest.raises(BadImageError, match=message):
        decode_method_sig(blob)


def test_typespec_errors():
    with pytest.raises(BadImageError, match="GENERICINST must be followed"):
        decode_type_spec(b"\x15\x08\x01\x08")


@pytest.mark.parametrize("name", ["mscorlib.dll", "System.dll", "System.Core.dll", "System.Xml.dll"])
def test_every_signature_of_the_class_library_decodes(mono_lib, name):
    with Module.open(mono_lib / name) as m:
        counts = {}
        for tid, decode in ((T.MethodDef, m.method_sig), (T.Field, m.field_sig), (T.MemberRef, m.member_ref_sig),
                            (T.TypeSpec, m.type_spec), (T.MethodSpec, m.method_spec_sig),
                            (T.StandAloneSig, m.standalone_sig), (T.Property, m.property_sig)):
            n = m.tables[tid].num_rows
            for rid in range(1, n + 1):
                decode(rid)
            counts[tid] = n
        assert counts[T.MethodDef] > 1000
        # Locals of every body are a LocalVarSig.
        for rid in range(1, m.tables[T.MethodDef].num_rows + 1, 7):
            assert isinstance(m.local_var_sig(rid), LocalVarSig)
