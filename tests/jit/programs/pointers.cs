// Unsafe code: ldind.*/stind.* through pointers of every primitive type, stackalloc (localloc),
// fixed (pinned locals), pointer arithmetic, sizeof, and pointers to locals and fields.
using System;

public struct Pair { public int A; public long B; }

public static unsafe class PointerTests
{
    static void Fill(byte* p, int n, byte v) { for (int i = 0; i < n; i++) p[i] = v; }
    static int Sum(int* p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }

    public static int test_stackalloc() { int* p = stackalloc int[16]; for (int i = 0; i < 16; i++) p[i] = i * i; return Sum(p, 16); }
    public static int test_stackalloc_zeroed() { long* p = stackalloc long[32]; long s = 0; for (int i = 0; i < 32; i++) s |= p[i]; return (int)s; }
    public static int test_stackalloc_bytes() { byte* p = stackalloc byte[100]; Fill(p, 100, 3); int s = 0; for (int i = 0; i < 100; i++) s += p[i]; return s; }
    public static int test_stackalloc_in_loop()
    {
        int total = 0;
        for (int round = 0; round < 100; round++)
        {
            int* p = stackalloc int[4];
            p[0] = round; p[3] = 1;
            total += p[0] + p[3];
        }
        return total;
    }
    public static long test_all_widths()
    {
        byte* buf = stackalloc byte[64];
        *(sbyte*)(buf + 0) = -2; *(byte*)(buf + 1) = 0xFE; *(short*)(buf + 2) = -300; *(ushort*)(buf + 4) = 0xFFF0;
        *(int*)(buf + 8) = -70000; *(uint*)(buf + 12) = 0xFFFFFFF0; *(long*)(buf + 16) = -1L << 50;
        *(ulong*)(buf + 24) = ulong.MaxValue; *(float*)(buf + 32) = 1.5f; *(double*)(buf + 40) = -2.25;
        *(char*)(buf + 48) = 'Q'; *(bool*)(buf + 50) = true; *(IntPtr*)(buf + 56) = new IntPtr(-9);
        return *(sbyte*)(buf + 0) + *(byte*)(buf + 1) + *(short*)(buf + 2) + *(ushort*)(buf + 4) + *(int*)(buf + 8)
             + *(uint*)(buf + 12) + (*(long*)(buf + 16) >> 30) + (long)(*(ulong*)(buf + 24) >> 40) + (long)(*(float*)(buf + 32) * 4)
             + (long)(*(double*)(buf + 40) * 4) + *(char*)(buf + 48) + (*(bool*)(buf + 50) ? 1000 : 0) + (long)*(IntPtr*)(buf + 56);
    }
    public static long test_reinterpret_bytes()
    {
        long x = 0x0102030405060708L;
        byte* p = (byte*)&x;
        long h = 0;
        for (int i = 0; i < 8; i++) h = h * 16 + p[i];
        return h;
    }
    public static int test_float_bits() { float f = -1.5f; return *(int*)&f; }
    public static double test_double_from_bits() { long b = 0x400921FB54442D18L; return *(double*)&b; }
    public static float test_float_store_through_pointer() { float f; float* p = &f; double d = 0.1; *p = (float)d; return f; }
    public static int test_pointer_to_local() { int a = 5; int* p = &a; *p += 10; (*p)++; return a; }
    public static long test_struct_pointer() { Pair s; Pair* p = &s; p->A = 7; p->B = 1L << 40; (*p).A *= 2; return s.A + s.B; }
    public static int test_fixed_array()
    {
        int[] a = new int[10];
        fixed (int* p = a)
        {
            for (int i = 0; i < 10; i++) p[i] = i + 1;
        }
        int s = 0;
        for (int i = 0; i < 10; i++) s += a[i] * (i + 1);
        return s;
    }
    public static int test_fixed_field() { Holder h = new Holder(); fixed (long* p = &h.Value) { *p = 42; } return (int)h.Value; }
    public static int test_sizeofs() { return sizeof(byte) + sizeof(short) * 10 + sizeof(int) * 100 + sizeof(long) * 1000 + sizeof(Pair) * 10000 + sizeof(double) * 100000; }
    public static long test_pointer_walk()
    {
        long* p = stackalloc long[10];
        for (long* q = p; q < p + 10; q++) *q = (long)(q - p) * 3;
        long s = 0;
        long* end = p + 10;
        while (p < end) s += *p++;
        return s;
    }
    public static int test_negative_pointer_index() { int* p = stackalloc int[4]; int* mid = p + 2; mid[-1] = 11; mid[-2] = 22; return p[0] * 100 + p[1]; }
    public static ushort test_char_string_fixed()
    {
        string s = "ABC";
        fixed (char* p = s) { return (ushort)(p[0] + p[1] * 2 + p[2] * 3 + p[3]); }
    }
}

public class Holder { public long Value; }
