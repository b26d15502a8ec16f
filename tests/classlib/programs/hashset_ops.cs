// HashSet<T>: membership, set algebra, comparisons between sets, custom comparers.
using System;
using System.Collections.Generic;

static class Program
{
    static string Show<T>(IEnumerable<T> items)
    {
        var l = new List<T>(items);
        l.Sort();
        return "{" + string.Join(",", l) + "}";
    }

    static void Main()
    {
        var a = new HashSet<int> { 1, 2, 3, 4, 5 };
        var b = new HashSet<int>(new[] { 4, 5, 6, 7 });
        Console.WriteLine("a " + Show(a) + " b " + Show(b));
        Console.WriteLine("add 3: " + a.Add(3) + ", add 9: " + a.Add(9));
        Console.WriteLine("contains 9: " + a.Contains(9) + ", remove 9: " + a.Remove(9) + ", remove 9 again: " + a.Remove(9));
        var u = new HashSet<int>(a); u.UnionWith(b);
        var i = new HashSet<int>(a); i.IntersectWith(b);
        var e = new HashSet<int>(a); e.ExceptWith(b);
        var x = new HashSet<int>(a); x.SymmetricExceptWith(b);
        Console.WriteLine("union " + Show(u) + " intersect " + Show(i) + " except " + Show(e) + " symmetric " + Show(x));
        Console.WriteLine("i subset of a: " + i.IsSubsetOf(a) + ", proper: " + i.IsProperSubsetOf(a));
        Console.WriteLine("u superset of b: " + u.IsSupersetOf(b) + ", proper: " + u.IsProperSupersetOf(b));
        Console.WriteLine("overlaps: " + a.Overlaps(b) + ", set equals: " + a.SetEquals(new[] { 5, 4, 3, 2, 1, 1 }));
        Console.WriteLine("RemoveWhere even: " + u.RemoveWhere(n => n % 2 == 0) + " -> " + Show(u));
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Apple", "banana" };
        Console.WriteLine("add APPLE: " + words.Add("APPLE") + ", contains BANANA: " + words.Contains("BANANA") + ", count " + words.Count);
        var letters = new HashSet<char>("hello world");
        Console.WriteLine("distinct letters " + letters.Count + " " + Show(letters));
        var arr = new int[a.Count];
        a.CopyTo(arr);
        Array.Sort(arr);
        Console.WriteLine("copied " + string.Join(" ", arr));
        var big = new HashSet<long>();
        for (long n = 0; n < 2000; n += 3)
            big.Add(n * 7919 % 1000);
        Console.WriteLine("big count " + big.Count);
        long total = 0;
        foreach (var n in big) total += n;
        Console.WriteLine("big sum " + total);
        a.Clear();
        Console.WriteLine("cleared " + a.Count + " " + Show(a));
        var sorted = new SortedSet<string> { "pear", "apple", "fig", "apple" };
        Console.WriteLine("sorted set " + string.Join(",", sorted) + " min " + sorted.Min + " max " + sorted.Max);
        Console.WriteLine("view " + string.Join(",", sorted.GetViewBetween("b", "g")));
    }
}
