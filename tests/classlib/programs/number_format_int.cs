// Integer formatting: standard and custom format strings over every integer type (invariant culture).
using System;
using System.Globalization;

static class Program
{
    static readonly string[] Formats = { "", "D", "D8", "X", "x4", "N", "N0", "N3", "C", "C0", "P", "P1", "E", "e3",
                                         "F", "F4", "G", "G3", "R", "0000", "#,##0", "#.##", "0.00", "##%", "0;(0);zero",
                                         "'lit'0", "0e+0", "00.00E-00", "\\#0", "#,#", "0,,", "[0]" };

    static void Row(string name, IFormattable v)
    {
        Console.Write(name);
        foreach (var f in Formats)
        {
            string s;
            try { s = v.ToString(f, CultureInfo.InvariantCulture); }
            catch (FormatException e) { s = "FormatException:" + e.Message; }
            Console.Write(" | " + s);
        }
        Console.WriteLine();
    }

    static void Main()
    {
        Row("int 0", 0);
        Row("int 1", 1);
        Row("int -1", -1);
        Row("int 1234567", 1234567);
        Row("int -987654", -987654);
        Row("int max", int.MaxValue);
        Row("int min", int.MinValue);
        Row("long max", long.MaxValue);
        Row("long min", long.MinValue);
        Row("long 10^12", 1000000000000L);
        Row("uint max", uint.MaxValue);
        Row("ulong max", ulong.MaxValue);
        Row("short min", short.MinValue);
        Row("ushort", (ushort)65000);
        Row("byte", (byte)200);
        Row("sbyte", (sbyte)-100);
        Console.WriteLine(255.ToString("X") + " " + (-1).ToString("X") + " " + ((byte)15).ToString("x2") + " " + long.MinValue.ToString("X"));
        Console.WriteLine(12345.ToString() + " " + (-12345).ToString() + " " + 0.ToString("D0"));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N0} {1:X8} {2,10:D5} {3,-10:G}|", 1234567, 48879, 42, 7));
        try { Console.WriteLine(5.ToString("Q")); }
        catch (FormatException e) { Console.WriteLine("FormatException: " + e.Message); }
        Console.WriteLine(int.MaxValue.ToString("N", CultureInfo.InvariantCulture).Length);
    }
}
