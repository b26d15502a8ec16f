// Native ints (IntPtr/UIntPtr as values, and pointer arithmetic), through unsafe C#.
using System;

public static unsafe class NativeIntTests
{
    static IntPtr P(long x) { return new IntPtr(x); }

    public static IntPtr test_intptr_roundtrip() { IntPtr p = new IntPtr(-12345678901L); return p; }
    public static long test_intptr_to_long() { IntPtr p = new IntPtr(0x123456789L); return p.ToInt64(); }
    public static UIntPtr test_uintptr_max() { UIntPtr p = new UIntPtr(ulong.MaxValue); return p; }
    public static IntPtr test_intptr_add() { IntPtr p = P(1000); return p + 24; }
    public static IntPtr test_intptr_sub() { IntPtr p = P(1000); return p - 2000; }
    public static bool test_intptr_equal() { return P(5) == P(5); }
    public static bool test_intptr_zero() { return IntPtr.Zero == P(0); }
    public static int test_intptr_size() { return IntPtr.Size; }
    public static int test_sizeof_pointer() { return sizeof(int*); }
    public static long test_pointer_arith()
    {
        long* p = (long*)0x1000;
        p += 3;
        p--;
        return (long)p;
    }
    public static long test_pointer_difference()
    {
        int* a = (int*)0x1000;
        int* b = (int*)0x1028;
        return b - a;
    }
    public static long test_pointer_difference_negative()
    {
        short* a = (short*)0x1000;
        short* b = (short*)0x0FF0;
        return b - a;
    }
    public static bool test_pointer_compare() { byte* a = (byte*)0x10; byte* b = (byte*)0xFFFFFFFF00000000UL; return a < b; }
    public static long test_pointer_index() { long* p = (long*)0; return (long)&p[5]; }
    public static ulong test_pointer_to_ulong() { void* p = (void*)0xFFFFFFFFFFFFFFF0UL; return (ulong)p; }
    public static int test_pointer_to_int_truncates() { void* p = (void*)0x1234567890L; return (int)p; }
    public static long test_int_to_pointer_sign_extends() { int x = -16; void* p = (void*)x; return (long)p; }
    public static long test_uint_to_pointer_zero_extends() { uint x = 0xFFFFFFF0; void* p = (void*)x; return (long)p; }
}
