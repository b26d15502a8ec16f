"""Types that cannot be loaded, and what using them raises. The differential harness cannot hold
them (Mono's driver enumerates every type's methods, and fails on the first bad one), so the
expectations are written out: a method that uses such a type fails when it is compiled, and the
call raises TypeLoadException (as in Mono 6.8 and CoreCLR); an unresolvable member reference raises
MissingMethodException / MissingFieldException.

* a class that leaves an interface method or an inherited abstract method unimplemented (II.12.2);
* explicit layout with an object reference that is not pointer-aligned, or overlapped by a field
  that is not a reference (II.10.7; Mono accepts the overlap, CoreCLR does not, and neither can the
  precise collector). References overlapping each other exactly are fine.
"""
import pytest

from conftest import assemble_il
from differential import ClrpyRunner

SOURCE = r"""
.assembly extern mscorlib { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 4:0:0:0 }
.assembly prog { }
.class public explicit ansi sealed RefOverValue extends [mscorlib]System.ValueType
{
  .field [0] public object O
  .field [4] public int32 I
}
.class public explicit ansi sealed RefOverRef extends [mscorlib]System.ValueType
{
  .field [0] public object O
  .field [0] public string S
  .field [8] public int64 L
  .field [8] public float64 D
}
.class public explicit ansi sealed Misaligned extends [mscorlib]System.ValueType
{
  .field [4] public object O
}
.class public explicit ansi sealed Holder extends [mscorlib]System.ValueType
{
  .field [0] public int64 L
  .field [0] public valuetype RefOverRef Inner
}
.class public auto ansi beforefieldinit ExplicitClass extends [mscorlib]System.Object
{
  .field [0] public object O
  .field [8] public int32 I
}
.class interface public abstract auto ansi IThing { .method public hidebysig newslot abstract virtual instance int32 M() cil managed { } }
.class public auto ansi beforefieldinit NoImpl extends [mscorlib]System.Object implements IThing
{
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed { .maxstack 8 ldarg.0 call instance void [mscorlib]System.Object::.ctor() ret }
}
.class public abstract auto ansi beforefieldinit Abs extends [mscorlib]System.Object
{
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed { .maxstack 8 ldarg.0 call instance void [mscorlib]System.Object::.ctor() ret }
  .method public hidebysig newslot abstract virtual instance int32 M() cil managed { }
}
.class public auto ansi beforefieldinit Concrete extends Abs
{
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed { .maxstack 8 ldarg.0 call instance void Abs::.ctor() ret }
}
.class public abstract auto ansi beforefieldinit StillAbstract extends Abs
{
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed { .maxstack 8 ldarg.0 call instance void Abs::.ctor() ret }
}
.class public auto ansi beforefieldinit Done extends StillAbstract
{
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed { .maxstack 8 ldarg.0 call instance void StillAbstract::.ctor() ret }
  .method public hidebysig virtual instance int32 M() cil managed { .maxstack 8 ldc.i4.7 ret }
}
.class public abstract sealed auto ansi beforefieldinit T extends [mscorlib]System.Object
{
  .method public static int32 test_ref_overlapped_by_value() cil managed { .maxstack 8 .locals init (valuetype RefOverValue v) ldloca.s v ldfld int32 RefOverValue::I ret }
  .method public static int32 test_misaligned_ref() cil managed { .maxstack 8 .locals init (valuetype Misaligned v) ldloca.s v ldfld object Misaligned::O ldnull ceq ret }
  .method public static int32 test_ref_overlapped_inside_struct_field() cil managed { .maxstack 8 .locals init (valuetype Holder v) ldloca.s v ldfld int64 Holder::L conv.i4 ret }
  .method public static int64 test_refs_overlapping_refs() cil managed
  {
    .maxstack 8 .locals init (valuetype RefOverRef v)
    ldloca.s v ldstr "abc" stfld string RefOverRef::S
    ldloca.s v ldc.r8 1.0 stfld float64 RefOverRef::D
    ldloc.0 ldfld object RefOverRef::O castclass [mscorlib]System.String callvirt instance int32 [mscorlib]System.String::get_Length() conv.i8
    ldloc.0 ldfld int64 RefOverRef::L add ret
  }
  .method public static int32 test_explicit_class_ok() cil managed { .maxstack 8 newobj instance void ExplicitClass::.ctor() ldfld int32 ExplicitClass::I ret }
  .method public static int32 test_missing_interface_method() cil managed { .maxstack 8 newobj instance void NoImpl::.ctor() callvirt instance int32 IThing::M() ret }
  .method public static int32 test_missing_abstract_method() cil managed { .maxstack 8 newobj instance void Concrete::.ctor() callvirt instance int32 Abs::M() ret }
  .method public static int32 test_abstract_chain_implemented_below() cil managed { .maxstack 8 newobj instance void Done::.ctor() callvirt instance int32 Abs::M() ret }
  .method public static int32 test_missing_method() cil managed { .maxstack 8 newobj instance void Done::.ctor() callvirt instance int32 Done::Nope() ret }
  .method public static int32 test_missing_field() cil managed { .maxstack 8 newobj instance void Done::.ctor() ldfld int32 Done::nope ret }
  .method public static int32 test_caller_of_bad_method() cil managed { .maxstack 8 call int32 T::test_missing_interface_method() ret }
}
"""

EXPECTED = {
    "test_ref_overlapped_by_value": "!System.TypeLoadException",
    "test_misaligned_ref": "!System.TypeLoadException",
    "test_ref_overlapped_inside_struct_field": "!System.TypeLoadException",
    "test_refs_overlapping_refs": str(3 + 0x3FF0000000000000),
    "test_explicit_class_ok": "0",
    "test_missing_interface_method": "!System.TypeLoadException",
    "test_missing_abstract_method": "!System.TypeLoadException",
    "test_abstract_chain_implemented_below": "7",
    "test_missing_method": "!System.MissingMethodException",
    "test_missing_field": "!System.MissingFieldException",
    "test_caller_of_bad_method": "!System.TypeLoadException",
}


@pytest.fixture(scope="module")
def runner():
    r = ClrpyRunner(assemble_il(SOURCE, library=True))
    yield r
    r.close()


def test_every_method_has_an_expectation(runner):
    assert set(runner.methods) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_type_load(runner, name):
    assert runner.call(name) == EXPECTED[name]
