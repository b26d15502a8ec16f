// LINQ to Objects (System.Core): filtering, projection, ordering, quantifiers, element operators.
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static void Show<T>(string label, IEnumerable<T> items)
    {
        Console.WriteLine(label + ": " + string.Join(" ", items));
    }

    static void Main()
    {
        var numbers = Enumerable.Range(1, 20).ToArray();
        Show("evens", numbers.Where(n => n % 2 == 0));
        Show("squares", numbers.Select(n => n * n).Take(8));
        Show("indexed", numbers.Select((n, i) => n * i).Skip(15));
        Show("where indexed", numbers.Where((n, i) => i % 5 == 0));
        Show("take while", numbers.TakeWhile(n => n < 6));
        Show("skip while", numbers.SkipWhile(n => n < 16));
        Show("desc", numbers.OrderByDescending(n => n % 7).ThenBy(n => n).Take(10));
        Show("reverse", numbers.Reverse().Take(5));
        Console.WriteLine("count " + numbers.Count() + " count odd " + numbers.Count(n => n % 2 == 1) + " long " + numbers.LongCount());
        Console.WriteLine("sum " + numbers.Sum() + " min " + numbers.Min() + " max " + numbers.Max() + " average " + numbers.Average());
        Console.WriteLine("sum of doubles " + numbers.Sum(n => n / 4.0) + " average of selector " + numbers.Average(n => n * 1.5));
        Console.WriteLine("any > 19 " + numbers.Any(n => n > 19) + " all > 0 " + numbers.All(n => n > 0) + " any " + new int[0].Any());
        Console.WriteLine("contains 7 " + numbers.Contains(7));
        Console.WriteLine("first " + numbers.First() + " first > 10 " + numbers.First(n => n > 10) + " last " + numbers.Last() + " last odd " + numbers.Last(n => n % 2 == 1));
        Console.WriteLine("first or default > 100: " + numbers.FirstOrDefault(n => n > 100) + " single 13: " + numbers.Single(n => n == 13));
        Console.WriteLine("element at 4 " + numbers.ElementAt(4) + " or default 40: " + numbers.ElementAtOrDefault(40));
        var words = new[] { "banana", "Apple", "cherry", "date", "elderberry", "fig", "grape", "apple" };
        Show("ordered", words.OrderBy(w => w));
        Show("ordinal", words.OrderBy(w => w, StringComparer.Ordinal));
        Show("by length then name", words.OrderBy(w => w.Length).ThenByDescending(w => w));
        Show("upper", words.Select(w => w.ToUpperInvariant()).Distinct());
        Show("distinct ignore case", words.Distinct(StringComparer.OrdinalIgnoreCase));
        Show("of type", new object[] { 1, "two", 3.0, "four", 5 }.OfType<string>());
        Show("cast", new object[] { 1, 2, 3 }.Cast<int>().Select(x => x * 10));
        Show("concat", numbers.Take(3).Concat(numbers.Skip(17)));
        Show("union", new[] { 1, 2, 3, 4 }.Union(new[] { 3, 4, 5, 6 }));
        Show("intersect", new[] { 1, 2, 3, 4 }.Intersect(new[] { 3, 4, 5, 6 }));
        Show("except", new[] { 1, 2, 3, 4 }.Except(new[] { 3, 4, 5, 6 }));
        Show("default if empty", new int[0].DefaultIfEmpty(42));
        Show("repeat", Enumerable.Repeat("ab", 3));
        Show("empty", Enumerable.Empty<string>());
        Console.WriteLine("sequence equal " + numbers.Take(3).SequenceEqual(new[] { 1, 2, 3 }) + " " + numbers.SequenceEqual(new[] { 1 }));
        Console.WriteLine("min by string " + words.Min() + " max " + words.Max() + " shortest " + words.Min(w => w.Length));
        var list = words.Where(w => w.Length > 4).ToList();
        Console.WriteLine("list " + list.Count + " " + list.GetType().Name);
        var lookup = words.ToLookup(w => w.Length);
        Show("length 5", lookup[5]);
        Console.WriteLine("lookup count " + lookup.Count + " contains 3 " + lookup.Contains(3) + " missing " + lookup[42].Count());
        // Deferred execution: the query sees later changes.
        var source = new List<int> { 1, 2, 3 };
        var query = source.Select(x => x * 100);
        source.Add(4);
        Show("deferred", query);
        Show("query syntax", from w in words where w.Contains("e") orderby w.Length descending, w select w.Substring(0, 3));
    }
}
