// Static fields of every primitive type (ldsfld, stsfld, ldsflda), and class initialisation: when
// a class constructor runs, precise (an explicit static constructor) against beforefieldinit
// (field initialisers only), observed through the order the constructors record. Each test uses its
// own classes, so the tests do not depend on the order they run in.
using System;

public static class Statics
{
    public static bool B; public static sbyte I1; public static byte U1; public static short I2; public static ushort U2;
    public static char C; public static int I4; public static uint U4; public static long I8; public static ulong U8;
    public static float R4; public static double R8; public static IntPtr IP; public static UIntPtr UP; public static string S;
    public const int Constant = 42;
}

public static class Initialised
{
    public static bool B = true; public static sbyte I1 = -100; public static byte U1 = 200; public static short I2 = -30000;
    public static ushort U2 = 60000; public static char C = 'q'; public static int I4 = -2000000000; public static uint U4 = 4000000000;
    public static long I8 = -1L << 60; public static ulong U8 = 1UL << 63; public static float R4 = 1.25f; public static double R8 = -2.5e100;
    public static string S = "init";
}

// Each Log records a sequence of small numbers as decimal digits.
public static class LogA { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogB { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogC { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogD { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogE { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogF { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogG { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogH { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogI { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogJ { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogK { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogL { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogM { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogO { public static int T; public static void Add(int k) { T = T * 10 + k; } }
public static class LogN { public static int T; public static void Add(int k) { T = T * 10 + k; } }

public class PreciseA { public static int X; static PreciseA() { LogA.Add(1); X = 5; } }
public class BeforeFieldInitB { public static int X = Init(); static int Init() { LogB.Add(1); return 5; } }
public class PreciseC { static PreciseC() { LogC.Add(1); } public static int M() { LogC.Add(2); return 7; } }
public class PreciseD { public int V; static PreciseD() { LogD.Add(1); } public PreciseD() { LogD.Add(2); V = 9; } }
public class PreciseE { public static int X = 3; static PreciseE() { LogE.Add(1); } }
public class PreciseF { public static int Runs; static PreciseF() { Runs++; } public static int Get() { return Runs; } }
public class OuterG { public static int X; static OuterG() { LogG.Add(1); X = InnerG.Y + 1; LogG.Add(3); } }
public class InnerG { public static int Y; static InnerG() { LogG.Add(2); Y = 40; } }
public class CycleH1 { public static int X; public static int Seen; static CycleH1() { LogH.Add(1); X = 10; Seen = CycleH2.Y; } }
public class CycleH2 { public static int Y; public static int Seen; static CycleH2() { LogH.Add(2); Seen = CycleH1.X; Y = 20; } }
public class ThrowingI { public static int X; static ThrowingI() { LogI.Add(1); int z = 0; X = 1 / z; } }
public class ThrowingBfiJ { public static int X = Fail(); static int Fail() { LogJ.Add(1); int z = 0; return 1 / z; } }
public struct StructK { public static long X; public int F; static StructK() { LogK.Add(1); X = 77; } public int Get() { return F + 1; } }
public class BeforeFieldInitL { public static int X = Init(); static int Init() { LogL.Add(1); return 6; } }
public class ViaCalleeL { public static int Read() { return BeforeFieldInitL.X; } }
public class BeforeFieldInitM { public static int X = Init(); static int Init() { LogM.Add(1); return 8; } public static int M() { LogM.Add(2); return 3; } }
public class PreciseO { public static int X; static PreciseO() { LogO.Add(1); X = 5; } }
public class PreciseN { public static int X = Init(); static PreciseN() { LogN.Add(2); } static int Init() { LogN.Add(1); return 4; } }

public static class StaticsTests
{
    static void IncRef(ref int x) { x++; }
    static void IncRef(ref long x) { x++; }
    static void IncRef(ref double x) { x += 1; }
    static void IncRef(ref float x) { x += 1; }
    static void IncRef(ref sbyte x) { x++; }
    static void IncRef(ref ushort x) { x++; }
    static void IncRef(ref char x) { x++; }
    static void Flip(ref bool x) { x = !x; }

    public static bool test_static_bool() { Statics.B = true; return Statics.B; }
    public static sbyte test_static_i1() { Statics.I1 = -128; Statics.I1--; return Statics.I1; }
    public static byte test_static_u1() { Statics.U1 = 255; Statics.U1++; return Statics.U1; }
    public static short test_static_i2() { Statics.I2 = short.MinValue; return Statics.I2; }
    public static ushort test_static_u2() { Statics.U2 = 65535; return Statics.U2; }
    public static char test_static_char() { Statics.C = 'Z'; return Statics.C; }
    public static int test_static_i4() { Statics.I4 = 17; Statics.I4 *= 3; return Statics.I4; }
    public static uint test_static_u4() { Statics.U4 = 0xFFFFFFFF; return Statics.U4; }
    public static long test_static_i8() { Statics.I8 = long.MinValue; return Statics.I8; }
    public static ulong test_static_u8() { Statics.U8 = ulong.MaxValue; return Statics.U8; }
    public static float test_static_r4() { Statics.R4 = 0.1f; return Statics.R4 * 3; }
    public static double test_static_r8() { Statics.R8 = 0.1; return Statics.R8 * 3; }
    public static IntPtr test_static_intptr() { Statics.IP = new IntPtr(-77); return Statics.IP; }
    public static UIntPtr test_static_uintptr() { Statics.UP = new UIntPtr(1UL << 63); return Statics.UP; }
    public static string test_static_string() { Statics.S = "static"; return Statics.S; }
    public static int test_static_const() { return Statics.Constant; }
    public static long test_ldsflda()
    {
        Statics.I4 = 1; Statics.I8 = 2; Statics.R8 = 3; Statics.R4 = 4; Statics.I1 = 5; Statics.U2 = 6; Statics.C = 'a'; Statics.B = false;
        IncRef(ref Statics.I4); IncRef(ref Statics.I8); IncRef(ref Statics.R8); IncRef(ref Statics.R4);
        IncRef(ref Statics.I1); IncRef(ref Statics.U2); IncRef(ref Statics.C); Flip(ref Statics.B);
        return Statics.I4 + Statics.I8 * 10 + (long)Statics.R8 * 100 + (long)Statics.R4 * 1000 + Statics.I1 * 10000L
             + Statics.U2 * 100000L + Statics.C * 1000000L + (Statics.B ? 1000000000000L : 0);
    }
    public static bool test_init_bool() { return Initialised.B; }
    public static sbyte test_init_i1() { return Initialised.I1; }
    public static byte test_init_u1() { return Initialised.U1; }
    public static short test_init_i2() { return Initialised.I2; }
    public static ushort test_init_u2() { return Initialised.U2; }
    public static char test_init_char() { return Initialised.C; }
    public static int test_init_i4() { return Initialised.I4; }
    public static uint test_init_u4() { return Initialised.U4; }
    public static long test_init_i8() { return Initialised.I8; }
    public static ulong test_init_u8() { return Initialised.U8; }
    public static float test_init_r4() { return Initialised.R4; }
    public static double test_init_r8() { return Initialised.R8; }
    public static string test_init_string() { return Initialised.S; }

    // -- class constructors ---------------------------------------------------------------------------
    public static int test_cctor_precise_on_field_access()
    {
        LogA.Add(2);
        int x = PreciseA.X;
        LogA.Add(3);
        return LogA.T * 100 + x;
    }
    public static int test_cctor_beforefieldinit_on_field_access()
    {
        LogB.Add(2);
        int x = BeforeFieldInitB.X;
        LogB.Add(3);
        return LogB.T * 100 + x;
    }
    public static int test_cctor_precise_on_static_call()
    {
        LogC.Add(3);
        int x = PreciseC.M();
        LogC.Add(4);
        return LogC.T * 100 + x;
    }
    public static int test_cctor_precise_on_newobj()
    {
        LogD.Add(3);
        PreciseD d = new PreciseD();
        LogD.Add(4);
        PreciseD e = new PreciseD();
        return LogD.T * 100 + d.V + e.V;
    }
    public static int test_cctor_not_run_by_array_of_type()
    {
        PreciseE[] a = new PreciseE[3];
        LogE.Add(2);
        int x = PreciseE.X;
        return LogE.T * 100 + x + a.Length;
    }
    public static int test_cctor_runs_once()
    {
        int s = 0;
        for (int i = 0; i < 5; i++) s += PreciseF.Get() + PreciseF.Runs;
        return s;
    }
    public static int test_cctor_nested()
    {
        int x = OuterG.X;
        return LogG.T * 100 + x;
    }
    public static int test_cctor_cycle()
    {
        int x = CycleH1.X;
        return LogH.T * 10000 + CycleH1.Seen * 100 + CycleH2.Seen;
    }
    public static int test_cctor_throws() { return ThrowingI.X; }
    public static int test_cctor_throws_every_time() { return ThrowingI.X + 1; }
    public static int test_cctor_beforefieldinit_throws() { return ThrowingBfiJ.X; }
    public static int test_cctor_value_type_static_field()
    {
        LogK.Add(2);
        StructK k = new StructK();
        int f = k.Get();
        LogK.Add(3);
        long x = StructK.X;
        return LogK.T * 1000 + (int)x * 10 + f;
    }
    public static int test_cctor_beforefieldinit_not_run_by_static_call()
    {
        int x = BeforeFieldInitM.M();
        LogM.Add(3);
        return LogM.T * 10 + x;
    }
    public static int test_cctor_initialisers_then_body()
    {
        LogN.Add(3);
        int x = PreciseN.X;
        return LogN.T * 10 + x;
    }
    public static int test_cctor_precise_on_ldsflda()
    {
        LogO.Add(2);
        IncRef(ref PreciseO.X);
        LogO.Add(3);
        return LogO.T * 10 + PreciseO.X;
    }
    public static int test_cctor_beforefieldinit_through_callee()
    {
        LogL.Add(2);
        int x = ViaCalleeL.Read();
        LogL.Add(3);
        return LogL.T * 100 + x;
    }
}
