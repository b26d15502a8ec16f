// DateTime: construction, properties, arithmetic, comparisons, and formatting with the invariant culture.
using System;
using System.Globalization;

static class Program
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static readonly string[] Formats = { "d", "D", "f", "F", "g", "G", "m", "o", "r", "s", "t", "T", "u", "y",
                                         "yyyy-MM-dd HH:mm:ss.fff", "ddd dd MMM yy", "dddd, MMMM d", "h:mm tt", "HH'h'mm",
                                         "%d", "MM/dd/yyyy", "yyyyMMddTHHmmssfffffff", "%K", "zzz", "gg", "FFFFFFF" };

    static void Main()
    {
        var d = new DateTime(2024, 2, 29, 13, 45, 30, 123);
        foreach (var f in Formats)
            Console.WriteLine(f + " => " + d.ToString(f, Inv));
        Console.WriteLine(d.Year + " " + d.Month + " " + d.Day + " " + d.Hour + " " + d.Minute + " " + d.Second + " " + d.Millisecond);
        Console.WriteLine(d.DayOfWeek + " " + d.DayOfYear + " " + d.Ticks + " " + d.Kind + " " + d.Date.ToString(Inv) + " " + d.TimeOfDay);
        Console.WriteLine(d.AddDays(1).ToString("s", Inv) + " " + d.AddMonths(12).ToString("s", Inv) + " " + d.AddYears(-1).ToString("s", Inv));
        Console.WriteLine(d.AddHours(-14).ToString("s", Inv) + " " + d.AddMinutes(90).ToString("s", Inv) + " " + d.AddSeconds(3600.5).ToString("o", Inv));
        Console.WriteLine(d.AddTicks(1).Ticks - d.Ticks + " " + d.AddMilliseconds(1.5).ToString("o", Inv));
        var e = new DateTime(2000, 1, 1);
        TimeSpan diff = d - e;
        Console.WriteLine(diff + " " + diff.TotalDays.ToString(Inv) + " " + diff.Days);
        Console.WriteLine((e < d) + " " + (e == new DateTime(2000, 1, 1)) + " " + DateTime.Compare(d, e) + " " + e.CompareTo(d));
        Console.WriteLine(DateTime.IsLeapYear(1900) + " " + DateTime.IsLeapYear(2000) + " " + DateTime.IsLeapYear(2024) + " " + DateTime.DaysInMonth(2023, 2));
        Console.WriteLine(DateTime.MinValue.ToString("o", Inv) + " " + DateTime.MaxValue.ToString("o", Inv));
        Console.WriteLine(new DateTime(2024, 1, 31).AddMonths(1).ToString("d", Inv));
        var u = new DateTime(2021, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        Console.WriteLine(u.ToString("o", Inv) + " " + u.Kind + " " + u.ToString("u", Inv) + " " + u.ToString("r", Inv));
        Console.WriteLine(DateTime.SpecifyKind(u, DateTimeKind.Unspecified).ToString("o", Inv));
        Console.WriteLine(DateTime.FromBinary(u.ToBinary()) == u);
        Console.WriteLine(DateTime.FromFileTimeUtc(u.ToFileTimeUtc()).ToString("o", Inv) + " " + u.ToFileTimeUtc());
        Console.WriteLine(new DateTime(1970, 1, 1).AddSeconds(1e9).ToString("s", Inv));
        Console.WriteLine(DateTime.Parse("2020-05-06T07:08:09", Inv).ToString("F", Inv));
        Console.WriteLine(DateTime.Parse("05/06/2020 3:04:05 PM", Inv).ToString("s", Inv));
        Console.WriteLine(DateTime.ParseExact("20200506", "yyyyMMdd", Inv).ToString("D", Inv));
        Console.WriteLine(DateTime.ParseExact("6 May 2020 13:14", "d MMM yyyy HH:mm", Inv).ToString("g", Inv));
        DateTime parsed;
        Console.WriteLine(DateTime.TryParse("not a date", Inv, DateTimeStyles.None, out parsed) + " " + parsed.Ticks);
        Console.WriteLine(DateTime.TryParseExact("2021-13-01", "yyyy-MM-dd", Inv, DateTimeStyles.None, out parsed));
        try { DateTime.Parse("31/31/2020", Inv); }
        catch (FormatException ex) { Console.WriteLine("FormatException: " + ex.Message); }
        try { new DateTime(2021, 2, 29); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("ArgumentOutOfRangeException: " + ex.Message); }
        try { DateTime.MaxValue.AddDays(1); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("ArgumentOutOfRangeException: " + ex.Message); }
        var dto = new DateTimeOffset(2020, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));
        Console.WriteLine(dto.ToString(Inv) + " " + dto.UtcDateTime.ToString("o", Inv) + " " + dto.Offset + " " + dto.ToString("o", Inv));
        Console.WriteLine(dto.ToUnixTimeSeconds() + " " + DateTimeOffset.FromUnixTimeMilliseconds(1500000000000).ToString("u", Inv));
        var cal = CultureInfo.InvariantCulture.Calendar;
        Console.WriteLine(cal.GetWeekOfYear(d, CalendarWeekRule.FirstFourDayWeek, DayOfWeek.Monday) + " " + cal.GetDaysInYear(2024) + " " + cal.AddWeeks(d, 2).ToString("d", Inv));
        Console.WriteLine(d.ToString() + " | " + d.ToShortDateString() + " | " + d.ToLongTimeString());
        Console.WriteLine(string.Format(Inv, "{0:yyyy}/{0:MM} {1:hh\\:mm}", d, new TimeSpan(3, 4, 0)));
    }
}
