// Single-dimensional arrays of every primitive type (and strings and objects): newarr, ldlen,
// ldelem.*, stelem.*, ldelema, bounds checks and negative sizes.
using System;

public static class ArrayTests
{
    static int I(int x) { return x; }
    static long L(long x) { return x; }
    static void Inc(ref int x) { x++; }
    static void Inc(ref double x) { x += 1; }

    public static int test_int_array() { int[] a = new int[10]; for (int i = 0; i < a.Length; i++) a[i] = i * i; int s = 0; foreach (int x in a) s += x; return s; }
    public static int test_length() { int[] a = new int[I(37)]; return a.Length; }
    public static long test_long_length() { byte[] a = new byte[I(5)]; return a.LongLength; }
    public static int test_empty_array() { int[] a = new int[0]; return a.Length; }
    public static int test_default_zero() { long[] a = new long[5]; return (int)(a[0] + a[4]); }
    public static int test_sbyte_array() { sbyte[] a = new sbyte[3]; a[0] = -128; a[1] = 127; a[2] = (sbyte)(a[0] - 1); return a[0] * 10000 + a[1] * 100 + a[2]; }
    public static int test_byte_array() { byte[] a = new byte[3]; a[0] = 255; a[1] = (byte)(a[0] + 1); a[2] = 128; return a[0] * 10000 + a[1] * 100 + a[2]; }
    public static int test_short_array() { short[] a = new short[2]; a[0] = -32768; a[1] = (short)(a[0] - 1); return a[0] + a[1]; }
    public static int test_ushort_array() { ushort[] a = new ushort[2]; a[0] = 65535; a[1] = (ushort)(a[0] + 2); return a[0] * 10 + a[1]; }
    public static int test_char_array() { char[] a = new char[3]; a[0] = 'a'; a[1] = '\uFFFF'; a[2] = (char)(a[0] + 1); return a[0] + a[1] + a[2]; }
    public static bool test_bool_array() { bool[] a = new bool[4]; a[1] = true; a[3] = !a[0]; return a[1] & a[3] & !a[2]; }
    public static uint test_uint_array() { uint[] a = new uint[2]; a[0] = 0xFFFFFFFF; a[1] = a[0] / 3; return a[0] - a[1]; }
    public static long test_long_array() { long[] a = new long[3]; a[0] = long.MinValue; a[1] = long.MaxValue; a[2] = a[0] + a[1]; return a[2]; }
    public static ulong test_ulong_array() { ulong[] a = new ulong[2]; a[0] = ulong.MaxValue; a[1] = a[0] >> 1; return a[0] - a[1]; }
    public static float test_float_array() { float[] a = new float[3]; a[0] = 0.1f; a[1] = 0.2f; a[2] = a[0] + a[1]; return a[2]; }
    public static double test_double_array() { double[] a = new double[3]; a[0] = 0.1; a[1] = 0.2; a[2] = a[0] + a[1]; return a[2]; }
    public static float test_float_array_store_rounds() { float[] a = new float[1]; double d = 0.1; a[0] = (float)d; return a[0]; }
    public static IntPtr test_intptr_array() { IntPtr[] a = new IntPtr[2]; a[1] = new IntPtr(-5); return a[1]; }
    public static string test_string_array() { string[] a = new string[3]; a[0] = "x"; a[2] = "z"; return a[2]; }
    public static bool test_string_array_null() { string[] a = new string[3]; return a[1] == null; }
    public static int test_object_array() { object[] a = new object[2]; a[0] = null; return a.Length + (a[0] == null ? 1 : 0); }
    public static int test_ldelema_ref() { int[] a = new int[3]; Inc(ref a[1]); Inc(ref a[1]); Inc(ref a[2]); return a[0] * 100 + a[1] * 10 + a[2]; }
    public static double test_ldelema_double() { double[] a = new double[2]; a[1] = 1.5; Inc(ref a[1]); return a[1]; }
    public static int test_compound_element() { int[] a = new int[2]; a[1] += 5; a[1] *= 3; a[1]++; return a[1]; }
    public static int test_index_long() { int[] a = new int[4]; a[L(3)] = 9; return a[L(3)]; }
    public static int test_index_uint() { int[] a = new int[4]; uint i = 2; a[i] = 8; return a[i]; }
    public static int test_array_of_arrays() { int[][] j = new int[3][]; for (int i = 0; i < 3; i++) { j[i] = new int[i + 1]; j[i][i] = i + 1; } return j[0][0] + j[1][1] * 10 + j[2][2] * 100 + j[2].Length * 1000; }
    public static int test_big_array() { int[] a = new int[1 << 20]; a[(1 << 20) - 1] = 7; return a[(1 << 20) - 1] + a.Length; }

    public static int test_index_out_of_range() { int[] a = new int[3]; return a[I(3)]; }
    public static int test_index_negative() { int[] a = new int[3]; return a[I(-1)]; }
    public static int test_store_out_of_range() { int[] a = new int[3]; a[I(5)] = 1; return 0; }
    public static int test_ldelema_out_of_range() { int[] a = new int[3]; Inc(ref a[I(3)]); return 0; }
    public static int test_index_long_negative() { int[] a = new int[3]; return a[L(-1)]; }
    public static int test_empty_array_access() { int[] a = new int[0]; return a[0]; }
    public static int test_byte_index_out_of_range() { byte[] a = new byte[3]; return a[I(3)]; }
    public static double test_double_index_out_of_range() { double[] a = new double[2]; a[I(2)] = 1; return 0; }
    public static int test_null_array() { int[] a = null; return a[0]; }
    public static int test_null_array_length() { int[] a = null; return a.Length; }
    public static int test_negative_size() { int[] a = new int[I(-1)]; return a.Length; }
    public static int test_negative_size_min() { byte[] a = new byte[I(int.MinValue)]; return a.Length; }
    public static int test_negative_size_long() { int[] a = new int[L(-5)]; return a.Length; }

    public static int test_size_beyond_int_max() { byte[] a = new byte[L(0x80000000L)]; return a.Length; }
    public static int test_size_beyond_uint_max() { byte[] a = new byte[L(0x100000001L)]; return a.Length; }
    public static int test_size_uint_max() { byte[] a = new byte[(uint)I(-1)]; return a.Length; }
    public static int test_bubble_sort()
    {
        int[] a = new int[50];
        int seed = 12345;
        for (int i = 0; i < a.Length; i++) { seed = seed * 1103515245 + 12345; a[i] = (seed >> 16) & 0x7FFF; }
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j + 1 < a.Length - i; j++)
                if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
        int h = 0;
        for (int i = 0; i < a.Length; i++) h = h * 31 + a[i];
        return h;
    }
    public static long test_prime_sieve()
    {
        bool[] composite = new bool[10001];
        long sum = 0;
        for (int i = 2; i <= 10000; i++)
        {
            if (composite[i]) continue;
            sum += i;
            for (int j = i * i; j <= 10000; j += i) composite[j] = true;
        }
        return sum;
    }
}
