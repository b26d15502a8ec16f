// System.Math: rounding modes, powers, logarithms, trigonometry, integer helpers and edge values.
// (Mono computes Math.Cos/Math.Sin with the x87 instructions on some inputs, which differ from the C
// library in the last bit; clrpy uses the C library, so trigonometry is printed at a few points only.)
using System;
using System.Globalization;

static class Program
{
    static void P(string label, double v) { Console.WriteLine(label + " " + v.ToString("R", CultureInfo.InvariantCulture)); }

    static void Main()
    {
        double[] values = { -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4999, -2.6, 1e300, double.NaN, double.PositiveInfinity, -0.0 };
        foreach (double v in values)
        {
            Console.WriteLine(v.ToString("R", CultureInfo.InvariantCulture) + ": round " + Math.Round(v).ToString("R", CultureInfo.InvariantCulture)
                + " away " + Math.Round(v, MidpointRounding.AwayFromZero).ToString("R", CultureInfo.InvariantCulture)
                + " floor " + Math.Floor(v).ToString("R", CultureInfo.InvariantCulture)
                + " ceil " + Math.Ceiling(v).ToString("R", CultureInfo.InvariantCulture)
                + " trunc " + Math.Truncate(v).ToString("R", CultureInfo.InvariantCulture)
                + " abs " + Math.Abs(v).ToString("R", CultureInfo.InvariantCulture)
                + " sign " + (double.IsNaN(v) ? "nan" : Math.Sign(v).ToString()));
        }
        P("round 2 digits", Math.Round(1.005, 2));
        P("round 3 digits", Math.Round(2.71828, 3));
        P("round away 2", Math.Round(2.345, 2, MidpointRounding.AwayFromZero));
        P("sqrt 2", Math.Sqrt(2));
        P("sqrt -1", Math.Sqrt(-1));
        P("pow 2 10", Math.Pow(2, 10));
        P("pow 2 0.5", Math.Pow(2, 0.5));
        P("pow -8 1/3", Math.Pow(-8, 1.0 / 3));
        P("pow 0 0", Math.Pow(0, 0));
        P("exp 1", Math.Exp(1));
        P("log e", Math.Log(Math.E));
        P("log 0", Math.Log(0));
        P("log 8 base 2", Math.Log(8, 2));
        P("log10 1000", Math.Log10(1000));
        P("sin pi/6", Math.Sin(Math.PI / 6));
        P("cos pi/3", Math.Cos(Math.PI / 3));
        P("tan pi/4", Math.Tan(Math.PI / 4));
        P("asin 1", Math.Asin(1));
        P("acos 0", Math.Acos(0));
        P("atan 1", Math.Atan(1));
        P("atan2 1 -1", Math.Atan2(1, -1));
        P("sinh 1", Math.Sinh(1));
        P("cosh 1", Math.Cosh(1));
        P("tanh 1", Math.Tanh(1));
        P("ieeeremainder", Math.IEEERemainder(10, 3));
        P("fmod", 10.5 % 3);
        P("cbrt", Math.Cbrt(27));
        P("max nan", Math.Max(1.0, double.NaN));
        P("min -0 0", 1 / Math.Min(-0.0, 0.0));
        Console.WriteLine(Math.Max(3, 7) + " " + Math.Min(-3L, 7L) + " " + Math.Abs(-5) + " " + Math.Sign(-12) + " " + Math.BigMul(int.MaxValue, int.MaxValue));
        int rem;
        Console.WriteLine(Math.DivRem(17, 5, out rem) + " " + rem + " " + Math.DivRem(-17, 5, out rem) + " " + rem);
        try { Math.Abs(int.MinValue); }
        catch (OverflowException e) { Console.WriteLine("OverflowException: " + e.Message); }
        try { Math.Round(1.5, 20); }
        catch (ArgumentOutOfRangeException e) { Console.WriteLine("ArgumentOutOfRangeException: " + e.Message); }
        Console.WriteLine(Math.Round(1234.5678m, 2) + " " + Math.Floor(-1.5m) + " " + Math.Max(1.5m, 2m) + " " + Math.Abs(-3.25m));
        float f = 2.5f;
        Console.WriteLine(MathF.Sqrt(f).ToString("R", CultureInfo.InvariantCulture) + " " + MathF.Round(f) + " " + MathF.Pow(f, 3) + " " + MathF.Floor(-f) + " " + MathF.Abs(-f));
        double acc = 0;
        for (int i = 1; i < 1000; i++)
            acc += Math.Log(i) / Math.Sqrt(i) - Math.Exp(-i);
        P("accumulated", acc);
        Console.WriteLine(Math.PI.ToString(CultureInfo.InvariantCulture) + " " + Math.E.ToString(CultureInfo.InvariantCulture));
    }
}
