"""Custom attribute blobs (II.23.3), marshalling descriptors (II.23.4) and assembly identity."""
import pytest

from clrpy.errors import BadImageError
from clrpy.metadata import Module
from clrpy.metadata.custom_attributes import decode_custom_attribute, CAType
from clrpy.metadata.identity import AssemblyName, public_key_token
from clrpy.metadata.marshal_descriptors import NativeType, decode_marshal_descriptor
from clrpy.metadata.schema import TableId as T
from clrpy.metadata.signatures import ElementType as E
from conftest import compile_cs

SOURCE = r"""
using System;
using System.Runtime.InteropServices;
[assembly: System.Reflection.AssemblyVersion("1.2.3.4")]
public enum Color : short { Red = 1, Green = 2 }
[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
public class InfoAttribute : Attribute {
    public InfoAttribute(int i, string s, Type t, Color c, object o, int[] a, char ch, double d, bool b) {}
    public InfoAttribute() {}
    public string Note;
    public Color Tint { get; set; }
    public object Anything;
    public Type[] Types;
}
[Info(-5, "text", typeof(System.Collections.Generic.List<int>), Color.Green, 42L, new[] { 1, 2, 3 }, 'x', 2.5, true,
      Note = "named", Tint = Color.Red)]
[Info(0, null, null, (Color)7, null, null, '\0', 0, false, Anything = Color.Green, Types = new[] { typeof(int), typeof(string) })]
public class Target {
    [DllImport("libc", EntryPoint = "strlen")]
    public static extern int Strlen([MarshalAs(UnmanagedType.LPStr)] string s);
    [DllImport("libc")]
    public static extern void Fill([MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 1)] int[] data, int n,
                                   [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPWStr, SizeConst = 4)] string[] names);
}
[StructLayout(LayoutKind.Sequential)]
public struct Fixed {
    [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 16)] public string Name;
    [MarshalAs(UnmanagedType.ByValArray, SizeConst = 8, ArraySubType = UnmanagedType.U1)] public byte[] Bytes;
    [MarshalAs(UnmanagedType.CustomMarshaler, MarshalType = "My.Marshaler", MarshalCookie = "cookie")] public object Custom;
}
"""


@pytest.fixture(scope="module")
def mod():
    with Module.open(compile_cs(SOURCE, library=True)) as m:
        yield m


def attributes_of(m, token):
    out = []
    for row in m.custom_attributes(token):
        ctor = row.type
        s = m.method_sig(ctor.rid) if ctor.table == T.MethodDef else m.member_ref_sig(ctor.rid)
        out.append(decode_custom_attribute(row.value, s.params, m))
    return out


def test_fixed_and_named_arguments(mod):
    target = mod.find_type("", "Target")
    first, second = attributes_of(mod, 0x02000000 | target)
    vals = [a.value for a in first.fixed]
    assert vals[0] == -5 and vals[1] == "text"
    assert vals[2].startswith("System.Collections.Generic.List`1[[System.Int32")
    assert first.fixed[3].type == CAType(E.ENUM, "Color", E.I2) and vals[3] == 2
    assert first.fixed[4].type.element_type == E.BOXED and vals[4].value == 42 and vals[4].type.element_type == E.I8
    assert vals[5:] == [(1, 2, 3), "x", 2.5, True]
    named = {n.name: (n.is_field, n.argument.value) for n in first.named}
    assert named == {"Note": (True, "named"), "Tint": (False, 1)}


def test_nulls_and_boxed_enums(mod):
    target = mod.find_type("", "Target")
    _, second = attributes_of(mod, 0x02000000 | target)
    vals = [a.value for a in second.fixed]
    assert vals[1] is None and vals[2] is None and vals[3] == 7 and vals[5] is None
    named = {n.name: n.argument for n in second.named}
    boxed = named["Anything"].value
    assert boxed.type.element_type == E.ENUM and boxed.type.enum_name == "Color" and boxed.value == 2
    assert [t.split(",")[0] for t in named["Types"].value] == ["System.Int32", "System.String"]


def test_every_attribute_of_mscorlib_decodes(mscorlib_path):
    with Module.open(mscorlib_path) as m:
        n = 0
        for row in m.tables[T.CustomAttribute]:
            s = m.method_sig(row.type.rid) if row.type.table == T.MethodDef else m.member_ref_sig(row.type.rid)
            decode_custom_attribute(row.value, s.params, m)
            n += 1
        assert n == m.tables[T.CustomAttribute].num_rows > 1000


def test_bad_blobs():
    with pytest.raises(BadImageError, match="prolog"):
        decode_custom_attribute(b"\x02\x00", (), None)
    with pytest.raises(BadImageError, match="unexpected end"):
        from clrpy.metadata.signatures import PrimitiveType
        decode_custom_attribute(b"\x01\x00\x05", (PrimitiveType(E.I4),), None)


def test_marshalling_descriptors(mod):
    def marshal_of_param(method, seq):
        mrid = mod.find_methods(mod.find_type("", "Target"), method)[0]
        for p in mod.params_of(mrid):
            if mod.tables[T.Param][p].sequence == seq:
                return decode_marshal_descriptor(mod.field_marshal(0x08000000 | p).native_type)
    assert marshal_of_param("Strlen", 1).native_type == NativeType.LPSTR
    arr = marshal_of_param("Fill", 1)
    assert arr.native_type == NativeType.ARRAY and arr.size_param_index == 1
    names = marshal_of_param("Fill", 3)
    assert names.element_type == NativeType.LPWSTR and names.size_const == 4
    fixed = mod.find_type("", "Fixed")
    by_name = {mod.tables[T.Field][f].name: decode_marshal_descriptor(mod.field_marshal(0x04000000 | f).native_type)
               for f in mod.fields_of(fixed)}
    assert by_name["Name"].native_type == NativeType.FIXEDSYSSTRING and by_name["Name"].size_const == 16
    assert by_name["Bytes"].native_type == NativeType.FIXEDARRAY and by_name["Bytes"].size_const == 8
    assert by_name["Bytes"].element_type == NativeType.U1
    custom = by_name["Custom"]
    assert custom.native_type == NativeType.CUSTOMMARSHALER
    assert custom.marshaler_type == "My.Marshaler" and custom.cookie == "cookie"


def test_pinvoke_import_map(mod):
    (rid,) = mod.find_methods(mod.find_type("", "Target"), "Strlen")
    im = mod.impl_map(0x06000000 | rid)
    assert im.import_name == "strlen"
    assert mod.tables[T.ModuleRef][im.import_scope].name == "libc"


def test_assembly_identity(mod, mscorlib_path):
    name = mod.assembly_name
    assert name.version == (1, 2, 3, 4) and not name.is_strong_named
    assert str(name).endswith("Version=1.2.3.4, Culture=neutral, PublicKeyToken=null")
    with Module.open(mscorlib_path) as corlib:
        ident = corlib.assembly_name
        assert ident.public_key_token.hex() == "b77a5c561934e089"
        assert public_key_token(ident.public_key) == bytes.fromhex("b77a5c561934e089")
        assert str(ident) == "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"
    (ref,) = [r for r in mod.assembly_refs() if r.name == "mscorlib"]
    assert ref.public_key_token.hex() == "b77a5c561934e089"
    parsed = AssemblyName.parse("System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")
    assert parsed.version == (4, 0, 0, 0) and parsed.public_key_token.hex() == "b77a5c561934e089"
