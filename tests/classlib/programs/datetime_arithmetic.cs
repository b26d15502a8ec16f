// DateTime and TimeSpan arithmetic: adding months across month ends, leap years, differences, day of week/year, rounding, comparisons, formats.
using System;
using System.Globalization;

static class Program
{
    static void Main()
    {
        var inv = CultureInfo.InvariantCulture;
        var d = new DateTime(2020, 1, 31, 22, 45, 30, 250);
        for (int m = 1; m <= 13; m += 3)
            Console.WriteLine("add " + m + " months: " + d.AddMonths(m).ToString("yyyy-MM-dd HH:mm:ss.fff", inv));
        Console.WriteLine("add years to leap day " + new DateTime(2020, 2, 29).AddYears(1).ToString("d", inv) + " " + new DateTime(2020, 2, 29).AddYears(4).ToString("d", inv));
        Console.WriteLine("add days " + d.AddDays(1.5).ToString("s", inv) + " hours " + d.AddHours(-25).ToString("s", inv) + " minutes " + d.AddMinutes(90).ToString("t", inv) + " ms " + d.AddMilliseconds(800).ToString("HH:mm:ss.fff", inv) + " ticks " + d.AddTicks(1).Ticks);
        foreach (var y in new[] { 1900, 2000, 2019, 2020, 2100, 2400 })
            Console.Write(y + (DateTime.IsLeapYear(y) ? " leap " : " common ") + DateTime.DaysInMonth(y, 2) + "; ");
        Console.WriteLine();
        var a = new DateTime(2021, 3, 14, 1, 59, 26);
        var b = new DateTime(1999, 12, 31, 23, 59, 59);
        TimeSpan diff = a - b;
        Console.WriteLine("difference " + diff + " days " + diff.Days + " total days " + diff.TotalDays.ToString("F4", inv) + " total hours " + Math.Floor(diff.TotalHours));
        Console.WriteLine("compare " + DateTime.Compare(a, b) + " " + (a > b) + " " + a.CompareTo(a) + " equals " + (a == new DateTime(2021, 3, 14, 1, 59, 26)));
        Console.WriteLine("day of week " + a.DayOfWeek + " day of year " + a.DayOfYear + " date " + a.Date.ToString("o", inv) + " time of day " + a.TimeOfDay);
        Console.WriteLine("kind " + a.Kind + " utc " + DateTime.SpecifyKind(a, DateTimeKind.Utc).Kind + " ticks " + a.Ticks + " min " + DateTime.MinValue.ToString(inv) + " max " + DateTime.MaxValue.ToString("o", inv));
        var start = new DateTime(2024, 1, 1);
        int weekends = 0;
        for (var day = start; day.Year == 2024; day = day.AddDays(1))
            if (day.DayOfWeek == DayOfWeek.Saturday || day.DayOfWeek == DayOfWeek.Sunday) weekends++;
        Console.WriteLine("weekend days in 2024 " + weekends);
        var birthdays = new[] { new DateTime(1990, 6, 15), new DateTime(2000, 2, 29), new DateTime(1985, 12, 31) };
        var today = new DateTime(2023, 6, 14);
        foreach (var bd in birthdays)
        {
            int age = today.Year - bd.Year;
            if (bd.Date > today.AddYears(-age)) age--;
            Console.WriteLine("born " + bd.ToString("D", inv) + " age " + age);
        }
        var ts = new TimeSpan(3, 4, 5, 6, 789);
        Console.WriteLine("timespan " + ts + " " + ts.ToString("c", inv) + " " + ts.ToString("g", inv) + " " + ts.ToString("G", inv) + " " + ts.ToString(@"hh\:mm", inv) + " " + ts.ToString(@"d\.hh\:mm\:ss\.fff", inv));
        Console.WriteLine("negated " + ts.Negate() + " duration " + ts.Negate().Duration() + " half " + TimeSpan.FromTicks(ts.Ticks / 2) + " sum " + (ts + TimeSpan.FromMinutes(56)));
        Console.WriteLine("from " + TimeSpan.FromSeconds(3661.5) + " " + TimeSpan.FromMilliseconds(-1500) + " " + TimeSpan.FromDays(0.75) + " " + TimeSpan.FromHours(1e3));
        Console.WriteLine("parse " + TimeSpan.Parse("1.02:03:04.5", inv) + " " + TimeSpan.Parse("-00:00:10", inv) + " " + TimeSpan.ParseExact("12:34", @"mm\:ss", inv));
        Console.WriteLine("datetime parse " + DateTime.Parse("2019-07-04T12:30:00", inv).ToString("F", inv) + " exact " + DateTime.ParseExact("31/12/2001 08.15", "dd/MM/yyyy HH.mm", inv).ToString("u", inv));
        DateTime parsed;
        Console.WriteLine("try parse " + DateTime.TryParse("not a date", inv, DateTimeStyles.None, out parsed) + " " + parsed.Ticks + " " + DateTime.TryParseExact("2020-02-30", "yyyy-MM-dd", inv, DateTimeStyles.None, out parsed));
        Console.WriteLine("custom formats " + a.ToString("dddd, MMMM d, yyyy h:mm tt", inv) + " | " + a.ToString("ddd MMM dd yy", inv) + " | " + a.ToString("%d", inv) + " | " + a.ToString("HH'h'mm", inv) + " | " + a.ToString("yyyyMMddTHHmmss", inv));
        Console.WriteLine("standard " + a.ToString("d", inv) + " | " + a.ToString("g", inv) + " | " + a.ToString("R", inv) + " | " + a.ToString("M", inv) + " | " + a.ToString("Y", inv));
        Console.WriteLine("german " + a.ToString("D", new CultureInfo("de-DE")) + " french " + a.ToString("D", new CultureInfo("fr-FR")));
        var quarterStart = new DateTime(a.Year, (a.Month - 1) / 3 * 3 + 1, 1);
        Console.WriteLine("quarter start " + quarterStart.ToString("yyyy-MM-dd", inv) + " last day of month " + new DateTime(a.Year, a.Month, 1).AddMonths(1).AddDays(-1).Day);
        Console.WriteLine("week of year " + inv.Calendar.GetWeekOfYear(a, CalendarWeekRule.FirstFourDayWeek, DayOfWeek.Monday) + " " + CultureInfo.InvariantCulture.Calendar.GetDaysInYear(2020));
        var offset = new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        Console.WriteLine("offset " + offset.ToString(inv) + " utc " + offset.UtcDateTime.ToString("s", inv) + " offset " + offset.Offset);
        try { d.AddYears(10000); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("too far: " + ex.ParamName); }
        try { Console.WriteLine(TimeSpan.MaxValue + TimeSpan.FromTicks(1)); }
        catch (OverflowException ex) { Console.WriteLine("overflow: " + ex.Message); }
    }
}
