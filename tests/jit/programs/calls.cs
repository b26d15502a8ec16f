// Static calls with arguments and results of every primitive type, native ints and pointers,
// many arguments, ref/out arguments (ldarga, ldind/stind through byrefs), starg, and recursion
// (including 100,000 frames deep).
using System;

public static unsafe class CallTests
{
    static bool Not(bool b) { return !b; }
    static sbyte NegI1(sbyte x) { return (sbyte)-x; }
    static byte IncU1(byte x) { return (byte)(x + 1); }
    static short NegI2(short x) { return (short)-x; }
    static ushort IncU2(ushort x) { return (ushort)(x + 1); }
    static char NextChar(char c) { return (char)(c + 1); }
    static int NegI4(int x) { return -x; }
    static uint IncU4(uint x) { return x + 1; }
    static long NegI8(long x) { return -x; }
    static ulong IncU8(ulong x) { return x + 1; }
    static float HalfR4(float x) { return x / 2; }
    static double HalfR8(double x) { return x / 2; }
    static IntPtr AddIntPtr(IntPtr p, int n) { return p + n; }
    static UIntPtr SameUIntPtr(UIntPtr p) { return p; }
    static int* AdvanceInt(int* p, int n) { return p + n; }
    static void* SameVoid(void* p) { return p; }

    static long Many(sbyte a, byte b, short c, ushort d, int e, uint f, long g, ulong h, float i, double j, char k, bool l)
    {
        return a + b * 3 + c * 5 + d * 7 + e * 11 + f * 13 + g * 17 + (long)h * 19 + (long)(i * 23) + (long)(j * 29) + k * 31 + (l ? 37 : 0);
    }

    static double ManyDoubles(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j)
    {
        return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j;
    }

    static float MixedFloats(float a, double b, float c, int d, float e, long f, double g, float h, float i, float j)
    {
        return (float)(a - b * c + d - e * f + g - h + i * j);
    }

    static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
    static void Outs(out long x, out double y, out byte z) { x = -1; y = 0.5; z = 255; }
    static void AddTo(ref double acc, double x) { acc += x; }
    static int ArgChanged(int x) { x = x * 2; x += 1; return x; }
    static void RefToArg(int x, out int addr) { AddOne(ref x); addr = x; }
    static void AddOne(ref int x) { x++; }
    static sbyte ChangeSmallArg(sbyte x) { x += 100; return x; }

    static int Depth(int n) { return n == 0 ? 0 : 1 + Depth(n - 1); }
    static long SumTo(long n) { if (n == 0) return 0; return n + SumTo(n - 1); }
    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
    static int Ackermann(int m, int n) { if (m == 0) return n + 1; if (n == 0) return Ackermann(m - 1, 1); return Ackermann(m - 1, Ackermann(m, n - 1)); }
    static bool IsEven(int n) { return n == 0 ? true : IsOdd(n - 1); }
    static bool IsOdd(int n) { return n == 0 ? false : IsEven(n - 1); }
    static int Thrower(int n) { if (n == 0) return 1 / n; return Thrower(n - 1) + 1; }
    static void VoidMethod() { }
    static int counter;
    static void Increment() { counter++; }

    public static bool test_bool() { return Not(false); }
    public static sbyte test_i1() { return NegI1(-128); }
    public static byte test_u1() { return IncU1(255); }
    public static short test_i2() { return NegI2(-32768); }
    public static ushort test_u2() { return IncU2(65535); }
    public static char test_char() { return NextChar('A'); }
    public static int test_i4() { return NegI4(int.MinValue); }
    public static uint test_u4() { return IncU4(uint.MaxValue); }
    public static long test_i8() { return NegI8(long.MinValue + 1); }
    public static ulong test_u8() { return IncU8(ulong.MaxValue - 1); }
    public static float test_r4() { return HalfR4(3f); }
    public static double test_r8() { return HalfR8(3.0); }
    public static IntPtr test_intptr() { return AddIntPtr(new IntPtr(100), -200); }
    public static UIntPtr test_uintptr() { return SameUIntPtr(new UIntPtr(0xFFFFFFFFFFFFFFFFUL)); }
    public static long test_pointer() { return (long)AdvanceInt((int*)0x1000, 3); }
    public static long test_void_pointer() { return (long)SameVoid((void*)-8); }
    public static int test_small_results_widen() { return NegI1(5) + IncU1(200) + NegI2(300) + IncU2(40000); }
    public static long test_many_args() { return Many(-5, 250, -300, 60000, -70000, 4000000000u, -1L << 40, 1UL << 50, 1.5f, -2.25, 'x', true); }
    public static double test_many_doubles() { return ManyDoubles(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5); }
    public static float test_mixed_floats() { return MixedFloats(1.5f, 2.5, 3.5f, 4, 5.5f, 6, 7.5, 8.5f, 9.5f, 10.5f); }
    public static int test_ref_swap() { int a = 1, b = 2; Swap(ref a, ref b); return a * 10 + b; }
    public static double test_out_args() { long x; double y; byte z; Outs(out x, out y, out z); return x + y + z; }
    public static double test_ref_accumulate() { double acc = 0; for (int i = 1; i <= 10; i++) AddTo(ref acc, i * 0.5); return acc; }
    public static int test_starg() { return ArgChanged(20); }
    public static int test_ldarga() { int r; RefToArg(41, out r); return r; }
    public static sbyte test_small_arg_wraps() { return ChangeSmallArg(100); }
    public static int test_recursion_100000() { return Depth(100000); }
    public static long test_recursion_long() { return SumTo(50000); }
    public static int test_fib() { return Fib(22); }
    public static int test_ackermann() { return Ackermann(2, 3); }
    public static bool test_mutual_recursion() { return IsEven(10001); }
    public static int test_exception_from_deep_frame() { return Thrower(50); }
    public static int test_void_calls() { counter = 0; for (int i = 0; i < 10; i++) { VoidMethod(); Increment(); } return counter; }
    public static int test_call_in_expression() { return NegI4(NegI4(7) * NegI4(-3)) + (int)IncU4(IncU4(5)); }
}
