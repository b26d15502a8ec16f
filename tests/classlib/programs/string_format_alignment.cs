// Composite formatting and interpolation: alignment, format specifiers, escaping, tables.
using System;
using System.Globalization;

static class Program
{
    static void Main()
    {
        Console.WriteLine(string.Format("[{0,10}] [{0,-10}] [{1,6:F2}] [{1,-8:E1}]", "right", Math.PI));
        Console.WriteLine(string.Format("[{0,5}] [{0,-5}] [{0:D6}] [{0:X4}] [{0,8:N0}]", 42));
        Console.WriteLine(string.Format("{{literal}} {0}{{{1}}}", "a", "b"));
        Console.WriteLine(string.Format("{0:C} {1:P1} {2:N3} {3:G3} {4:0.00#} {5:#,##0.0}", 1234.5m, 0.4567, 9876.54321, 123456.0, 2.5, 1234567.89));
        Console.WriteLine(string.Format("{0:yyyy-MM-dd HH:mm} {1:c} {2}", new DateTime(2021, 3, 4, 5, 6, 7), new TimeSpan(1, 2, 3), true));
        Console.WriteLine(string.Format("{0} {1} {2} {3} {4} {5}", 'c', 1.5f, -0.0, long.MinValue, (object)null, new object()));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N2} {1:#,0}", 1234567.891, 9876543));
        var rows = new[] { Tuple.Create("apples", 3, 0.5), Tuple.Create("kiwis", 12, 0.25), Tuple.Create("watermelons", 1, 3.999) };
        Console.WriteLine("{0,-12}|{1,5}|{2,8}|{3,9}", "item", "qty", "price", "total");
        Console.WriteLine(new string('-', 12) + "+" + new string('-', 5) + "+" + new string('-', 8) + "+" + new string('-', 9));
        double grand = 0;
        foreach (var r in rows)
        {
            double total = r.Item2 * r.Item3;
            grand += total;
            Console.WriteLine("{0,-12}|{1,5}|{2,8:F2}|{3,9:F3}", r.Item1, r.Item2, r.Item3, total);
        }
        Console.WriteLine("{0,-12}|{1,5}|{2,8}|{3,9:F3}", "sum", "", "", grand);
        int x = 7, y = 3;
        string name = "clrpy";
        Console.WriteLine($"{x} + {y} = {x + y}; {x}/{y} = {(double)x / y:F4}; name [{name,8}] [{name,-8}] {name.ToUpper()}");
        Console.WriteLine($"hex {255:X} {255:x8} percent {0.125:P0} exp {12345.678:E2} {{braces}} {(x > y ? "bigger" : "smaller")}");
        Console.WriteLine($"nested {string.Join(",", new[] { 1, 2, 3 })} date {new DateTime(1999, 12, 31):dddd d MMMM yyyy}");
        FormattableString fs = $"value {x,4} and {y:00}";
        Console.WriteLine(fs.Format + " | " + fs.ArgumentCount + " | " + fs.ToString() + " | " + FormattableString.Invariant(fs));
        object[] args = { 1, "two", 3.0 };
        Console.WriteLine(string.Format("{2}-{1}-{0}-{1}", args));
        Console.WriteLine(string.Format("{0,-3}|{1,3}|", "toolong", "x"));
        Console.WriteLine(string.Format("{0:0000.00} {0:#.##} {0:0.###E+0} {1:00;(00);zero}", 12.345, -4));
        Console.WriteLine(string.Format("{0:00;(00);zero} {1:#,##0;minus #,##0}", 0, -12345));
        Console.WriteLine(string.Concat("a", 1, 'b', 2.5, null, true));
        Console.WriteLine(string.Format("{0,20:N5}|", 123456.789));
        Console.WriteLine(12.ToString().PadLeft(6, '*') + "|" + "ab".PadRight(6, '.') + "|");
        Console.Write("{0} and {1}", "Write", "args");
        Console.WriteLine();
        Console.WriteLine("{0}", (object)new[] { 1 }.GetType());
        var sb = new System.Text.StringBuilder();
        sb.AppendFormat("{0,6:F1}|{1,-6}|", 3.14159, "pi");
        sb.AppendFormat(CultureInfo.InvariantCulture, "{0:N1}", 1e6);
        Console.WriteLine(sb);
    }
}
