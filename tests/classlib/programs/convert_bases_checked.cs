// Base conversions, checked/unchecked arithmetic, bit manipulation, integer parsing styles and overflow behaviour.
using System;
using System.Globalization;

static class Program
{
    static string Bits(int v) { return Convert.ToString(v, 2).PadLeft(32, '0'); }

    static void Main()
    {
        foreach (var n in new[] { 0, 1, 10, 255, -1, int.MinValue, 123456789 })
            Console.WriteLine(n + " bin " + Convert.ToString(n, 2) + " oct " + Convert.ToString(n, 8) + " hex " + Convert.ToString(n, 16) + " X8 " + n.ToString("X8"));
        Console.WriteLine("long bases " + Convert.ToString(long.MinValue, 16) + " " + Convert.ToString(-2L, 2).Length + " short " + Convert.ToString((short)-1, 16) + " byte " + Convert.ToString((byte)200, 2));
        Console.WriteLine("parse bases " + Convert.ToInt32("1010", 2) + " " + Convert.ToInt32("777", 8) + " " + Convert.ToInt32("ff", 16) + " " + Convert.ToInt32("FFFFFFFF", 16) + " " + Convert.ToInt64("7fffffffffffffff", 16) + " " + Convert.ToByte("11111111", 2) + " " + Convert.ToUInt16("0xABCD", 16));
        Console.WriteLine("hex parse " + int.Parse("1F", NumberStyles.HexNumber) + " " + long.Parse("FFFF", NumberStyles.AllowHexSpecifier) + " " + uint.Parse("ffffffff", NumberStyles.HexNumber));
        Console.WriteLine("styles " + int.Parse("  -42  ") + " " + int.Parse("(17)", NumberStyles.AllowParentheses) + " " + int.Parse("1,234,567", NumberStyles.AllowThousands, CultureInfo.InvariantCulture) + " " + int.Parse("+5") + " " + double.Parse("1e3", CultureInfo.InvariantCulture) + " " + decimal.Parse("$1,234.50", NumberStyles.Currency, new CultureInfo("en-US")));
        int big = int.MaxValue;
        Console.WriteLine("unchecked wrap " + unchecked(big + 1) + " " + unchecked((byte)300) + " " + unchecked((int)3000000000L) + " " + unchecked((short)70000) + " " + unchecked((uint)-1));
        try { Console.WriteLine(checked(big + 1)); } catch (OverflowException ex) { Console.WriteLine("checked add: " + ex.Message); }
        try { Console.WriteLine(checked((byte)(big))); } catch (OverflowException ex) { Console.WriteLine("checked cast: " + ex.Message); }
        try { int m1 = -1; Console.WriteLine(checked(int.MinValue * m1)); } catch (OverflowException ex) { Console.WriteLine("checked mul: " + ex.GetType().Name); }
        try { long l = long.MaxValue; Console.WriteLine(checked(l * 2)); } catch (OverflowException ex) { Console.WriteLine("checked long: " + ex.GetType().Name); }
        try { double nan = double.NaN; Console.WriteLine(checked((int)nan)); } catch (OverflowException ex) { Console.WriteLine("checked NaN: " + ex.GetType().Name); }
        try { Console.WriteLine(Convert.ToInt32(2.5e10)); } catch (OverflowException ex) { Console.WriteLine("convert: " + ex.Message); }
        try { int m1 = -1, min = int.MinValue; Console.WriteLine(min / m1); } catch (OverflowException ex) { Console.WriteLine("min / -1: " + ex.GetType().Name); }
        Console.WriteLine("convert rounds " + Convert.ToInt32(2.5) + " " + Convert.ToInt32(3.5) + " " + Convert.ToInt32(-2.5) + " cast truncates " + (int)2.9 + " " + (int)-2.9 + " " + (long)1e18);
        Console.WriteLine(Bits(0x5A) + " " + Bits(-0x5A));
        int x = 0b1011_0110;
        Console.WriteLine("shifts " + (x << 3) + " " + (x >> 2) + " " + (-x >> 2) + " " + ((uint)-x >> 28) + " " + (1L << 33) + " " + (x & 0xF) + " " + (x | 0x100) + " " + (x ^ 0xFF) + " " + ~x);
        Console.WriteLine("popcount " + PopCount(x) + " " + PopCount(-1) + " highest bit " + HighestBit(x) + " " + HighestBit(1 << 30) + " reverse " + ReverseBits(1).ToString("X8"));
        Console.WriteLine("bitconverter " + BitConverter.ToString(BitConverter.GetBytes(0x12345678)) + " " + BitConverter.ToInt32(new byte[] { 1, 0, 0, 128 }, 0) + " little endian " + BitConverter.IsLittleEndian + " double bits " + BitConverter.DoubleToInt64Bits(1.0).ToString("X16"));
        Console.WriteLine("unsigned " + (uint.MaxValue / 3) + " " + (ulong.MaxValue % 1000) + " " + ((ulong)long.MaxValue + 1) + " compare " + (uint.MaxValue > 0));
        Console.WriteLine("integer division " + (-7 / 2) + " " + (-7 % 2) + " " + (7 / -2) + " " + (7 % -2) + " math " + Math.DivRem(-7, 2, out int rem) + " rem " + rem + " floor mod " + (((-7 % 3) + 3) % 3));
        Console.WriteLine("gcd " + Gcd(1071, 462) + " lcm " + (1071L * 462 / Gcd(1071, 462)) + " power " + PowMod(3, 200, 1000000007) + " factorial 20 " + Factorial(20));
        long sum = 0;
        for (int i = 1; i <= 1000000; i++) sum += i * (long)i % 7;
        Console.WriteLine("loop sum " + sum);
        Console.WriteLine("char/int " + (char)('A' + 25) + " " + (int)'€' + " " + Convert.ToInt32('9') + " " + ('9' - '0') + " byte from char " + Convert.ToByte('A'));
        Console.WriteLine("bool convert " + Convert.ToInt32(true) + " " + Convert.ToBoolean(0) + " " + Convert.ToBoolean("True") + " " + Convert.ToDouble(false));
        Console.WriteLine("base64 " + Convert.ToBase64String(new byte[] { 0, 1, 2, 253, 254, 255 }) + " " + string.Join(",", Convert.FromBase64String("AAEC/f7/")) + " " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("hello, world")));
    }

    static int PopCount(int v) { int c = 0; uint u = (uint)v; while (u != 0) { c += (int)(u & 1); u >>= 1; } return c; }
    static int HighestBit(int v) { int h = -1; while (v != 0) { h++; v = (int)((uint)v >> 1); } return h; }
    static uint ReverseBits(uint v) { uint r = 0; for (int i = 0; i < 32; i++) { r = (r << 1) | (v & 1); v >>= 1; } return r; }
    static long Gcd(long a, long b) { return b == 0 ? a : Gcd(b, a % b); }
    static long PowMod(long b, long e, long m) { long r = 1; b %= m; while (e > 0) { if ((e & 1) == 1) r = r * b % m; b = b * b % m; e >>= 1; } return r; }
    static long Factorial(int n) { return n <= 1 ? 1 : n * Factorial(n - 1); }
}
