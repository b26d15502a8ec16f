// TimeSpan: construction, arithmetic, properties, formatting and parsing.
using System;
using System.Globalization;

static class Program
{
    static void Main()
    {
        var inv = CultureInfo.InvariantCulture;
        var t = new TimeSpan(1, 2, 3, 4, 567);
        Console.WriteLine(t + " " + t.Days + " " + t.Hours + " " + t.Minutes + " " + t.Seconds + " " + t.Milliseconds + " " + t.Ticks);
        Console.WriteLine(t.TotalDays.ToString("R", inv) + " " + t.TotalHours.ToString("R", inv) + " " + t.TotalMinutes.ToString("R", inv) + " " + t.TotalSeconds.ToString("R", inv) + " " + t.TotalMilliseconds.ToString("R", inv));
        foreach (var f in new[] { "c", "g", "G", @"hh\:mm\:ss", @"d\.hh\:mm", @"%d", @"mm\:ss\.fff", @"hh\h\ mm\m" })
            Console.WriteLine(f + " => " + t.ToString(f, inv) + " | " + t.Negate().ToString(f, inv));
        Console.WriteLine(TimeSpan.FromDays(1.5) + " " + TimeSpan.FromHours(-2.25) + " " + TimeSpan.FromMinutes(90) + " " + TimeSpan.FromSeconds(0.001) + " " + TimeSpan.FromMilliseconds(1.23456) + " " + TimeSpan.FromTicks(12345678));
        Console.WriteLine((t + t) + " " + (t - TimeSpan.FromDays(2)) + " " + t.Duration() + " " + (-t).Duration() + " " + TimeSpan.Zero + " " + TimeSpan.MaxValue + " " + TimeSpan.MinValue);
        Console.WriteLine(t.CompareTo(TimeSpan.FromDays(1)) + " " + (t > TimeSpan.Zero) + " " + t.Equals(new TimeSpan(t.Ticks)) + " " + TimeSpan.Compare(t, t));
        Console.WriteLine(TimeSpan.Parse("1.02:03:04.5", inv) + " " + TimeSpan.Parse("-00:00:10", inv) + " " + TimeSpan.Parse("10", inv) + " " + TimeSpan.Parse("12:34", inv));
        Console.WriteLine(TimeSpan.ParseExact("03:04", @"mm\:ss", inv) + " " + TimeSpan.ParseExact("1d2h", @"d\dh\h", inv));
        TimeSpan r;
        Console.WriteLine(TimeSpan.TryParse("xx", inv, out r) + " " + r + " " + TimeSpan.TryParse("25:00", inv, out r) + " " + r);
        try { TimeSpan.Parse("1:2:3:4:5", inv); }
        catch (FormatException e) { Console.WriteLine("FormatException: " + e.Message); }
        try { TimeSpan.Parse("99999999.00:00:00", inv); }
        catch (OverflowException e) { Console.WriteLine("OverflowException: " + e.Message); }
        try { TimeSpan.FromDays(1e10); }
        catch (OverflowException e) { Console.WriteLine("OverflowException: " + e.Message); }
        try { Console.WriteLine(TimeSpan.MaxValue + TimeSpan.FromTicks(1)); }
        catch (OverflowException e) { Console.WriteLine("OverflowException: " + e.Message); }
        Console.WriteLine(string.Format(inv, "{0:c} {0:g} [{1,12}] {2:%h}", t, TimeSpan.FromMinutes(5), TimeSpan.FromHours(7)));
        var sum = TimeSpan.Zero;
        for (int i = 0; i < 100; i++)
            sum += TimeSpan.FromMilliseconds(i * 37.5);
        Console.WriteLine(sum + " " + (sum.Ticks / 3) + " " + new TimeSpan(sum.Ticks / 7));
    }
}
