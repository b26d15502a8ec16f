"""Instructions where Mono 6.8 (x86-64) departs from ECMA-335, so the differential tests leave them
out; here clrpy's results are checked against the standard.

* conv.i / conv.u of a float goes through int32 in Mono (-5.5 gives 4294967291).
* conv.r.un of a native int reads only its low 32 bits in Mono.
* Storing an F value into a location of the other float width without conv (stsfld float32 of a
  float64, stind.r8 of a float32) stores the raw bits in Mono; III.1.6 converts implicitly.
* ckfinite throws ArithmeticException (III.3.24); Mono throws its subclass OverflowException.
* An array index is a native int (III.4.7); Mono compares only its low 32 bits with the length.
* An int32 operand of a native int operation is sign-extended, as everywhere an int32 is used as
  a native int (III.1.6); Mono zero-extends the first operand of the overflow-checked forms, even
  of the signed ones (-1 add.ovf 0 gives 4294967295), and sign-extends the second.
* conv.r.un of a uint64 halfway between two doubles rounds to even (IEC 60559, I.12.1.3); Mono
  rounds 2^63 + 2^10 up.
"""
import pytest

from conftest import assemble_il
from differential import ClrpyRunner, canonical

SOURCE = r"""
.assembly extern mscorlib { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 4:0:0:0 }
.assembly prog { }
.class public abstract sealed auto ansi Ecma extends [mscorlib]System.Object
{
  .field public static float32 single
  .method public static native int test_conv_i_of_negative_float() cil managed { .maxstack 8 ldc.r8 -5.5 conv.i ret }
  .method public static native int test_conv_i_of_big_float() cil managed { .maxstack 8 ldc.r8 1e10 conv.i ret }
  .method public static native unsigned int test_conv_u_of_big_float() cil managed { .maxstack 8 ldc.r8 1e10 conv.u ret }
  .method public static float64 test_conv_r_un_of_native_int() cil managed { .maxstack 8 ldc.i8 0x100000000 conv.i conv.r.un ret }
  .method public static float64 test_conv_r_un_of_negative_native_int() cil managed { .maxstack 8 ldc.i4.s -2 conv.i conv.r.un ret }
  .method public static float32 test_stsfld_float32_of_double() cil managed { .maxstack 8 ldc.r8 0.1 stsfld float32 Ecma::single ldsfld float32 Ecma::single ret }
  .method public static float64 test_stind_r8_of_float32() cil managed
  {
    .maxstack 8
    .locals init (float64 d)
    ldloca.s d
    ldc.r4 0.25
    stind.r8
    ldloc.0
    ret
  }
  .method public static float64 test_ckfinite_nan() cil managed { .maxstack 8 ldc.r8 0.0 ldc.r8 0.0 div ckfinite ret }
  .method public static float64 test_ckfinite_infinity() cil managed { .maxstack 8 ldc.r8 1.0 ldc.r8 0.0 div ckfinite ret }
  .method public static float32 test_ckfinite_float32_infinity() cil managed { .maxstack 8 ldc.r4 3e38 ldc.r4 3e38 add ckfinite ret }
  .method public static float64 test_conv_r_un_ties_to_even() cil managed { .maxstack 8 ldc.i8 0x8000000000000400 conv.r.un ret }
  .method public static native int test_add_ovf_int32_first_native_int_second() cil managed { .maxstack 8 ldc.i4.m1 ldc.i4.0 conv.i add.ovf ret }
  .method public static native int test_mul_ovf_un_int32_first_native_int_second() cil managed { .maxstack 8 ldc.i4.m1 ldc.i4.1 conv.i mul.ovf.un ret }
  .method public static int32 test_array_index_beyond_32_bits() cil managed
  {
    .maxstack 8
    ldc.i4.3
    newarr [mscorlib]System.Int32
    ldc.i8 0x100000000
    conv.i
    ldelem.i4
    ret
  }
}
"""

EXPECTED = {
    "test_conv_i_of_negative_float": "-5",
    "test_conv_i_of_big_float": "10000000000",
    "test_conv_u_of_big_float": "10000000000",
    "test_conv_r_un_of_native_int": "d:41f0000000000000",               # 2^32
    "test_conv_r_un_of_negative_native_int": "d:43f0000000000000",      # 2^64 - 2, rounded
    "test_stsfld_float32_of_double": "f:3dcccccd",                      # 0.1f
    "test_stind_r8_of_float32": "d:3fd0000000000000",                   # 0.25
    "test_ckfinite_nan": "!System.ArithmeticException",
    "test_ckfinite_infinity": "!System.ArithmeticException",
    "test_ckfinite_float32_infinity": "!System.ArithmeticException",
    "test_array_index_beyond_32_bits": "!System.IndexOutOfRangeException",
    "test_add_ovf_int32_first_native_int_second": "-1",
    "test_mul_ovf_un_int32_first_native_int_second": "-1",                # 2^64 - 1 as unsigned: fits
    "test_conv_r_un_ties_to_even": "d:43e0000000000000",               # 2^63
}


@pytest.fixture(scope="module")
def runner():
    r = ClrpyRunner(assemble_il(SOURCE, library=True))
    yield r
    r.close()


def test_every_method_has_an_expectation(runner):
    assert set(runner.methods) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_as_the_standard_says(runner, name):
    assert runner.call(name) == canonical(EXPECTED[name])
