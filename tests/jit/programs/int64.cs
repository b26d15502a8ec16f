// int64 and uint64 arithmetic, bitwise operations and shifts, checked and unchecked, and mixed
// int32/int64 expressions.
using System;

public static class Int64Tests
{
    static long L(long x) { return x; }

    static long[] Values()
    {
        long[] v = new long[18];
        v[0] = 0; v[1] = 1; v[2] = -1; v[3] = 2; v[4] = -2; v[5] = 7; v[6] = -7; v[7] = 1000000007;
        v[8] = long.MaxValue; v[9] = long.MinValue; v[10] = long.MaxValue - 1; v[11] = long.MinValue + 1;
        v[12] = 0x100000000L; v[13] = -0xFFFFFFFFL; v[14] = 0x123456789ABCDEF0L; v[15] = unchecked((long)0xFEDCBA9876543210UL);
        v[16] = int.MaxValue; v[17] = int.MinValue;
        return v;
    }

    static long Mix(long h, long x) { return unchecked(h * 1000003 + x); }

    public static long test_add() { long a = 0x7FFFFFFF, b = 1; return a + b; }
    public static long test_add_wraps() { long a = long.MaxValue, b = 1; return a + b; }
    public static long test_sub() { long a = 0, b = 0x100000000L; return a - b; }
    public static long test_mul() { long a = 0x100000000L, b = 0x10000L; return a * b; }
    public static long test_mul_wraps() { long a = 0x100000000L, b = 0x100000001L; return a * b; }
    public static long test_div() { long a = -0x7FFFFFFFFFL, b = 3; return a / b; }
    public static long test_rem() { long a = -0x7FFFFFFFFFL, b = 1000; return a % b; }
    public static long test_div_by_zero() { long a = 1, b = 0; return a / b; }
    public static long test_rem_by_zero() { long a = 1, b = 0; return a % b; }
    public static long test_div_min_by_minus_one() { long a = long.MinValue, b = -1; return a / b; }
    public static long test_rem_min_by_minus_one() { long a = long.MinValue, b = -1; return a % b; }
    public static long test_rem_by_minus_one() { long a = -99, b = -1; return a % b; }
    public static long test_neg() { long a = 0x100000000L; return -a; }
    public static long test_neg_min() { long a = long.MinValue; return -a; }
    public static long test_not() { long a = 0x00FF00FF00FF00FFL; return ~a; }
    public static long test_and() { long a = 0x0FF00FF00FF00FF0L, b = 0x3C3C3C3C3C3C3C3CL; return a & b; }
    public static long test_or() { long a = 0x0FF00FF00FF00FF0L, b = 0x3C3C3C3C3C3C3C3CL; return a | b; }
    public static long test_xor() { long a = 0x0FF00FF00FF00FF0L, b = 0x3C3C3C3C3C3C3C3CL; return a ^ b; }
    public static long test_shl() { long a = 3; int n = 62; return a << n; }
    public static long test_shl_64() { long a = 3; int n = 64; return a << n; }
    public static long test_shl_65() { long a = 3; int n = 65; return a << n; }
    public static long test_shr() { long a = long.MinValue; int n = 63; return a >> n; }
    public static long test_shr_70() { long a = -1024; int n = 70; return a >> n; }
    public static ulong test_shr_un() { ulong a = 0x8000000000000000UL; int n = 63; return a >> n; }
    public static ulong test_shr_un_67() { ulong a = 0x8000000000000000UL; int n = 67; return a >> n; }

    public static ulong test_ulong_max() { ulong a = ulong.MaxValue; return a; }
    public static ulong test_ulong_add_wraps() { ulong a = ulong.MaxValue, b = 2; return a + b; }
    public static ulong test_ulong_div() { ulong a = ulong.MaxValue, b = 10; return a / b; }
    public static ulong test_ulong_rem() { ulong a = ulong.MaxValue, b = 10; return a % b; }
    public static ulong test_ulong_div_big() { ulong a = ulong.MaxValue - 5, b = 0x8000000000000000UL; return a / b; }
    public static ulong test_ulong_div_by_zero() { ulong a = 5, b = 0; return a / b; }
    public static ulong test_ulong_rem_by_zero() { ulong a = 5, b = 0; return a % b; }
    public static bool test_ulong_compare() { ulong a = 0x8000000000000000UL, b = 1; return a > b; }
    public static ulong test_ulong_mul() { ulong a = 0xFFFFFFFFUL, b = 0xFFFFFFFFUL; return a * b; }

    public static long test_checked_add_overflow() { long a = long.MaxValue, b = 1; return checked(a + b); }
    public static long test_checked_add() { long a = long.MaxValue - 1, b = 1; return checked(a + b); }
    public static long test_checked_sub_overflow() { long a = long.MinValue, b = 1; return checked(a - b); }
    public static long test_checked_mul_overflow() { long a = 0x100000000L, b = 0x80000000L; return checked(a * b); }
    public static long test_checked_mul_ok() { long a = 0x100000000L, b = 0x7FFFFFFFL; return checked(a * b); }
    public static long test_checked_mul_neg_ok() { long a = -0x100000000L, b = 0x80000000L; return checked(a * b); }
    public static ulong test_checked_ulong_add_overflow() { ulong a = ulong.MaxValue, b = 1; return checked(a + b); }
    public static ulong test_checked_ulong_sub_overflow() { ulong a = 0, b = 1; return checked(a - b); }
    public static ulong test_checked_ulong_mul_overflow() { ulong a = 0x100000000UL, b = 0x100000000UL; return checked(a * b); }
    public static ulong test_checked_ulong_mul() { ulong a = 0xFFFFFFFFUL, b = 0x100000001UL; return checked(a * b); }
    public static long test_checked_neg_min() { long a = long.MinValue; return checked(-a); }

    // -- mixing int32 and int64 (C# widens the int32 with conv.i8 or conv.u8) ------------------------
    public static long test_mixed_add() { int a = -5; long b = 0x100000000L; return a + b; }
    public static long test_mixed_uint() { uint a = 0xFFFFFFFF; long b = 1; return a + b; }
    public static long test_mixed_mul() { int a = int.MinValue; long b = 2; return a * b; }
    public static ulong test_mixed_ulong() { uint a = 0xFFFFFFFF; ulong b = 1; return a + b; }
    public static long test_int_mul_then_widen() { int a = 0x10000, b = 0x10000; return (long)(a * b); }
    public static long test_widen_then_mul() { int a = 0x10000, b = 0x10000; return (long)a * b; }

    public static long test_grid_add_sub_mul()
    {
        long[] v = Values(); long h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                h = Mix(h, v[i] + v[j]);
                h = Mix(h, v[i] - v[j]);
                h = Mix(h, v[i] * v[j]);
            }
        return h;
    }
    public static long test_grid_div_rem()
    {
        long[] v = Values(); long h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                if (v[j] == 0 || (v[i] == long.MinValue && v[j] == -1)) continue;
                h = Mix(h, v[i] / v[j]);
                h = Mix(h, v[i] % v[j]);
                h = Mix(h, (long)((ulong)v[i] / (ulong)v[j]));
                h = Mix(h, (long)((ulong)v[i] % (ulong)v[j]));
            }
        return h;
    }
    public static long test_grid_bitwise_shifts()
    {
        long[] v = Values(); long h = 0;
        for (int i = 0; i < v.Length; i++)
        {
            for (int j = 0; j < v.Length; j++)
            {
                h = Mix(h, v[i] & v[j]);
                h = Mix(h, v[i] | v[j]);
                h = Mix(h, v[i] ^ v[j]);
            }
            for (int n = -2; n < 130; n += 3)
            {
                h = Mix(h, v[i] << n);
                h = Mix(h, v[i] >> n);
                h = Mix(h, (long)((ulong)v[i] >> n));
            }
        }
        return h;
    }
    public static long test_grid_compare()
    {
        long[] v = Values(); long h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                int bits = (v[i] < v[j] ? 1 : 0) | (v[i] <= v[j] ? 2 : 0) | (v[i] > v[j] ? 4 : 0) | (v[i] >= v[j] ? 8 : 0)
                         | (v[i] == v[j] ? 16 : 0) | (v[i] != v[j] ? 32 : 0)
                         | ((ulong)v[i] < (ulong)v[j] ? 64 : 0) | ((ulong)v[i] <= (ulong)v[j] ? 128 : 0)
                         | ((ulong)v[i] > (ulong)v[j] ? 256 : 0) | ((ulong)v[i] >= (ulong)v[j] ? 512 : 0);
                h = Mix(h, bits);
            }
        return h;
    }
    public static long test_opaque() { return L(0x123456789L) * L(-3) + L(1L << 40) / L(7) - L(1L << 40) % L(7); }
    public static long test_checked_grid_overflow_count()
    {
        long[] v = Values(); long count = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                // Overflow detected without exceptions: compare against the math on halves.
                long s = unchecked(v[i] + v[j]);
                bool addOverflows = ((v[i] ^ s) & (v[j] ^ s)) < 0;
                if (!addOverflows) count += checked(v[i] + v[j]) == s ? 1 : 1000;
                else count += 7;
            }
        return count;
    }
}
