// List<T>: add, insert, remove, search, ranges, capacity, conversion and enumeration.
using System;
using System.Collections.Generic;

static class Program
{
    static void Print<T>(string label, List<T> list)
    {
        Console.WriteLine(label + " (" + list.Count + "): " + string.Join(", ", list));
    }

    static void Main()
    {
        var list = new List<int>();
        for (int i = 0; i < 10; i++)
            list.Add(i * i);
        Print("squares", list);
        list.Insert(0, -1);
        list.Insert(5, 100);
        Print("inserted", list);
        Console.WriteLine("remove 100: " + list.Remove(100) + ", remove 7: " + list.Remove(7));
        list.RemoveAt(0);
        Print("removed", list);
        Console.WriteLine("IndexOf 49: " + list.IndexOf(49) + ", LastIndexOf 4: " + list.LastIndexOf(4));
        Console.WriteLine("Contains 64: " + list.Contains(64) + ", Contains 65: " + list.Contains(65));
        Console.WriteLine("Find > 20: " + list.Find(x => x > 20) + ", FindIndex: " + list.FindIndex(x => x > 20));
        Console.WriteLine("FindLast odd: " + list.FindLast(x => x % 2 == 1) + ", FindLastIndex: " + list.FindLastIndex(x => x % 2 == 1));
        Print("FindAll even", list.FindAll(x => x % 2 == 0));
        Console.WriteLine("Exists > 80: " + list.Exists(x => x > 80) + ", TrueForAll >= 0: " + list.TrueForAll(x => x >= 0));
        Print("GetRange(2,3)", list.GetRange(2, 3));
        list.AddRange(new[] { 7, 8, 9 });
        Print("AddRange", list);
        list.InsertRange(1, new List<int> { 11, 12 });
        Print("InsertRange", list);
        list.RemoveRange(0, 2);
        Print("RemoveRange", list);
        Console.WriteLine("RemoveAll > 40: " + list.RemoveAll(x => x > 40));
        Print("after RemoveAll", list);
        list.Reverse();
        Print("reversed", list);
        list.Reverse(1, 3);
        Print("reverse range", list);
        list.Sort();
        Print("sorted", list);
        Console.WriteLine("BinarySearch 16: " + list.BinarySearch(16) + ", 17: " + list.BinarySearch(17));
        int[] array = list.ToArray();
        Console.WriteLine("array length " + array.Length + " first " + array[0] + " last " + array[array.Length - 1]);
        var strings = list.ConvertAll(x => "<" + x + ">");
        Print("ConvertAll", strings);
        int sum = 0;
        list.ForEach(x => sum += x);
        Console.WriteLine("sum by ForEach: " + sum);
        foreach (var s in strings)
            Console.Write(s.Length + " ");
        Console.WriteLine();
        var cap = new List<string>(3);
        Console.WriteLine("capacity " + cap.Capacity);
        cap.Add("a"); cap.Add("b"); cap.Add("c"); cap.Add("d");
        Console.WriteLine("capacity after 4 adds " + cap.Capacity);
        cap.TrimExcess();
        Console.WriteLine("capacity after TrimExcess " + cap.Capacity);
        cap[1] = "B";
        Print("indexer set", cap);
        var ro = cap.AsReadOnly();
        Console.WriteLine("read-only count " + ro.Count + " item 1 " + ro[1]);
        cap.Clear();
        Console.WriteLine("cleared count " + cap.Count);
        var copy = new List<int>(list);
        copy[0] = 999;
        Console.WriteLine("copy differs: " + (copy[0] != list[0]));
        var target = new int[12];
        list.CopyTo(target, 2);
        Console.WriteLine("CopyTo: " + string.Join(",", target));
        try { list.CopyTo(target, 3); }
        catch (ArgumentException ex) { Console.WriteLine("CopyTo past the end: " + ex.Message); }
        Console.WriteLine("target unchanged: " + string.Join(",", target));
        var names = new List<string> { "delta", "Alpha", "charlie", "Bravo" };
        names.Sort(StringComparer.Ordinal);
        Print("ordinal sort", names);
        names.Sort(StringComparer.OrdinalIgnoreCase);
        Print("ignore-case sort", names);
        names.Sort((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
        Print("by length", names);
    }
}
