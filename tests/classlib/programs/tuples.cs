// Tuples: System.Tuple and ValueTuple, deconstruction, equality, comparison, names, as dictionary keys.
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static (int min, int max, double mean) Stats(int[] xs)
    {
        return (xs.Min(), xs.Max(), xs.Average());
    }

    static Tuple<string, int> Old(string s) { return Tuple.Create(s.ToUpper(), s.Length); }

    static void Main()
    {
        var t = Tuple.Create(1, "two", 3.0);
        Console.WriteLine("tuple " + t + " items " + t.Item1 + " " + t.Item2 + " " + t.Item3);
        var t2 = Tuple.Create(1, "two", 3.0);
        Console.WriteLine("equals " + t.Equals(t2) + " == " + (t == t2) + " hash equal " + (t.GetHashCode() == t2.GetHashCode()));
        var big = Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8);
        Console.WriteLine("eight " + big + " rest " + big.Rest + " item8 " + big.Rest.Item1);
        var old = Old("hello");
        Console.WriteLine("old " + old.Item1 + " " + old.Item2);
        var s = Stats(new[] { 4, 8, 15, 16, 23, 42 });
        Console.WriteLine("stats " + s + " min " + s.min + " max " + s.max + " mean " + s.mean);
        var (lo, hi, _) = Stats(new[] { 3, 1, 2 });
        Console.WriteLine("deconstructed " + lo + " " + hi);
        (int a, int b) = (10, 20);
        (a, b) = (b, a);
        Console.WriteLine("swapped " + a + " " + b);
        var vt = (Name: "Ada", Year: 1815);
        Console.WriteLine("named " + vt + " " + vt.Name + " " + vt.Item2);
        var v1 = (1, "x");
        var v2 = (1, "x");
        var v3 = (2, "a");
        Console.WriteLine("value tuple equals " + v1.Equals(v2) + " " + v1.Equals(v3) + " compare " + v1.CompareTo(v3) + " " + v3.CompareTo(v1));
        var list = new List<(string word, int count)> { ("b", 2), ("a", 2), ("c", 5) };
        list.Sort((x, y) => y.count != x.count ? y.count.CompareTo(x.count) : string.CompareOrdinal(x.word, y.word));
        Console.WriteLine("sorted " + string.Join(" ", list));
        var sortedDefault = list.OrderBy(x => x).ToList();
        Console.WriteLine("default order " + string.Join(" ", sortedDefault));
        var dict = new Dictionary<(int, int), string> { [(0, 0)] = "origin", [(1, 0)] = "east" };
        Console.WriteLine("tuple keys " + dict[(1, 0)] + " " + dict.ContainsKey((0, 1)));
        var grid = new Dictionary<Tuple<int, int>, char>();
        grid[Tuple.Create(2, 3)] = '#';
        Console.WriteLine("reference tuple key " + grid[Tuple.Create(2, 3)]);
        var nested = (1, (2, 3), "four");
        Console.WriteLine("nested " + nested + " " + nested.Item2.Item2);
        var seven = (1, 2, 3, 4, 5, 6, 7);
        Console.WriteLine("long value tuple " + seven + " " + seven.Item7);
        ValueTuple<int> single = ValueTuple.Create(5);
        Console.WriteLine("single " + single + " empty " + new ValueTuple() + " created " + ValueTuple.Create("a", 'b'));
        var comparer = Comparer<Tuple<int, string>>.Default;
        Console.WriteLine("tuple compare " + comparer.Compare(Tuple.Create(1, "b"), Tuple.Create(1, "a")));
        foreach (var entry in list)
        {
            var (word, count) = entry;
            Console.Write(word + "=" + count + ";");
        }
        Console.WriteLine();
        var pairs = new[] { "a:1", "b:22", "c:333" }.Select(p => { var parts = p.Split(':'); return (key: parts[0], value: int.Parse(parts[1])); });
        Console.WriteLine("parsed " + string.Join(",", pairs.Select(p => p.key + (p.value * 2))));
        object boxed = (3, "z");
        Console.WriteLine("boxed " + boxed + " type " + boxed.GetType().Name);
        var kv = new KeyValuePair<string, int>("k", 9);
        Console.WriteLine("pair " + kv + " " + kv.Key + kv.Value);
    }
}
