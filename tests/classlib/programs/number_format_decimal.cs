// Decimal arithmetic and formatting.
using System;
using System.Globalization;

static class Program
{
    static readonly string[] Formats = { "", "G", "F", "F4", "N", "N0", "C", "P", "E", "0.00", "#,##0.####", "0.0e0" };

    static void Row(string name, decimal v)
    {
        Console.Write(name);
        foreach (var f in Formats)
            Console.Write(" | " + v.ToString(f, CultureInfo.InvariantCulture));
        Console.WriteLine();
    }

    static void Main()
    {
        Row("zero", 0m);
        Row("one", 1m);
        Row("1.50", 1.50m);
        Row("third", 1m / 3);
        Row("big", 79228162514264337593543950335m);
        Row("neg", -1234567.891m);
        Row("small", 0.0000001m);
        Row("scaled", 123.4500m);
        decimal a = 10.25m, b = 3m;
        Console.WriteLine((a + b) + " " + (a - b) + " " + (a * b) + " " + (a / b) + " " + (a % b));
        Console.WriteLine(decimal.Round(2.345m, 2) + " " + decimal.Round(2.355m, 2) + " " + decimal.Round(2.5m) + " " + decimal.Round(3.5m));
        Console.WriteLine(Math.Round(2.345m, 2, MidpointRounding.AwayFromZero) + " " + decimal.Truncate(-7.9m) + " " + decimal.Floor(-7.1m) + " " + decimal.Ceiling(7.1m));
        Console.WriteLine((decimal)3.14159 + " " + (decimal)1e-10 + " " + (double)1.1m + " " + (int)9.99m + " " + (long)-5.5m);
        Console.WriteLine(decimal.Parse("123.456", CultureInfo.InvariantCulture) + " " + decimal.Parse("-0.00", CultureInfo.InvariantCulture));
        Console.WriteLine(decimal.MaxValue + " " + decimal.MinValue + " " + decimal.One + " " + decimal.MinusOne);
        int[] bits = decimal.GetBits(-1.5m);
        Console.WriteLine(bits[0] + " " + bits[1] + " " + bits[2] + " " + bits[3]);
        decimal one = 1, zero = 0;
        try { Console.WriteLine(decimal.MaxValue + one); }
        catch (OverflowException e) { Console.WriteLine("OverflowException: " + e.Message); }
        try { Console.WriteLine(1m / zero); }
        catch (DivideByZeroException e) { Console.WriteLine("DivideByZeroException: " + e.Message); }
        decimal sum = 0;
        for (int i = 1; i <= 100; i++)
            sum += 1m / i;
        Console.WriteLine(sum);
        Console.WriteLine(decimal.Compare(1.0m, 1.00m) + " " + (1.0m == 1.00m) + " " + 1.0m.GetHashCode().Equals(1.00m.GetHashCode()));
    }
}
