// Comparisons, every branch form (short and long), switch (dense, sparse, with gaps, on long and
// string lengths), loops, goto, and the ternary operator.
using System;

public static class ControlTests
{
    static int I(int x) { return x; }

    static int Classify(int x)
    {
        switch (x)
        {
            case 0: return 100;
            case 1: return 101;
            case 2: return 102;
            case 3: return 103;
            case 5: return 105;
            case 6: return 106;
            case 7: return 107;
            case 8: return 108;
            default: return -1;
        }
    }

    static int Sparse(int x)
    {
        switch (x)
        {
            case -1000000: return 1;
            case -5: return 2;
            case 17: return 3;
            case 1000: return 4;
            case int.MaxValue: return 5;
            case int.MinValue: return 6;
            default: return 0;
        }
    }

    static int SwitchFallsThroughGoto(int x)
    {
        int r = 0;
        switch (x)
        {
            case 0: r += 1; goto case 1;
            case 1: r += 10; goto case 2;
            case 2: r += 100; break;
            case 3: r += 1000; goto default;
            default: r += 10000; break;
        }
        return r;
    }

    static long SwitchOnLong(long x)
    {
        switch (x)
        {
            case 10: return 1;
            case 11: return 2;
            case 12: return 3;
            case 13: return 4;
            case 0x100000000L: return 5;
            default: return 6;
        }
    }

    static int SwitchOnChar(char c)
    {
        switch (c)
        {
            case 'a': return 1;
            case 'b': return 2;
            case 'c': return 3;
            case 'd': return 4;
            case 'z': return 26;
            default: return 0;
        }
    }

    public static int test_switch_dense()
    {
        int h = 0;
        for (int i = -3; i < 12; i++) h = h * 7 + Classify(i);
        return h;
    }
    public static int test_switch_sparse()
    {
        int[] v = new int[8];
        v[0] = -1000000; v[1] = -5; v[2] = 17; v[3] = 1000; v[4] = int.MaxValue; v[5] = int.MinValue; v[6] = 3; v[7] = 999;
        int h = 0;
        for (int i = 0; i < v.Length; i++) h = h * 7 + Sparse(v[i]);
        return h;
    }
    public static int test_switch_goto_case() { int h = 0; for (int i = 0; i < 6; i++) h = h * 3 + SwitchFallsThroughGoto(i); return h; }
    public static long test_switch_long() { long h = 0; for (long i = 8; i < 15; i++) h = h * 7 + SwitchOnLong(i); return h * 7 + SwitchOnLong(0x100000000L); }
    public static int test_switch_char() { int h = 0; for (char c = '`'; c <= 'e'; c++) h = h * 5 + SwitchOnChar(c); return h + SwitchOnChar('z'); }
    public static int test_switch_negative_index() { return Classify(I(-1)) + Classify(I(int.MinValue)); }
    public static int test_switch_big_index() { return Classify(I(int.MaxValue)); }

    public static int test_while_loop() { int i = 0, s = 0; while (i < 100) { s += i; i++; } return s; }
    public static int test_do_while() { int i = 10, s = 0; do { s += i; i--; } while (i > 0); return s; }
    public static int test_for_break_continue()
    {
        int s = 0;
        for (int i = 0; i < 100; i++)
        {
            if (i % 3 == 0) continue;
            if (i > 50) break;
            s += i;
        }
        return s;
    }
    public static int test_nested_loops_labels()
    {
        int s = 0;
        for (int i = 0; i < 10; i++)
        {
            for (int j = 0; j < 10; j++)
            {
                if (j > i) goto next;
                s += i * j;
            }
        next:
            s++;
        }
        return s;
    }
    public static int test_goto_backward()
    {
        int i = 0, s = 0;
    again:
        s += i;
        i++;
        if (i < 20) goto again;
        return s;
    }
    public static long test_long_loop_counter() { long s = 0; for (long i = 0; i < 100000; i++) s += i ^ (i >> 3); return s; }
    public static uint test_unsigned_loop_down() { uint s = 0; for (uint i = 10; i > 0; i--) s = s * 3 + i; return s; }
    public static int test_ternary_chain() { int x = I(5); return x < 0 ? -1 : x == 0 ? 0 : x < 10 ? 1 : 2; }
    public static bool test_bool_ops() { bool a = I(1) == 1, b = I(2) == 3; return (a & !b) | (a ^ b) & !(a && b); }
    public static int test_bool_to_int() { bool a = I(3) > 2; return a ? 7 : 9; }
    public static bool test_compare_results() { int a = I(3), b = I(4); bool lt = a < b, gt = a > b, eq = a == b; return lt && !gt && !eq; }
    public static int test_compare_as_values()
    {
        int a = I(3), b = I(4), r = 0;
        bool[] bs = new bool[6];
        bs[0] = a < b; bs[1] = a > b; bs[2] = a <= b; bs[3] = a >= b; bs[4] = a == b; bs[5] = a != b;
        for (int i = 0; i < 6; i++) r = r * 2 + (bs[i] ? 1 : 0);
        return r;
    }
    public static int test_long_branches()
    {
        // A loop body big enough that mcs uses the long branch forms.
        int s = 0;
        for (int i = 0; i < 10; i++)
        {
            s += i * 3; s ^= s << 1; s += i * 5; s ^= s >> 2; s += i * 7; s ^= s << 3; s += i * 11; s ^= s >> 4;
            s += i * 13; s ^= s << 5; s += i * 17; s ^= s >> 6; s += i * 19; s ^= s << 7; s += i * 23; s ^= s >> 8;
            s += i * 29; s ^= s << 9; s += i * 31; s ^= s >> 10; s += i * 37; s ^= s << 11; s += i * 41; s ^= s >> 12;
            s += i * 43; s ^= s << 13; s += i * 47; s ^= s >> 14; s += i * 53; s ^= s << 15; s += i * 59; s ^= s >> 16;
            if (s == 12345) break;
        }
        return s;
    }
    public static int test_collatz()
    {
        int longest = 0, best = 0;
        for (int n = 1; n < 3000; n++)
        {
            long x = n; int steps = 0;
            while (x != 1) { x = (x & 1) == 0 ? x / 2 : 3 * x + 1; steps++; }
            if (steps > longest) { longest = steps; best = n; }
        }
        return best * 1000 + longest;
    }
}
