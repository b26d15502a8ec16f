// SortedDictionary, SortedList and their ordering, custom comparers, key/value access.
using System;
using System.Collections.Generic;

class Descending : IComparer<int>
{
    public int Compare(int x, int y) { return y.CompareTo(x); }
}

static class Program
{
    static void Main()
    {
        var sd = new SortedDictionary<string, int>();
        foreach (var w in "zebra apple mango kiwi banana apple cherry".Split(' '))
        {
            int n;
            sd.TryGetValue(w, out n);
            sd[w] = n + 1;
        }
        foreach (var kv in sd)
            Console.WriteLine(kv.Key + " " + kv.Value);
        Console.WriteLine("keys " + string.Join(",", sd.Keys));
        Console.WriteLine("values " + string.Join(",", sd.Values));
        Console.WriteLine("remove kiwi " + sd.Remove("kiwi") + " count " + sd.Count);
        Console.WriteLine("contains value 2 " + sd.ContainsValue(2));

        var desc = new SortedDictionary<int, string>(new Descending());
        for (int i = 0; i < 8; i++)
            desc[i * 37 % 11] = "v" + i;
        foreach (var kv in desc)
            Console.Write(kv.Key + "=" + kv.Value + " ");
        Console.WriteLine();

        var sl = new SortedList<int, string>();
        sl.Add(50, "fifty");
        sl.Add(10, "ten");
        sl.Add(30, "thirty");
        sl[20] = "twenty";
        sl[40] = "forty";
        Console.WriteLine("sorted list count " + sl.Count + " capacity >= count " + (sl.Capacity >= sl.Count));
        for (int i = 0; i < sl.Count; i++)
            Console.WriteLine("at " + i + ": " + sl.Keys[i] + " " + sl.Values[i]);
        Console.WriteLine("IndexOfKey 30: " + sl.IndexOfKey(30) + ", 35: " + sl.IndexOfKey(35));
        Console.WriteLine("IndexOfValue forty: " + sl.IndexOfValue("forty"));
        sl.RemoveAt(0);
        sl.Remove(50);
        Console.WriteLine("after removes " + string.Join(",", sl.Keys));
        try { sl.Add(20, "again"); }
        catch (ArgumentException ex) { Console.WriteLine("duplicate: " + ex.Message); }
        try { Console.WriteLine(sl[99]); }
        catch (KeyNotFoundException ex) { Console.WriteLine("missing: " + ex.Message); }

        var byLength = new SortedList<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in new[] { "Delta", "alpha", "Charlie", "bravo" })
            byLength[w] = w.Length;
        foreach (var kv in byLength)
            Console.WriteLine(kv.Key + ":" + kv.Value);
        var dates = new SortedDictionary<DateTime, string>();
        dates[new DateTime(2020, 5, 1)] = "may";
        dates[new DateTime(2019, 1, 1)] = "jan";
        dates[new DateTime(2020, 1, 1)] = "new year";
        foreach (var kv in dates)
            Console.WriteLine(kv.Key.ToString("yyyy-MM-dd") + " " + kv.Value);
    }
}
