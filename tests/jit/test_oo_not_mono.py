"""Object-model cases the differential tests cannot compare with Mono 6.8, checked against ECMA-335
(and CoreCLR, where the standard leaves the wording open):

* A struct array is not an array of the interfaces the struct implements (I.8.7.1: only reference
  types are array-element-compatible with their interfaces; a `SV[]` holds values, not references).
  Mono 6.8 says `new SV[1] is I3[]`.
* General arrays created by `newobj` with the lower-bound constructor (II.14.2: pairs of lower
  bound and length per dimension): Mono 6.8 aborts on an assertion (jit-icalls.c, rank == pcount).
* A class that re-declares an interface maps it to its own public virtual methods first, even
  when they override a base method (II.12.2; the C# re-implementation rule); Mono 6.8 keeps the
  base class's explicit implementation unless the method is newslot.
* InvalidCastException's message names both types, as CoreCLR's does; Mono says only "Specified
  cast is not valid." (docs/type-system.md).
"""
import pytest

from conftest import assemble_il, compile_cs
from differential import ClrpyRunner, canonical

CS_SOURCE = r"""
using System;
namespace NotMono
{
    public interface I3 { }
    public struct SV : I3 { public int V; }
    public interface IWho { string Who(); }
    public class WhoExplicitBase : IWho { string IWho.Who() { return "explicit-base"; } public virtual string Who() { return "public-base"; } }
    public class WhoRedeclaresOverride : WhoExplicitBase, IWho { public override string Who() { return "redeclared-override"; } }
    public class Animal { }
    public class Cat : Animal { }
    public static class Tests
    {
        public static bool test_struct_array_is_not_interface_array() { object a = new SV[1]; return a is I3[]; }
        public static bool test_struct_array_is_not_object_array() { object a = new SV[1]; return a is object[]; }
        public static int test_struct_array_cast_to_interface_array() { object a = new SV[1]; I3[] i = (I3[])a; return i.Length; }
        public static string test_redeclared_interface_takes_override() { IWho w = new WhoRedeclaresOverride(); return w.Who(); }
        public static int test_invalid_cast_message() { object o = new Animal(); Cat c = (Cat)o; return 0; }
        public static int test_invalid_unbox_message() { object o = "s"; return (int)o; }
    }
}
"""

IL_SOURCE = r"""
.assembly extern mscorlib { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 4:0:0:0 }
.assembly prog { }
.class public abstract sealed auto ansi beforefieldinit Tests extends [mscorlib]System.Object
{
  .method public static int32 test_mdarray_lower_bounds() cil managed
  {
    .maxstack 8
    .locals init (int32[0...,0...] a)
    ldc.i4.5
    ldc.i4.3
    ldc.i4.s -2
    ldc.i4.4
    newobj instance void int32[0...,0...]::.ctor(int32, int32, int32, int32)
    stloc.0
    ldloc.0
    ldc.i4.7
    ldc.i4.1
    ldc.i4.s 42
    call instance void int32[0...,0...]::Set(int32, int32, int32)
    ldloc.0
    ldc.i4.7
    ldc.i4.1
    call instance int32 int32[0...,0...]::Get(int32, int32)
    ldloc.0
    ldc.i4.0
    callvirt instance int32 [mscorlib]System.Array::GetLowerBound(int32)
    ldc.i4 100
    mul
    add
    ldloc.0
    ldc.i4.1
    callvirt instance int32 [mscorlib]System.Array::GetLowerBound(int32)
    ldc.i4 10000
    mul
    add
    ldloc.0
    callvirt instance int32 [mscorlib]System.Array::get_Length()
    ldc.i4 1000000
    mul
    add
    ret
  }
  .method public static int32 test_mdarray_below_lower_bound() cil managed
  {
    .maxstack 8
    ldc.i4.5
    ldc.i4.3
    ldc.i4.s -2
    ldc.i4.4
    newobj instance void int32[0...,0...]::.ctor(int32, int32, int32, int32)
    ldc.i4.4
    ldc.i4.0
    call instance int32 int32[0...,0...]::Get(int32, int32)
    ret
  }
  .method public static int32 test_mdarray_rank1() cil managed
  {
    .maxstack 8
    .locals init (int32[0...] a)
    ldc.i4.s 10
    ldc.i4.3
    newobj instance void int32[0...]::.ctor(int32, int32)
    stloc.0
    ldloc.0
    ldc.i4.s 12
    ldc.i4.5
    call instance void int32[0...]::Set(int32, int32)
    ldloc.0
    ldc.i4.s 12
    call instance int32 int32[0...]::Get(int32)
    ldloc.0
    isinst int32[]
    ldnull
    cgt.un
    ldc.i4 100
    mul
    add
    ret
  }
}
"""

EXPECTED = {
    "test_struct_array_is_not_interface_array": "0",
    "test_struct_array_is_not_object_array": "0",
    "test_struct_array_cast_to_interface_array": "!System.InvalidCastException",
    "test_redeclared_interface_takes_override": "s:" + ",".join(str(ord(c)) for c in "redeclared-override"),
    "test_invalid_cast_message": "!System.InvalidCastException",
    "test_invalid_unbox_message": "!System.InvalidCastException",
    "test_mdarray_lower_bounds": str(42 + 5 * 100 - 2 * 10000 + 12 * 1000000),
    "test_mdarray_below_lower_bound": "!System.IndexOutOfRangeException",
    "test_mdarray_rank1": "5",          # an int32[0...] is a general array, not an int32[]
}


@pytest.fixture(scope="module")
def runners():
    rs = [ClrpyRunner(compile_cs(CS_SOURCE, library=True)), ClrpyRunner(assemble_il(IL_SOURCE, library=True))]
    yield rs
    for r in rs:
        r.close()


def _runner(runners, name):
    return next(r for r in runners if name in r.methods)


def test_every_method_has_an_expectation(runners):
    assert set(runners[0].methods) | set(runners[1].methods) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_as_the_standard_says(runners, name):
    assert _runner(runners, name).call(name) == canonical(EXPECTED[name])


@pytest.mark.parametrize("name,message", [
    ("test_invalid_cast_message", "Specified cast is not valid."),
    ("test_invalid_unbox_message", "Specified cast is not valid."),
    ("test_struct_array_cast_to_interface_array", "Specified cast is not valid."),
])
def test_invalid_cast_raises_with_monos_message(runners, name, message):
    import clrpy
    method, _ = _runner(runners, name).methods[name]
    with pytest.raises(clrpy.ManagedException) as e:
        method()
    assert e.value.type_name == "System.InvalidCastException"
    assert e.value.message == message
