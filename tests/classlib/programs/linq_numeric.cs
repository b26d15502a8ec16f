// LINQ aggregates over numeric types, nullable sums, empty sequences and their exceptions.
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static void Main()
    {
        var doubles = new[] { 2.5, -1.25, 3.75, 10.0, 0.1 };
        Console.WriteLine("double sum " + doubles.Sum() + " avg " + doubles.Average() + " min " + doubles.Min() + " max " + doubles.Max());
        var longs = new long[] { 10000000000, -5, 7 };
        Console.WriteLine("long sum " + longs.Sum() + " avg " + longs.Average() + " max " + longs.Max());
        var decimals = new[] { 1.10m, 2.20m, 3.333m };
        Console.WriteLine("decimal sum " + decimals.Sum() + " avg " + decimals.Average() + " min " + decimals.Min());
        var floats = new[] { 1.5f, 2.25f, -0.5f };
        Console.WriteLine("float sum " + floats.Sum() + " avg " + floats.Average());
        var nullable = new int?[] { 1, null, 3, null, 5 };
        Console.WriteLine("nullable sum " + nullable.Sum() + " avg " + nullable.Average() + " max " + nullable.Max() + " min " + nullable.Min() + " count " + nullable.Count());
        var allNull = new int?[] { null, null };
        Console.WriteLine("all null sum " + allNull.Sum() + " avg null " + (allNull.Average() == null) + " max null " + (allNull.Max() == null));
        var empty = new int[0];
        Console.WriteLine("empty sum " + empty.Sum());
        try { empty.Average(); }
        catch (InvalidOperationException ex) { Console.WriteLine("empty average: " + ex.Message); }
        try { empty.Max(); }
        catch (InvalidOperationException ex) { Console.WriteLine("empty max: " + ex.Message); }
        try { empty.First(); }
        catch (InvalidOperationException ex) { Console.WriteLine("empty first: " + ex.Message); }
        try { new[] { 1, 2 }.Single(); }
        catch (InvalidOperationException ex) { Console.WriteLine("two singles: " + ex.Message); }
        try { new[] { 1, 2 }.Single(x => x > 5); }
        catch (InvalidOperationException ex) { Console.WriteLine("no match: " + ex.Message); }
        try { new[] { 1, 2 }.ElementAt(5); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("element at: " + ex.GetType().Name); }
        try { Console.WriteLine(new[] { int.MaxValue, 1 }.Sum()); }
        catch (OverflowException ex) { Console.WriteLine("sum overflow: " + ex.Message); }
        try { ((IEnumerable<int>)null).Count(); }
        catch (ArgumentNullException ex) { Console.WriteLine("null source: " + ex.ParamName); }
        Console.WriteLine("single or default empty " + empty.SingleOrDefault() + " last or default " + empty.LastOrDefault());
        var range = Enumerable.Range(-3, 7);
        Console.WriteLine("range " + string.Join(",", range) + " abs sum " + range.Sum(x => Math.Abs(x)));
        Console.WriteLine("products " + Enumerable.Range(1, 10).Aggregate(1L, (a, b) => a * b));
        Console.WriteLine("primes " + string.Join(" ", Enumerable.Range(2, 60).Where(n => Enumerable.Range(2, (int)Math.Sqrt(n) - 1).All(d => n % d != 0))));
        var stats = Enumerable.Range(1, 100).Select(x => x * 37 % 101).ToList();
        Console.WriteLine("stats min " + stats.Min() + " max " + stats.Max() + " avg " + stats.Average() + " sum " + stats.Sum());
        Console.WriteLine("above avg " + stats.Count(x => x > stats.Average()));
        var fib = new List<long> { 1, 1 };
        while (fib.Count < 40) fib.Add(fib[fib.Count - 1] + fib[fib.Count - 2]);
        Console.WriteLine("fib evens " + string.Join(",", fib.Where(f => f % 2 == 0).Take(8)) + " last " + fib.Last());
        Console.WriteLine("min by tuple " + new[] { Tuple.Create(3, "c"), Tuple.Create(1, "a"), Tuple.Create(2, "b") }.OrderBy(t => t.Item1).First());
        Console.WriteLine("doubles rounded " + string.Join(" ", doubles.Select(d => Math.Round(d, 1))));
        Console.WriteLine("average of longs selector " + Enumerable.Range(1, 4).Average(i => (long)i * 1000000000));
    }
}
