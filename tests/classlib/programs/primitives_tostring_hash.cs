// ToString, GetHashCode, Equals and CompareTo of the primitive types, boxed and unboxed.
using System;
using System.Globalization;

static class Program
{
    static void Show(object o)
    {
        Console.WriteLine(o.GetType().Name + " " + o + " hash " + o.GetHashCode() + " equals-self " + o.Equals(o));
    }

    static void Main()
    {
        Show(0); Show(-1); Show(int.MaxValue); Show(int.MinValue);
        Show(0L); Show(-1L); Show(long.MaxValue); Show(long.MinValue); Show(1L << 40);
        Show((short)-5); Show((ushort)65535); Show((byte)255); Show((sbyte)-128);
        Show(0u); Show(uint.MaxValue); Show(ulong.MaxValue); Show(1ul << 63);
        Show(true); Show(false); Show('A'); Show('\0');
        Show(0.0); Show(-0.0); Show(1.5); Show(double.NaN); Show(double.PositiveInfinity); Show(double.Epsilon); Show(double.MaxValue); Show(0.1 + 0.2);
        Show(0.0f); Show(1.5f); Show(float.NaN); Show(float.MinValue); Show(3.14159f);
        Show(0m); Show(1.50m); Show(-79228162514264337593543950335m); Show(0.0001m);
        Show(IntPtr.Zero); Show(new IntPtr(1234));
        Console.WriteLine("int equals " + 5.Equals(5) + " " + 5.Equals(5L) + " " + 5.Equals((object)5) + " long " + 5L.Equals(5));
        Console.WriteLine("double equals " + double.NaN.Equals(double.NaN) + " " + (double.NaN == double.NaN) + " " + 0.0.Equals(-0.0) + " " + (0.0 == -0.0));
        Console.WriteLine("compare " + 1.CompareTo(2) + " " + 2.CompareTo(1) + " " + 1.CompareTo(1) + " " + double.NaN.CompareTo(0.0) + " " + 0.0.CompareTo(double.NaN) + " " + "a".CompareTo("b"));
        Console.WriteLine("compare object " + 3.CompareTo((object)2) + " null " + 3.CompareTo(null) + " bool " + true.CompareTo(false) + " char " + 'b'.CompareTo('a'));
        try { 3.CompareTo("x"); }
        catch (ArgumentException ex) { Console.WriteLine("compare wrong type: " + ex.Message); }
        Console.WriteLine("bool strings " + bool.TrueString + " " + bool.FalseString + " " + true.ToString() + " parse " + bool.Parse(" TRUE ") + " " + bool.Parse("false"));
        Console.WriteLine("string hash equal " + ("abc".GetHashCode() == new string(new[] { 'a', 'b', 'c' }).GetHashCode()) + " differs " + ("abc".GetHashCode() != "abd".GetHashCode()));
        Console.WriteLine("invariant " + 1234.5.ToString(CultureInfo.InvariantCulture) + " " + (-0.0).ToString(CultureInfo.InvariantCulture) + " " + 1e21.ToString() + " " + 1e-7.ToString() + " " + 123456789012345.0.ToString());
        Console.WriteLine("round trip " + 0.1.ToString("R") + " " + (1.0 / 3).ToString("R") + " " + 1.1f.ToString("R") + " " + (2.0 / 3).ToString());
        Console.WriteLine("decimal " + (1m / 3m) + " " + (10m / 4m) + " " + decimal.MaxValue + " " + (0.1m + 0.2m) + " " + Math.Round(2.345m, 2) + " " + decimal.Round(2.5m) + " " + decimal.Truncate(-2.7m));
        Console.WriteLine("type codes " + 5.GetTypeCode() + " " + 5.0.GetTypeCode() + " " + "s".GetTypeCode() + " " + true.GetTypeCode() + " " + 'c'.GetTypeCode() + " " + 1m.GetTypeCode());
        Console.WriteLine("min max " + byte.MaxValue + " " + sbyte.MinValue + " " + short.MaxValue + " " + ushort.MaxValue + " " + float.MaxValue + " " + float.Epsilon + " " + decimal.MinValue);
        object a = 42, b = 42;
        Console.WriteLine("boxed reference equals " + ReferenceEquals(a, b) + " equals " + a.Equals(b) + " == " + (a == b) + " static " + Equals(a, b));
        Console.WriteLine("object tostring " + new object() + " " + new object().GetType().FullName + " array " + new int[0] + " " + new string[0, 0]);
        Console.WriteLine("string tostring same " + ReferenceEquals("x".ToString(), "x") + " empty hash " + (string.Empty.GetHashCode() == "".GetHashCode()));
        Console.WriteLine("nested type " + typeof(System.Collections.Generic.List<int>.Enumerator) + " generic " + typeof(System.Collections.Generic.Dictionary<string, int[]>));
        Console.WriteLine("values " + default(int) + default(bool) + default(char).Equals('\0') + default(double));
        var hashes = new long[] { 1L.GetHashCode(), (1L << 32).GetHashCode(), (-1L).GetHashCode(), 1.0.GetHashCode(), 1.0f.GetHashCode(), ((short)-1).GetHashCode(), ((sbyte)-1).GetHashCode(), 1m.GetHashCode(), 2.5m.GetHashCode() };
        Console.WriteLine("hashes " + string.Join(",", hashes));
    }
}
