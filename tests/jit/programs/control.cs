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

    static int BigSwitch(int x)
    {
        switch (x)
        {
            case 0: return 0;
            case 1: return 7;
            case 2: return 14;
            case 3: return 21;
            case 4: return 28;
            case 5: return 35;
            case 6: return 42;
            case 7: return 49;
            case 8: return 56;
            case 9: return 63;
            case 10: return 70;
            case 11: return 77;
            case 12: return 84;
            case 13: return 91;
            case 14: return 98;
            case 15: return 4;
            case 16: return 11;
            case 17: return 18;
            case 18: return 25;
            case 19: return 32;
            case 20: return 39;
            case 21: return 46;
            case 22: return 53;
            case 23: return 60;
            case 24: return 67;
            case 25: return 74;
            case 26: return 81;
            case 27: return 88;
            case 28: return 95;
            case 29: return 1;
            case 30: return 8;
            case 31: return 15;
            case 32: return 22;
            case 33: return 29;
            case 34: return 36;
            case 35: return 43;
            case 36: return 50;
            case 37: return 57;
            case 38: return 64;
            case 39: return 71;
            case 40: return 78;
            case 41: return 85;
            case 42: return 92;
            case 43: return 99;
            case 44: return 5;
            case 45: return 12;
            case 46: return 19;
            case 47: return 26;
            case 48: return 33;
            case 49: return 40;
            case 50: return 47;
            case 51: return 54;
            case 52: return 61;
            case 53: return 68;
            case 54: return 75;
            case 55: return 82;
            case 56: return 89;
            case 57: return 96;
            case 58: return 2;
            case 59: return 9;
            case 60: return 16;
            case 61: return 23;
            case 62: return 30;
            case 63: return 37;
            case 64: return 44;
            case 65: return 51;
            case 66: return 58;
            case 67: return 65;
            case 68: return 72;
            case 69: return 79;
            case 70: return 86;
            case 71: return 93;
            case 72: return 100;
            case 73: return 6;
            case 74: return 13;
            case 75: return 20;
            case 76: return 27;
            case 77: return 34;
            case 78: return 41;
            case 79: return 48;
            case 80: return 55;
            case 81: return 62;
            case 82: return 69;
            case 83: return 76;
            case 84: return 83;
            case 85: return 90;
            case 86: return 97;
            case 87: return 3;
            case 88: return 10;
            case 89: return 17;
            case 90: return 24;
            case 91: return 31;
            case 92: return 38;
            case 93: return 45;
            case 94: return 52;
            case 95: return 59;
            case 96: return 66;
            case 97: return 73;
            case 98: return 80;
            case 99: return 87;
            case 100: return 94;
            case 101: return 0;
            case 102: return 7;
            case 103: return 14;
            case 104: return 21;
            case 105: return 28;
            case 106: return 35;
            case 107: return 42;
            case 108: return 49;
            case 109: return 56;
            case 110: return 63;
            case 111: return 70;
            case 112: return 77;
            case 113: return 84;
            case 114: return 91;
            case 115: return 98;
            case 116: return 4;
            case 117: return 11;
            case 118: return 18;
            case 119: return 25;
            default: return -x;
        }
    }
    public static int test_big_switch() { int h = 0; for (int i = -5; i < 130; i++) h = h * 31 + BigSwitch(i); return h; }
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
