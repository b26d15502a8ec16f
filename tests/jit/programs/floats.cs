// float32 and float64 arithmetic: precision (float32 operations round to float32), infinities,
// NaN, negative zero, subnormals, remainder, and comparisons and branches with NaN operands.
using System;

public static class FloatTests
{
    static double D(double x) { return x; }
    static float F(float x) { return x; }

    static double[] DValues()
    {
        double[] v = new double[16];
        double zero = 0.0;
        v[0] = 0.0; v[1] = -zero; v[2] = 1.0; v[3] = -1.5; v[4] = 0.1; v[5] = 3e300; v[6] = -3e300;
        v[7] = 5e-324; v[8] = 2.2250738585072014E-308; v[9] = 1.0 / zero; v[10] = -1.0 / zero; v[11] = zero / zero;
        v[12] = 9007199254740993.0; v[13] = 123456.789; v[14] = -0.0000123; v[15] = 2147483648.5;
        return v;
    }

    static float[] FValues()
    {
        float[] v = new float[14];
        float zero = 0f;
        v[0] = 0f; v[1] = -zero; v[2] = 1f; v[3] = -1.5f; v[4] = 0.1f; v[5] = 3e38f; v[6] = -3e38f;
        v[7] = 1.4e-45f; v[8] = 1.17549435E-38f; v[9] = 1f / zero; v[10] = -1f / zero; v[11] = zero / zero;
        v[12] = 16777217f; v[13] = 123.456f;
        return v;
    }

    static long Bits(double d) { return BitConverter.DoubleToInt64Bits(d); }
    static long Mix(long h, double d) { return unchecked(h * 1000003 + (d != d ? 0x7FF8 : Bits(d))); }

    public static double test_add() { double a = 0.1, b = 0.2; return a + b; }
    public static double test_sub() { double a = 0.3, b = 0.1; return a - b; }
    public static double test_mul() { double a = 1.1, b = 1.1; return a * b; }
    public static double test_div() { double a = 1.0, b = 3.0; return a / b; }
    public static double test_rem() { double a = 5.5, b = 2.0; return a % b; }
    public static double test_rem_negative() { double a = -5.5, b = 2.0; return a % b; }
    public static double test_rem_by_negative() { double a = 5.5, b = -2.0; return a % b; }
    public static double test_rem_by_zero() { double a = 5.5, b = 0.0; return a % b; }
    public static double test_rem_inf() { double a = 5.5, b = double.PositiveInfinity; return a % b; }
    public static double test_rem_of_inf() { double a = double.PositiveInfinity, b = 2; return a % b; }
    public static double test_rem_large() { double a = 1e300, b = 3.0; return a % b; }
    public static double test_div_by_zero() { double a = 1.0, b = 0.0; return a / b; }
    public static double test_div_neg_by_zero() { double a = -1.0, b = 0.0; return a / b; }
    public static double test_div_by_neg_zero() { double a = 1.0, b = -0.0; b = -b; b = -b; return a / b; }
    public static double test_zero_div_zero() { double a = 0.0, b = 0.0; return a / b; }
    public static double test_neg() { double a = 2.5; return -a; }
    public static double test_neg_zero() { double a = 0.0; return -a; }
    public static double test_inf_minus_inf() { double a = double.PositiveInfinity; return a - a; }
    public static double test_inf_times_zero() { double a = double.PositiveInfinity, b = 0.0; return a * b; }
    public static double test_overflow_to_inf() { double a = 1e308; return a * 10; }
    public static double test_underflow_to_subnormal() { double a = 1e-308; return a / 1e10; }
    public static double test_underflow_to_zero() { double a = 5e-324; return a / 2; }
    public static double test_nan_plus() { double a = double.NaN; return a + 1; }
    public static double test_max_value() { return double.MaxValue; }
    public static double test_epsilon() { return double.Epsilon; }
    public static double test_literal_precision() { return 0.1 + D(0.2); }

    public static float test_f_add() { float a = 0.1f, b = 0.2f; return a + b; }
    public static float test_f_mul() { float a = 1.1f, b = 1.1f; return a * b; }
    public static float test_f_div() { float a = 1f, b = 3f; return a / b; }
    public static float test_f_rem() { float a = 5.5f, b = 2f; return a % b; }
    public static float test_f_rem_neg() { float a = -7.25f, b = 2f; return a % b; }
    public static float test_f_div_by_zero() { float a = -1f, b = 0f; return a / b; }
    public static float test_f_zero_div_zero() { float a = 0f, b = 0f; return a / b; }
    public static float test_f_neg_zero() { float a = 0f; return -a; }
    public static float test_f_overflow() { float a = 3e38f; return a * 10f; }
    public static float test_f_subnormal() { float a = 1e-38f; return a / 1000f; }
    public static float test_f_max() { return float.MaxValue; }
    public static float test_f_epsilon() { return float.Epsilon; }
    // float32 arithmetic must round at every step (Mono evaluates float32 at float32 precision).
    public static float test_f_precision_chain() { float a = 16777216f, b = 1f; float c = a + b + b; return c; }
    public static float test_f_precision_mul_add() { float a = 1.0000001f, b = 1.0000001f, c = -1f; return a * b + c; }
    public static float test_f_precision_sum()
    {
        float s = 0f;
        for (int i = 0; i < 1000; i++) s += 0.1f;
        return s;
    }
    public static double test_f_widened() { float a = 0.1f; double d = a; return d; }
    public static double test_f_mixed_with_double() { float a = 0.1f; double b = 0.2; return a + b; }
    public static float test_f_store_rounds() { double d = 0.1; float f = (float)d; return f; }
    public static float test_f_narrow_overflow() { double d = 1e300; return (float)d; }
    public static float test_f_narrow_underflow() { double d = 1e-300; return (float)d; }
    public static float test_f_narrow_rounding_tie() { double d = 1.0 + 1.0 / (1 << 24); return (float)d; }
    public static float test_f_narrow_rounding_above_tie() { double d = 1.0 + 1.0 / (1 << 24) + 1.0 / (1L << 40); return (float)d; }
    public static float test_f_from_int_rounding() { int i = 16777217; return (float)i; }
    public static float test_f_from_long_rounding() { long l = 0x7FFFFFFFFFFFFFFFL; return (float)l; }
    public static float test_f_field_roundtrip() { F32Holder.Value = 1f / 3f; return F32Holder.Value * 3f; }

    // -- comparisons (NaN makes every ordered comparison false and != true) ---------------------------
    public static int test_compare_bits()
    {
        double[] v = DValues(); int h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                double a = v[i], b = v[j];
                int bits = (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0)
                         | (a == b ? 16 : 0) | (a != b ? 32 : 0) | (!(a < b) ? 64 : 0) | (!(a <= b) ? 128 : 0)
                         | (!(a > b) ? 256 : 0) | (!(a >= b) ? 512 : 0);
                h = unchecked(h * 31 + bits);
            }
        return h;
    }
    public static int test_compare_bits_float()
    {
        float[] v = FValues(); int h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                float a = v[i], b = v[j];
                int bits = (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0)
                         | (a == b ? 16 : 0) | (a != b ? 32 : 0) | (!(a < b) ? 64 : 0) | (!(a <= b) ? 128 : 0)
                         | (!(a > b) ? 256 : 0) | (!(a >= b) ? 512 : 0);
                h = unchecked(h * 31 + bits);
            }
        return h;
    }
    public static int test_branches_with_nan()
    {
        double n = D(double.NaN), one = D(1.0); int r = 0;
        if (n < one) r |= 1;
        if (n > one) r |= 2;
        if (n <= one) r |= 4;
        if (n >= one) r |= 8;
        if (n == n) r |= 16;
        if (n != n) r |= 32;
        while (!(n < one)) { r |= 64; break; }
        while (!(n >= one)) { r |= 128; break; }
        return r;
    }
    public static bool test_nan_is_nan() { double n = D(double.NaN); return double.IsNaN(n); }
    public static bool test_neg_zero_equals_zero() { double z = D(0.0); return z == -z; }
    public static bool test_float_truthiness() { double x = D(0.0); return x != 0; }

    // -- grids of arithmetic ------------------------------------------------------------------------------
    public static long test_grid_double()
    {
        double[] v = DValues(); long h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                h = Mix(h, v[i] + v[j]);
                h = Mix(h, v[i] - v[j]);
                h = Mix(h, v[i] * v[j]);
                h = Mix(h, v[i] / v[j]);
                h = Mix(h, v[i] % v[j]);
            }
        return h;
    }
    public static long test_grid_float()
    {
        float[] v = FValues(); long h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                float s = v[i] + v[j], d = v[i] - v[j], p = v[i] * v[j], q = v[i] / v[j], r = v[i] % v[j];
                h = Mix(h, s); h = Mix(h, d); h = Mix(h, p); h = Mix(h, q); h = Mix(h, r);
            }
        return h;
    }
    public static double test_opaque_double() { return D(1.5) * D(-2.25) + D(10) / D(4) - D(7) % D(2.5); }
    public static float test_opaque_float() { return F(1.5f) * F(-2.25f) + F(10f) / F(3f) - F(7f) % F(2.5f); }
    public static double test_horner()
    {
        double x = D(0.7), r = 0;
        for (int i = 10; i >= 0; i--) r = r * x + 1.0 / (i + 1);
        return r;
    }
}

public static class F32Holder
{
    public static float Value;
}
