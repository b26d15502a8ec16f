// conv.* and conv.ovf.* (and .un) from every source type to every target type: truncation and
// extension, float to integer rounding (toward zero) and out-of-range/NaN results, integer to
// float rounding, and the overflow checks.
using System;

public static class ConversionTests
{
    static double[] Doubles()
    {
        double[] v = new double[30];
        double zero = 0.0;
        v[0] = 0.0; v[1] = -zero; v[2] = 0.9; v[3] = -0.9; v[4] = 1.5; v[5] = -1.5; v[6] = 2.5; v[7] = 127.9;
        v[8] = 128.0; v[9] = -128.9; v[10] = -129.0; v[11] = 255.9; v[12] = 256.0; v[13] = 32767.5; v[14] = -32769.0;
        v[15] = 65535.99; v[16] = 2147483647.9; v[17] = 2147483648.0; v[18] = -2147483648.9; v[19] = -2147483649.0;
        v[20] = 4294967295.5; v[21] = 4294967296.0; v[22] = 9.2233720368547748E+18; v[23] = 9.2233720368547758E+18;
        v[24] = -9.2233720368547758E+18; v[25] = 1.8446744073709550E+19; v[26] = 1.8446744073709552E+19;
        v[27] = 1.0 / zero; v[28] = -1.0 / zero; v[29] = zero / zero;
        return v;
    }

    static long[] Longs()
    {
        long[] v = new long[16];
        v[0] = 0; v[1] = 1; v[2] = -1; v[3] = 127; v[4] = 128; v[5] = -129; v[6] = 255; v[7] = 65535; v[8] = -32768;
        v[9] = int.MaxValue; v[10] = int.MinValue; v[11] = uint.MaxValue; v[12] = long.MaxValue; v[13] = long.MinValue;
        v[14] = 0x123456789ABCDEFL; v[15] = (1L << 53) + 1;
        return v;
    }

    static long Mix(long h, long x) { return unchecked(h * 1000003 + x); }
    static long MixD(long h, double d) { return Mix(h, d != d ? 0x7FF8 : BitConverter.DoubleToInt64Bits(d)); }

    // -- integer to integer -----------------------------------------------------------------------------
    public static int test_i4_to_i1() { int x = 0x1FF; return (sbyte)x; }
    public static int test_i4_to_i1_neg() { int x = 0x180; return (sbyte)x; }
    public static int test_i4_to_u1() { int x = -1; return (byte)x; }
    public static int test_i4_to_i2() { int x = 0x18000; return (short)x; }
    public static int test_i4_to_u2() { int x = -1; return (ushort)x; }
    public static char test_i4_to_char() { int x = 0x10041; return (char)x; }
    public static long test_i4_to_i8() { int x = -5; return (long)x; }
    public static ulong test_i4_to_u8() { int x = -5; return (ulong)x; }
    public static ulong test_u4_to_u8() { uint x = 0xFFFFFFFB; return (ulong)x; }
    public static long test_u4_to_i8() { uint x = 0xFFFFFFFB; return (long)x; }
    public static int test_i8_to_i4() { long x = 0x1FFFFFFFFL; return (int)x; }
    public static uint test_i8_to_u4() { long x = -2; return (uint)x; }
    public static int test_i8_to_i1() { long x = 0x7F80; return (sbyte)x; }
    public static sbyte test_return_i1() { int x = 200; return (sbyte)x; }
    public static byte test_return_u1() { int x = -56; return (byte)x; }
    public static short test_return_i2() { int x = 40000; return (short)x; }
    public static ushort test_return_u2() { int x = -1; return (ushort)x; }
    public static long test_grid_int_to_int()
    {
        long[] v = Longs(); long h = 0;
        for (int i = 0; i < v.Length; i++)
        {
            long x = v[i];
            h = Mix(h, (sbyte)x); h = Mix(h, (byte)x); h = Mix(h, (short)x); h = Mix(h, (ushort)x);
            h = Mix(h, (int)x); h = Mix(h, (uint)x); h = Mix(h, (char)x);
            int y = (int)x;
            h = Mix(h, (sbyte)y); h = Mix(h, (byte)y); h = Mix(h, (short)y); h = Mix(h, (ushort)y);
            h = Mix(h, (long)y); h = Mix(h, (long)(ulong)(uint)y);
        }
        return h;
    }

    // -- integer to float ---------------------------------------------------------------------------------
    public static double test_i4_to_r8() { int x = int.MinValue; return (double)x; }
    public static double test_u4_to_r8() { uint x = 0xFFFFFFFF; return (double)x; }
    public static double test_i8_to_r8_rounding() { long x = (1L << 53) + 1; return (double)x; }
    public static double test_i8_to_r8_min() { long x = long.MinValue; return (double)x; }
    public static double test_u8_to_r8() { ulong x = ulong.MaxValue; return (double)x; }
    public static double test_u8_to_r8_high_bit() { ulong x = 0x8000000000000801UL; return (double)x; }
    public static float test_u8_to_r4() { ulong x = 0x8000008000000001UL; return (float)x; }
    public static float test_u4_to_r4() { uint x = 0xFFFFFF7F; return (float)x; }
    public static float test_i8_to_r4() { long x = 0x7FFFFF7FFFFFFFFFL; return (float)x; }
    public static float test_i4_to_r4() { int x = 0x7FFFFFC0; return (float)x; }
    // Rounding once (int64 -> float32 directly) or twice (uint64 goes through float64 with conv.r.un).
    public static float test_i8_to_r4_single_rounding() { long x = (1L << 60) + (1L << 36) + 1; return (float)x; }
    public static float test_u8_to_r4_via_double() { ulong x = (1UL << 60) + (1UL << 36) + 1; return (float)x; }
    public static float test_u8_to_r4_high() { ulong x = (1UL << 63) + (1UL << 39) + 1; return (float)x; }
    public static float test_u4_to_r4_round_up() { uint x = 0x80000081u; return (float)x; }
    public static double test_u8_to_r8_round_to_even_up() { ulong x = 0x8000000000000C00UL; return (double)x; }
    public static double test_u8_to_r8_above_half() { ulong x = 0x8000000000000401UL; return (double)x; }
    public static double test_u8_to_r8_top() { ulong x = 0xFFFFFFFFFFFFFC00UL; return (double)x; }
    public static long test_grid_int_to_float()
    {
        long[] v = Longs(); long h = 0;
        for (int i = 0; i < v.Length; i++)
        {
            long x = v[i];
            h = MixD(h, (double)x); h = MixD(h, (float)x); h = MixD(h, (double)(ulong)x); h = MixD(h, (float)(ulong)x);
            h = MixD(h, (double)(int)x); h = MixD(h, (float)(int)x); h = MixD(h, (double)(uint)x); h = MixD(h, (float)(uint)x);
        }
        return h;
    }

    // -- float to integer (truncation; out of range and NaN as Mono on x86-64) ------------------------------
    public static int test_r8_to_i4() { double d = -2.9; return (int)d; }
    public static int test_r8_to_i4_big() { double d = 3e9; return (int)d; }
    public static int test_r8_to_i4_nan() { double d = double.NaN; return (int)d; }
    public static uint test_r8_to_u4() { double d = 3e9; return (uint)d; }
    public static uint test_r8_to_u4_negative() { double d = -1.0; return (uint)d; }
    public static long test_r8_to_i8_big() { double d = 1e19; return (long)d; }
    public static ulong test_r8_to_u8() { double d = 1e19; return (ulong)d; }
    public static ulong test_r8_to_u8_negative() { double d = -1.0; return (ulong)d; }
    public static ulong test_r8_to_u8_nan() { double d = double.NaN; return (ulong)d; }
    public static int test_r8_to_i1() { double d = 300.7; return (sbyte)d; }
    public static int test_r8_to_u2() { double d = -1.5; return (ushort)d; }
    public static char test_r8_to_char() { double d = 65.9; return (char)d; }
    public static int test_r4_to_i4() { float f = -2.9f; return (int)f; }
    public static long test_r4_to_i8() { float f = 1e10f; return (long)f; }
    public static ulong test_r4_to_u8() { float f = 1.5e19f; return (ulong)f; }
    public static long test_grid_float_to_int()
    {
        double[] v = Doubles(); long h = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double d = v[i];
            h = Mix(h, (sbyte)d); h = Mix(h, (byte)d); h = Mix(h, (short)d); h = Mix(h, (ushort)d); h = Mix(h, (char)d);
            h = Mix(h, (int)d); h = Mix(h, (uint)d); h = Mix(h, (long)d); h = Mix(h, (long)(ulong)d);
            float f = (float)d;
            h = Mix(h, (sbyte)f); h = Mix(h, (byte)f); h = Mix(h, (short)f); h = Mix(h, (ushort)f);
            h = Mix(h, (int)f); h = Mix(h, (uint)f); h = Mix(h, (long)f); h = Mix(h, (long)(ulong)f);
        }
        return h;
    }
    public static long test_grid_float_to_float()
    {
        double[] v = Doubles(); long h = 0;
        for (int i = 0; i < v.Length; i++) { h = MixD(h, (float)v[i]); h = MixD(h, (double)(float)v[i]); }
        return h;
    }

    // -- checked conversions --------------------------------------------------------------------------------
    public static int test_ovf_i4_to_i1() { int x = 127; return checked((sbyte)x); }
    public static int test_ovf_i4_to_i1_fails() { int x = 128; return checked((sbyte)x); }
    public static int test_ovf_i4_to_i1_fails_low() { int x = -129; return checked((sbyte)x); }
    public static int test_ovf_i4_to_u1_fails() { int x = -1; return checked((byte)x); }
    public static int test_ovf_i4_to_u1() { int x = 255; return checked((byte)x); }
    public static int test_ovf_i4_to_i2_fails() { int x = 32768; return checked((short)x); }
    public static int test_ovf_i4_to_u2_fails() { int x = 65536; return checked((ushort)x); }
    public static char test_ovf_i4_to_char_fails() { int x = -1; return checked((char)x); }
    public static uint test_ovf_i4_to_u4_fails() { int x = -1; return checked((uint)x); }
    public static ulong test_ovf_i4_to_u8_fails() { int x = -1; return checked((ulong)x); }
    public static ulong test_ovf_i8_to_u8_fails() { long x = -1; return checked((ulong)x); }
    public static int test_ovf_i8_to_i4() { long x = int.MinValue; return checked((int)x); }
    public static int test_ovf_i8_to_i4_fails() { long x = 1L + int.MaxValue; return checked((int)x); }
    public static uint test_ovf_i8_to_u4_fails() { long x = 1L << 32; return checked((uint)x); }
    public static int test_ovf_u4_to_i4_fails() { uint x = 0x80000000; return checked((int)x); }
    public static int test_ovf_u4_to_i4() { uint x = 0x7FFFFFFF; return checked((int)x); }
    public static int test_ovf_u4_to_i1_fails() { uint x = 128; return checked((sbyte)x); }
    public static int test_ovf_u4_to_u1_fails() { uint x = 256; return checked((byte)x); }
    public static int test_ovf_u4_to_u2() { uint x = 65535; return checked((ushort)x); }
    public static long test_ovf_u8_to_i8_fails() { ulong x = 0x8000000000000000UL; return checked((long)x); }
    public static int test_ovf_u8_to_i4_fails() { ulong x = 0x80000000UL; return checked((int)x); }
    public static uint test_ovf_u8_to_u4() { ulong x = 0xFFFFFFFFUL; return checked((uint)x); }
    public static int test_ovf_r8_to_i4() { double d = -2147483648.9; return checked((int)d); }
    public static int test_ovf_r8_to_i4_fails() { double d = 2147483648.0; return checked((int)d); }
    public static int test_ovf_r8_to_i4_fails_low() { double d = -2147483649.0; return checked((int)d); }
    public static int test_ovf_r8_to_i4_nan() { double d = double.NaN; return checked((int)d); }
    public static uint test_ovf_r8_to_u4_neg_fraction() { double d = -0.9; return checked((uint)d); }
    public static uint test_ovf_r8_to_u4_fails() { double d = -1.0; return checked((uint)d); }
    public static uint test_ovf_r8_to_u4() { double d = 4294967295.9; return checked((uint)d); }
    public static long test_ovf_r8_to_i8_fails() { double d = 9.2233720368547758E+18; return checked((long)d); }
    public static long test_ovf_r8_to_i8_min() { double d = -9.2233720368547758E+18; return checked((long)d); }
    public static ulong test_ovf_r8_to_u8() { double d = 1.8446744073709550E+19; return checked((ulong)d); }
    public static ulong test_ovf_r8_to_u8_fails() { double d = 1.8446744073709552E+19; return checked((ulong)d); }
    public static ulong test_ovf_r8_to_u8_neg_fraction() { double d = -0.5; return checked((ulong)d); }
    public static int test_ovf_r8_to_i1() { double d = -128.99; return checked((sbyte)d); }
    public static int test_ovf_r8_to_u1_fails() { double d = 256.0; return checked((byte)d); }
    public static int test_ovf_r4_to_i2_fails() { float f = 32768f; return checked((short)f); }
    public static int test_ovf_r8_inf_fails() { double d = double.PositiveInfinity; return checked((int)d); }
    public static long test_grid_checked_float_to_int()
    {
        // For each value and target: the converted value, or a marker when the conversion overflows.
        double[] v = Doubles(); long h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int t = 0; t < 8; t++)
                h = Mix(h, CheckedConvert(v[i], t));
        return h;
    }
    static long CheckedConvert(double d, int target)
    {
        // Ranges first (no exception is thrown or caught here: catching is not part of this stage).
        double lo, hi;
        switch (target)
        {
            case 0: lo = -129; hi = 128; break;
            case 1: lo = -1; hi = 256; break;
            case 2: lo = -32769; hi = 32768; break;
            case 3: lo = -1; hi = 65536; break;
            case 4: lo = -2147483649.0; hi = 2147483648.0; break;
            case 5: lo = -1; hi = 4294967296.0; break;
            case 6: lo = -9223372036854777856.0; hi = 9223372036854775808.0; break;
            default: lo = -1; hi = 18446744073709551616.0; break;
        }
        if (!(d > lo && d < hi)) return 0x5A5A;
        switch (target)
        {
            case 0: return checked((sbyte)d);
            case 1: return checked((byte)d);
            case 2: return checked((short)d);
            case 3: return checked((ushort)d);
            case 4: return checked((int)d);
            case 5: return checked((uint)d);
            case 6: return checked((long)d);
            default: return (long)checked((ulong)d);
        }
    }
}
