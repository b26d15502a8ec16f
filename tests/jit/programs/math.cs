// System.Math: the functions the JIT turns into instructions or C library calls, and those that
// run as IL from the class library (Max, Min, Abs of integers, Sign, Round with digits, ...).
using System;

public static class MathTests
{
    static double D(double x) { return x; }
    static float F(float x) { return x; }
    static int I(int x) { return x; }

    static double[] Inputs()
    {
        double[] v = new double[18];
        double zero = 0.0;
        v[0] = 0.0; v[1] = -zero; v[2] = 0.5; v[3] = -0.5; v[4] = 1.5; v[5] = 2.5; v[6] = -2.5; v[7] = 3.7;
        v[8] = -3.7; v[9] = 1e-10; v[10] = 123456.789; v[11] = 1e300; v[12] = 1.0 / zero; v[13] = -1.0 / zero;
        v[14] = zero / zero; v[15] = Math.PI; v[16] = -Math.E; v[17] = 4503599627370497.0;
        return v;
    }

    static long Mix(long h, double d) { return unchecked(h * 1000003 + (d != d ? 0x7FF8 : BitConverter.DoubleToInt64Bits(d))); }

    public static double test_sqrt() { return Math.Sqrt(D(2)); }
    public static double test_sqrt_negative() { return Math.Sqrt(D(-1)); }
    public static double test_abs() { return Math.Abs(D(-3.5)); }
    public static double test_abs_neg_zero() { return Math.Abs(D(-0.0) * -1); }
    public static double test_floor() { return Math.Floor(D(-2.5)); }
    public static double test_ceiling() { return Math.Ceiling(D(-2.5)); }
    public static double test_round_half_even() { return Math.Round(D(2.5)) + Math.Round(D(3.5)) * 10 + Math.Round(D(-2.5)) * 100; }
    public static double test_round_digits() { return Math.Round(D(1.23456), 3); }
    public static double test_truncate() { return Math.Truncate(D(-7.9)); }
    public static double test_sin() { return Math.Sin(D(1.0)); }
    public static double test_cos() { return Math.Cos(D(1.0)); }
    public static double test_tan() { return Math.Tan(D(1.0)); }
    public static double test_asin() { return Math.Asin(D(0.5)); }
    public static double test_acos() { return Math.Acos(D(0.5)); }
    public static double test_atan() { return Math.Atan(D(1.0)); }
    public static double test_atan2() { return Math.Atan2(D(1.0), D(-1.0)); }
    public static double test_atan2_zeros() { return Math.Atan2(D(-0.0) * 1, D(-0.0) * 1); }
    public static double test_sinh() { return Math.Sinh(D(1.0)); }
    public static double test_cosh() { return Math.Cosh(D(1.0)); }
    public static double test_tanh() { return Math.Tanh(D(0.5)); }
    public static double test_exp() { return Math.Exp(D(1.0)); }
    public static double test_exp_overflow() { return Math.Exp(D(1000)); }
    public static double test_log() { return Math.Log(D(10)); }
    public static double test_log_zero() { return Math.Log(D(0)); }
    public static double test_log_negative() { return Math.Log(D(-1)); }
    public static double test_log10() { return Math.Log10(D(1000)); }
    public static double test_log_base() { return Math.Log(D(8), D(2)); }
    public static double test_pow() { return Math.Pow(D(2), D(0.5)); }
    public static double test_pow_integer() { return Math.Pow(D(3), D(20)); }
    public static double test_pow_negative_base() { return Math.Pow(D(-8), D(1.0 / 3)); }
    public static double test_pow_zero_zero() { return Math.Pow(D(0), D(0)); }
    public static double test_pow_nan_zero() { return Math.Pow(D(double.NaN), D(0)); }
    public static double test_pow_one_nan() { return Math.Pow(D(1), D(double.NaN)); }
    public static double test_max_double() { return Math.Max(D(1.5), D(-2.5)); }
    public static double test_min_double() { return Math.Min(D(1.5), D(-2.5)); }
    public static double test_max_nan() { return Math.Max(D(double.NaN), D(1)); }
    public static int test_max_int() { return Math.Max(I(3), I(-7)); }
    public static int test_min_int() { return Math.Min(I(3), I(-7)); }
    public static long test_max_long() { return Math.Max(1L << 40, -(1L << 41)); }
    public static uint test_min_uint() { return Math.Min(0xFFFFFFFFu, 5u); }
    public static int test_abs_int() { return Math.Abs(I(-42)); }
    public static int test_abs_int_min() { return Math.Abs(I(int.MinValue)); }
    public static long test_abs_long() { return Math.Abs(-(1L << 50)); }
    public static int test_sign() { return Math.Sign(D(-0.1)) * 100 + Math.Sign(I(0)) * 10 + Math.Sign(I(5)); }
    public static int test_sign_nan() { return Math.Sign(D(double.NaN)); }
    public static double test_ieee_remainder() { return Math.IEEERemainder(D(10), D(3)); }
    public static long test_big_mul() { return Math.BigMul(I(int.MaxValue), I(int.MaxValue)); }
    public static float test_abs_float() { return Math.Abs(F(-1.25f)); }
    public static float test_max_float() { return Math.Max(F(1.25f), F(-3f)); }

    public static long test_grid_unary()
    {
        double[] v = Inputs(); long h = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double x = v[i];
            h = Mix(h, Math.Sqrt(x)); h = Mix(h, Math.Abs(x)); h = Mix(h, Math.Floor(x)); h = Mix(h, Math.Ceiling(x));
            h = Mix(h, Math.Round(x)); h = Mix(h, Math.Exp(x)); h = Mix(h, Math.Log(x)); h = Mix(h, Math.Log10(x));
            h = Mix(h, Math.Atan(x)); h = Mix(h, Math.Tanh(x)); h = Mix(h, Math.Truncate(x));
        }
        return h;
    }
    public static long test_grid_trig()
    {
        // sin/cos/tan of moderate arguments (results of libm and of the x87/SSE code Mono uses agree there).
        long h = 0;
        for (int i = -50; i <= 50; i++)
        {
            double x = i * 0.173;
            h = Mix(h, Math.Sin(x)); h = Mix(h, Math.Cos(x)); h = Mix(h, Math.Tan(x));
        }
        return h;
    }
    public static long test_grid_binary()
    {
        double[] v = Inputs(); long h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                h = Mix(h, Math.Atan2(v[i], v[j]));
                h = Mix(h, Math.Pow(v[i], v[j]));
                h = Mix(h, Math.Max(v[i], v[j]));
                h = Mix(h, Math.Min(v[i], v[j]));
            }
        return h;
    }
    public static double test_newton_sqrt() { double x = D(10), r = x; for (int i = 0; i < 30; i++) r = 0.5 * (r + x / r); return r - Math.Sqrt(x); }
}
