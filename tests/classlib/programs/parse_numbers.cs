// Parsing numbers: Parse and TryParse for every numeric type, styles, and the exceptions of bad input.
using System;
using System.Globalization;

static class Program
{
    static void Try(string label, Func<object> parse)
    {
        try
        {
            object v = parse();
            Console.WriteLine(label + " = " + (v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v));
        }
        catch (Exception e)
        {
            Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message);
        }
    }

    static void Main()
    {
        var inv = CultureInfo.InvariantCulture;
        Try("int 42", () => int.Parse("42"));
        Try("int -42", () => int.Parse("  -42  "));
        Try("int +7", () => int.Parse("+7"));
        Try("int max", () => int.Parse("2147483647"));
        Try("int overflow", () => int.Parse("2147483648"));
        Try("int empty", () => int.Parse(""));
        Try("int null", () => int.Parse(null));
        Try("int letters", () => int.Parse("12a"));
        Try("int hex", () => int.Parse("ff", NumberStyles.HexNumber));
        Try("int hex upper", () => int.Parse("7FFFFFFF", NumberStyles.AllowHexSpecifier));
        Try("int thousands", () => int.Parse("1,234,567", NumberStyles.AllowThousands, inv));
        Try("int paren", () => int.Parse("(15)", NumberStyles.AllowParentheses));
        Try("int trailing sign", () => int.Parse("15-", NumberStyles.AllowTrailingSign));
        Try("int currency", () => int.Parse("$12", NumberStyles.Currency, new CultureInfo("en-US")));
        Try("long min", () => long.Parse("-9223372036854775808"));
        Try("long overflow", () => long.Parse("9223372036854775808"));
        Try("ulong max", () => ulong.Parse("18446744073709551615"));
        Try("ulong neg", () => ulong.Parse("-1"));
        Try("uint neg zero", () => uint.Parse("-0"));
        Try("byte 255", () => byte.Parse("255"));
        Try("byte 256", () => byte.Parse("256"));
        Try("sbyte -128", () => sbyte.Parse("-128"));
        Try("short overflow", () => short.Parse("40000"));
        Try("double 1.5", () => double.Parse("1.5", inv));
        Try("double exp", () => double.Parse("-1.25e-3", inv));
        Try("double inf", () => double.Parse("Infinity", inv));
        Try("double -inf", () => double.Parse("-Infinity", inv));
        Try("double nan", () => double.Parse("NaN", inv));
        Try("double thousands", () => double.Parse("1,234.5", inv));
        Try("double bad", () => double.Parse("1.2.3", inv));
        Try("double max", () => double.Parse("1.7976931348623157E+308", inv));
        Try("double too big", () => double.Parse("1e309", inv));
        Try("double tiny", () => double.Parse("4.94065645841247E-324", inv));
        Try("double 0.1", () => double.Parse("0.1", inv).ToString("R", inv));
        Try("double many digits", () => double.Parse("3.14159265358979323846264338327950288", inv).ToString("R", inv));
        Try("float", () => float.Parse("3.4028235e38", inv));
        Try("float over", () => float.Parse("3.5e38", inv));
        Try("decimal", () => decimal.Parse("79228162514264337593543950335", inv));
        Try("decimal over", () => decimal.Parse("79228162514264337593543950336", inv));
        Try("decimal exp", () => decimal.Parse("1.5E3", NumberStyles.Float, inv));
        Try("bool true", () => bool.Parse("True"));
        Try("bool false ws", () => bool.Parse("  false "));
        Try("bool bad", () => bool.Parse("yes"));
        Try("char", () => char.Parse("x"));
        Try("char bad", () => char.Parse("xy"));
        int i;
        Console.WriteLine(int.TryParse("123", out i) + " " + i);
        Console.WriteLine(int.TryParse("abc", out i) + " " + i);
        Console.WriteLine(int.TryParse("99999999999", out i) + " " + i);
        double d;
        Console.WriteLine(double.TryParse("2.5", NumberStyles.Float, inv, out d) + " " + d.ToString(inv));
        Console.WriteLine(double.TryParse("x", NumberStyles.Float, inv, out d) + " " + d.ToString(inv));
        long l;
        Console.WriteLine(long.TryParse("-77", out l) + " " + l);
        decimal m;
        Console.WriteLine(decimal.TryParse("1.23456789", NumberStyles.Number, inv, out m) + " " + m.ToString(inv));
        Try("de double", () => double.Parse("1.234,5", new CultureInfo("de-DE")));
        Try("fr double", () => double.Parse("1\u00a0234,5", new CultureInfo("fr-FR")));
        Try("guid", () => Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
        Try("guid N", () => Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e").ToString("N"));
        Try("guid B", () => new Guid(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }).ToString("B"));
        Try("guid bad", () => Guid.Parse("xyz"));
        Try("version", () => Version.Parse("1.2.3.4"));
        Try("version cmp", () => new Version(1, 10).CompareTo(new Version(1, 9)));
    }
}
