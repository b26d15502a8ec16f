// int32 and uint32 arithmetic, bitwise operations and shifts, checked and unchecked, with the
// exceptions of division (by zero, int.MinValue / -1) and of overflow.
using System;

public static class Int32Tests
{
    static int I(int x) { return x; }
    static uint U(uint x) { return x; }

    // A grid of interesting operands; every binary operation is folded over all pairs.
    static int[] Values()
    {
        int[] v = new int[16];
        v[0] = 0; v[1] = 1; v[2] = -1; v[3] = 2; v[4] = -2; v[5] = 7; v[6] = -7; v[7] = 100;
        v[8] = int.MaxValue; v[9] = int.MinValue; v[10] = int.MaxValue - 1; v[11] = int.MinValue + 1;
        v[12] = 65536; v[13] = -65535; v[14] = 0x12345678; v[15] = unchecked((int)0x87654321);
        return v;
    }

    static int Mix(int h, int x) { return unchecked(h * 31 + x); }

    public static int test_add() { int a = 40, b = 2; return a + b; }
    public static int test_add_wraps() { int a = int.MaxValue, b = 1; return a + b; }
    public static int test_sub() { int a = 40, b = 2; return a - b; }
    public static int test_sub_wraps() { int a = int.MinValue, b = 1; return a - b; }
    public static int test_mul() { int a = -6, b = 7; return a * b; }
    public static int test_mul_wraps() { int a = 0x10000, b = 0x10001; return a * b; }
    public static int test_div() { int a = -7, b = 2; return a / b; }
    public static int test_div_neg_neg() { int a = -7, b = -2; return a / b; }
    public static int test_rem() { int a = -7, b = 2; return a % b; }
    public static int test_rem_pos_neg() { int a = 7, b = -2; return a % b; }
    public static int test_div_by_zero() { int a = 7, b = 0; return a / b; }
    public static int test_rem_by_zero() { int a = 7, b = 0; return a % b; }
    public static int test_div_zero_by_zero() { int a = 0, b = 0; return a / b; }
    public static int test_div_min_by_minus_one() { int a = int.MinValue, b = -1; return a / b; }
    public static int test_rem_min_by_minus_one() { int a = int.MinValue, b = -1; return a % b; }
    public static int test_rem_by_minus_one() { int a = 12345, b = -1; return a % b; }
    public static int test_div_min_by_one() { int a = int.MinValue, b = 1; return a / b; }
    public static int test_div_min_by_min() { int a = int.MinValue, b = int.MinValue; return a / b; }
    public static int test_neg() { int a = 5; return -a; }
    public static int test_neg_min() { int a = int.MinValue; return -a; }
    public static int test_not() { int a = 0x0F0F; return ~a; }
    public static int test_and() { int a = 0x0FF0, b = 0x3C3C; return a & b; }
    public static int test_or() { int a = 0x0FF0, b = 0x3C3C; return a | b; }
    public static int test_xor() { int a = 0x0FF0, b = 0x3C3C; return a ^ b; }
    public static int test_shl() { int a = 3, n = 30; return a << n; }
    public static int test_shl_32() { int a = 3, n = 32; return a << n; }
    public static int test_shl_33() { int a = 3, n = 33; return a << n; }
    public static int test_shl_neg_count() { int a = 3, n = -1; return a << n; }
    public static int test_shr() { int a = -256, n = 4; return a >> n; }
    public static int test_shr_31() { int a = int.MinValue, n = 31; return a >> n; }
    public static int test_shr_40() { int a = -256, n = 40; return a >> n; }
    public static uint test_shr_un() { uint a = 0x80000000u; int n = 4; return a >> n; }
    public static uint test_shr_un_35() { uint a = 0x80000000u; int n = 35; return a >> n; }
    public static int test_compound_assign()
    {
        int x = 10;
        x += 5; x -= 3; x *= 7; x /= 2; x %= 17; x <<= 3; x >>= 1; x &= 0xFF; x |= 0x100; x ^= 0x55;
        return x;
    }
    public static int test_increments()
    {
        int x = 5;
        int a = x++;
        int b = ++x;
        int c = x--;
        int d = --x;
        return a * 1000 + b * 100 + c * 10 + d;
    }

    // -- unsigned -------------------------------------------------------------------------------------
    public static uint test_uint_add_wraps() { uint a = uint.MaxValue, b = 2; return a + b; }
    public static uint test_uint_sub_wraps() { uint a = 1, b = 2; return a - b; }
    public static uint test_uint_mul() { uint a = 0xFFFF, b = 0x10001; return a * b; }
    public static uint test_uint_div() { uint a = 0xFFFFFFFE, b = 3; return a / b; }
    public static uint test_uint_rem() { uint a = 0xFFFFFFFE, b = 7; return a % b; }
    public static uint test_uint_div_big() { uint a = 0xFFFFFFFE, b = 0x80000000; return a / b; }
    public static uint test_uint_div_by_zero() { uint a = 1, b = 0; return a / b; }
    public static uint test_uint_rem_by_zero() { uint a = 1, b = 0; return a % b; }
    public static uint test_uint_div_by_max() { uint a = uint.MaxValue, b = uint.MaxValue; return a / b; }
    public static bool test_uint_compare() { uint a = 0x80000000, b = 1; return a > b; }
    public static bool test_uint_compare_le() { uint a = 0x80000000, b = 1; return a <= b; }
    public static bool test_uint_compare_lt() { uint a = 1, b = 0xFFFFFFFF; return a < b; }
    public static bool test_uint_compare_ge() { uint a = 1, b = 0xFFFFFFFF; return a >= b; }
    public static uint test_uint_not() { uint a = 5; return ~a; }
    public static long test_uint_to_long() { uint a = 0xFFFFFFF0; return a; }

    // -- checked --------------------------------------------------------------------------------------
    public static int test_checked_add() { int a = 1000, b = 2000; return checked(a + b); }
    public static int test_checked_add_overflow() { int a = int.MaxValue, b = 1; return checked(a + b); }
    public static int test_checked_add_overflow_neg() { int a = int.MinValue, b = -1; return checked(a + b); }
    public static int test_checked_sub() { int a = -5, b = 7; return checked(a - b); }
    public static int test_checked_sub_overflow() { int a = int.MinValue, b = 1; return checked(a - b); }
    public static int test_checked_sub_overflow_pos() { int a = int.MaxValue, b = -1; return checked(a - b); }
    public static int test_checked_mul() { int a = -46340, b = 46340; return checked(a * b); }
    public static int test_checked_mul_overflow() { int a = 46341, b = 46341; return checked(a * b); }
    public static int test_checked_mul_min() { int a = int.MinValue, b = -1; return checked(a * b); }
    public static int test_checked_mul_min_ok() { int a = -65536, b = 32768; return checked(a * b); }
    public static int test_checked_neg_min() { int a = int.MinValue; return checked(-a); }
    public static uint test_checked_uint_add() { uint a = 0xFFFFFFF0, b = 15; return checked(a + b); }
    public static uint test_checked_uint_add_overflow() { uint a = 0xFFFFFFF0, b = 16; return checked(a + b); }
    public static uint test_checked_uint_sub_overflow() { uint a = 1, b = 2; return checked(a - b); }
    public static uint test_checked_uint_sub() { uint a = 2, b = 2; return checked(a - b); }
    public static uint test_checked_uint_mul() { uint a = 0xFFFF, b = 0x10001; return checked(a * b); }
    public static uint test_checked_uint_mul_overflow() { uint a = 0x10000, b = 0x10000; return checked(a * b); }
    public static int test_checked_increment_overflow() { int a = int.MaxValue; checked { a++; } return a; }
    public static int test_checked_compound() { int a = 5; checked { a *= 1000; a += 7; a -= 2; } return a; }

    // -- grids (every pair of interesting values) -------------------------------------------------------
    public static int test_grid_add() { int[] v = Values(); int h = 0; for (int i = 0; i < v.Length; i++) for (int j = 0; j < v.Length; j++) h = Mix(h, v[i] + v[j]); return h; }
    public static int test_grid_sub() { int[] v = Values(); int h = 0; for (int i = 0; i < v.Length; i++) for (int j = 0; j < v.Length; j++) h = Mix(h, v[i] - v[j]); return h; }
    public static int test_grid_mul() { int[] v = Values(); int h = 0; for (int i = 0; i < v.Length; i++) for (int j = 0; j < v.Length; j++) h = Mix(h, v[i] * v[j]); return h; }
    public static int test_grid_div_rem()
    {
        int[] v = Values(); int h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                if (v[j] == 0 || (v[i] == int.MinValue && v[j] == -1)) continue;
                h = Mix(h, v[i] / v[j]);
                h = Mix(h, v[i] % v[j]);
            }
        return h;
    }
    public static int test_grid_div_rem_unsigned()
    {
        int[] v = Values(); int h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                if (v[j] == 0) continue;
                h = Mix(h, (int)((uint)v[i] / (uint)v[j]));
                h = Mix(h, (int)((uint)v[i] % (uint)v[j]));
            }
        return h;
    }
    public static int test_grid_bitwise() { int[] v = Values(); int h = 0; for (int i = 0; i < v.Length; i++) for (int j = 0; j < v.Length; j++) { h = Mix(h, v[i] & v[j]); h = Mix(h, v[i] | v[j]); h = Mix(h, v[i] ^ v[j]); } return h; }
    public static int test_grid_shifts() { int[] v = Values(); int h = 0; for (int i = 0; i < v.Length; i++) for (int n = -3; n < 70; n++) { h = Mix(h, v[i] << n); h = Mix(h, v[i] >> n); h = Mix(h, (int)((uint)v[i] >> n)); } return h; }
    public static int test_grid_compare()
    {
        int[] v = Values(); int h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                int bits = (v[i] < v[j] ? 1 : 0) | (v[i] <= v[j] ? 2 : 0) | (v[i] > v[j] ? 4 : 0) | (v[i] >= v[j] ? 8 : 0)
                         | (v[i] == v[j] ? 16 : 0) | (v[i] != v[j] ? 32 : 0)
                         | ((uint)v[i] < (uint)v[j] ? 64 : 0) | ((uint)v[i] <= (uint)v[j] ? 128 : 0)
                         | ((uint)v[i] > (uint)v[j] ? 256 : 0) | ((uint)v[i] >= (uint)v[j] ? 512 : 0);
                h = Mix(h, bits);
            }
        return h;
    }
    public static int test_grid_checked()
    {
        // Counts the pairs that overflow, per operation, and mixes in the results of those that don't.
        int[] v = Values(); int h = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
            {
                long s = (long)v[i] + v[j], d = (long)v[i] - v[j], p = (long)v[i] * v[j];
                if (s >= int.MinValue && s <= int.MaxValue) h = Mix(h, checked(v[i] + v[j])); else h = Mix(h, 1);
                if (d >= int.MinValue && d <= int.MaxValue) h = Mix(h, checked(v[i] - v[j])); else h = Mix(h, 2);
                if (p >= int.MinValue && p <= int.MaxValue) h = Mix(h, checked(v[i] * v[j])); else h = Mix(h, 3);
            }
        return h;
    }
    public static int test_opaque_args() { return I(7) * I(-3) + I(100) / I(7) - I(100) % I(7); }
    public static uint test_opaque_uint_args() { return U(7) * U(0xFFFFFFFD) + U(100) / U(7); }
    public static int test_conditional_operators() { int a = I(5), b = I(0); return (a > 3 && b == 0 ? 1 : 0) + (a < 3 || b != 0 ? 10 : 0) + (!(a == 5) ? 100 : 0); }
}
