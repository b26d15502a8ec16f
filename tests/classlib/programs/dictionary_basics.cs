// Dictionary<TKey,TValue>: add, indexer, TryGetValue, remove, keys and values, comparers, order.
using System;
using System.Collections.Generic;

static class Program
{
    static void Main()
    {
        var ages = new Dictionary<string, int>();
        ages.Add("alice", 31);
        ages.Add("bob", 25);
        ages["carol"] = 40;
        ages["bob"] = 26;
        Console.WriteLine("count " + ages.Count);
        foreach (var pair in ages)
            Console.WriteLine(pair.Key + " => " + pair.Value + " " + pair);
        int age;
        Console.WriteLine("TryGetValue alice: " + ages.TryGetValue("alice", out age) + " " + age);
        Console.WriteLine("TryGetValue dave: " + ages.TryGetValue("dave", out age) + " " + age);
        Console.WriteLine("ContainsKey bob: " + ages.ContainsKey("bob") + ", ContainsValue 40: " + ages.ContainsValue(40));
        Console.WriteLine("Remove bob: " + ages.Remove("bob") + ", again: " + ages.Remove("bob"));
        Console.WriteLine("keys: " + string.Join(",", ages.Keys) + " values: " + string.Join(",", ages.Values));
        ages["dave"] = 19;
        ages["erin"] = 52;
        var keys = new List<string>(ages.Keys);
        keys.Sort();
        foreach (var k in keys)
            Console.WriteLine("sorted " + k + " " + ages[k]);

        var squares = new Dictionary<int, long>();
        for (int i = -50; i <= 50; i += 7)
            squares[i] = (long)i * i * i;
        foreach (var kv in squares)
            Console.Write(kv.Key + ":" + kv.Value + " ");
        Console.WriteLine();
        for (int i = -50; i <= 50; i += 14)
            squares.Remove(i);
        squares[1000] = 1;
        squares[-1000] = -1;
        foreach (var kv in squares)
            Console.Write(kv.Key + ":" + kv.Value + " ");
        Console.WriteLine();

        var ci = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ci["Hello"] = "world";
        Console.WriteLine("ignore case: " + ci["HELLO"] + " " + ci.ContainsKey("hello"));
        ci["HELLO"] = "again";
        Console.WriteLine("count " + ci.Count + " value " + ci["hello"]);
        foreach (var k in ci.Keys)
            Console.WriteLine("kept key spelling: " + k);

        var byChar = new Dictionary<char, int>();
        foreach (char c in "mississippi")
        {
            int n;
            byChar.TryGetValue(c, out n);
            byChar[c] = n + 1;
        }
        foreach (var kv in byChar)
            Console.WriteLine("'" + kv.Key + "' x" + kv.Value);

        var copy = new Dictionary<string, int>(ages);
        copy.Clear();
        Console.WriteLine("copy cleared " + copy.Count + ", original " + ages.Count);
        var nested = new Dictionary<string, List<int>>();
        foreach (var w in new[] { "a1", "b2", "a3", "c4", "b5" })
        {
            List<int> l;
            if (!nested.TryGetValue(w.Substring(0, 1), out l))
                nested[w.Substring(0, 1)] = l = new List<int>();
            l.Add(w[1] - '0');
        }
        foreach (var kv in nested)
            Console.WriteLine(kv.Key + ": " + string.Join("+", kv.Value));
        var enumKeys = new Dictionary<DayOfWeek, string> { { DayOfWeek.Monday, "mon" }, { DayOfWeek.Friday, "fri" } };
        foreach (var kv in enumKeys)
            Console.WriteLine(kv.Key + "=" + kv.Value);
        var tupleKeys = new Dictionary<Tuple<int, int>, string>();
        tupleKeys[Tuple.Create(1, 2)] = "one-two";
        Console.WriteLine("tuple key: " + tupleKeys[Tuple.Create(1, 2)]);
    }
}
