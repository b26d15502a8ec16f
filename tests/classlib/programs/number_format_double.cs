// Floating-point formatting: round-trip, general, fixed, exponent, number, percent, custom; specials.
using System;
using System.Globalization;

static class Program
{
    static readonly string[] Formats = { "", "R", "G", "G17", "G5", "F", "F0", "F6", "E", "E2", "e10", "N", "N4", "P", "P0",
                                         "C", "0.000", "#,##0.##", "0.###E+0", "#.#", "00.0%", "0.00;minus 0.00" };

    static void Row(string name, double v)
    {
        Console.Write(name);
        foreach (var f in Formats)
            Console.Write(" | " + v.ToString(f, CultureInfo.InvariantCulture));
        Console.WriteLine();
    }

    static void RowF(string name, float v)
    {
        Console.Write(name);
        foreach (var f in Formats)
            Console.Write(" | " + v.ToString(f, CultureInfo.InvariantCulture));
        Console.WriteLine();
    }

    static void Main()
    {
        Row("zero", 0.0);
        Row("negzero", -0.0);
        Row("one", 1.0);
        Row("pi", Math.PI);
        Row("e", Math.E);
        Row("third", 1.0 / 3);
        Row("big", 1.2345678901234567e21);
        Row("small", 1.5e-7);
        Row("tiny", 4.9406564584124654E-324);
        Row("max", double.MaxValue);
        Row("min", double.MinValue);
        Row("eps", double.Epsilon);
        Row("half", 0.5);
        Row("2.5", 2.5);
        Row("neg", -1234.5678);
        Row("0.1+0.2", 0.1 + 0.2);
        Row("1e15", 1e15);
        Row("1e16", 1e16);
        Row("123456789012", 123456789012.0);
        Row("nan", double.NaN);
        Row("inf", double.PositiveInfinity);
        Row("-inf", double.NegativeInfinity);
        RowF("float pi", (float)Math.PI);
        RowF("float 0.1", 0.1f);
        RowF("float max", float.MaxValue);
        RowF("float 16777217", 16777217f);
        RowF("float nan", float.NaN);
        RowF("float 1e-10", 1e-10f);
        for (int i = -5; i <= 5; i++)
            Console.Write(Math.Pow(10, i * 3).ToString(CultureInfo.InvariantCulture) + " ");
        Console.WriteLine();
        double x = 1;
        for (int i = 0; i < 30; i++)
        {
            x = x * 1.7 + 0.1;
            Console.Write(x.ToString("R", CultureInfo.InvariantCulture) + " ");
        }
        Console.WriteLine();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1:F3} {2:E} {3,12:N2}|", 2.0 / 3, 1.0005, 6.02e23, -98765.4321));
        Console.WriteLine((0.1).ToString() + " " + (1.0 / 7).ToString() + " " + (100.0).ToString() + " " + (1e-5).ToString());
    }
}
