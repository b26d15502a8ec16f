// System.Array: Sort (with keys, ranges, comparers), BinarySearch, Reverse, Resize, IndexOf, Copy, Fill-like loops, multidimensional.
using System;
using System.Collections.Generic;

class ByLastChar : IComparer<string>
{
    public int Compare(string a, string b) { return a[a.Length - 1].CompareTo(b[b.Length - 1]); }
}

static class Program
{
    static string S<T>(T[] a) { return "[" + string.Join(",", a) + "]"; }

    static void Main()
    {
        int[] nums = { 5, 3, 9, 1, 7, 3, 8, -2, 0 };
        var copy = (int[])nums.Clone();
        Array.Sort(copy);
        Console.WriteLine("sorted " + S(copy) + " original " + S(nums));
        Console.WriteLine("binary search 7: " + Array.BinarySearch(copy, 7) + " 4: " + Array.BinarySearch(copy, 4) + " ~4: " + ~Array.BinarySearch(copy, 4) + " 100: " + Array.BinarySearch(copy, 100));
        Array.Reverse(copy);
        Console.WriteLine("reversed " + S(copy));
        Array.Reverse(copy, 2, 4);
        Console.WriteLine("reverse range " + S(copy));
        var part = (int[])nums.Clone();
        Array.Sort(part, 2, 5);
        Console.WriteLine("sort range " + S(part));
        Array.Sort(part, (a, b) => b.CompareTo(a));
        Console.WriteLine("sort comparison desc " + S(part));
        string[] keys = { "cherry", "apple", "banana", "date" };
        int[] values = { 3, 1, 2, 4 };
        Array.Sort(keys, values);
        Console.WriteLine("sort keys " + S(keys) + " items " + S(values));
        Array.Sort(keys, new ByLastChar());
        Console.WriteLine("by last char " + S(keys));
        Array.Sort(keys, StringComparer.Ordinal);
        Console.WriteLine("IndexOf banana " + Array.IndexOf(keys, "banana") + " LastIndexOf 3 " + Array.LastIndexOf(nums, 3) + " IndexOf from " + Array.IndexOf(nums, 3, 2) + " missing " + Array.IndexOf(nums, 42));
        Array.Resize(ref nums, 12);
        Console.WriteLine("grown " + S(nums) + " length " + nums.Length);
        Array.Resize(ref nums, 4);
        Console.WriteLine("shrunk " + S(nums));
        int[] none = null;
        Array.Resize(ref none, 2);
        Console.WriteLine("from null " + S(none));
        var dest = new int[8];
        Array.Copy(nums, 0, dest, 3, 4);
        Console.WriteLine("copy " + S(dest));
        Array.Copy(dest, 3, dest, 4, 4);
        Console.WriteLine("overlapping copy " + S(dest));
        Array.Clear(dest, 0, 5);
        Console.WriteLine("cleared " + S(dest));
        Console.WriteLine("exists " + Array.Exists(nums, n => n > 8) + " find " + Array.Find(nums, n => n < 4) + " findall " + S(Array.FindAll(nums, n => n % 2 == 1)) + " findindex " + Array.FindIndex(nums, n => n == 1) + " trueforall " + Array.TrueForAll(nums, n => n > 0));
        Console.WriteLine("convertall " + S(Array.ConvertAll(nums, n => n * 1.5)));
        var grid = new int[3, 4];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                grid[i, j] = i * 10 + j;
        Console.WriteLine("rank " + grid.Rank + " length " + grid.Length + " dims " + grid.GetLength(0) + "x" + grid.GetLength(1) + " upper " + grid.GetUpperBound(1) + " item " + grid[2, 3]);
        int total = 0;
        foreach (int v in grid) total += v;
        Console.WriteLine("grid sum " + total);
        var jag = new int[3][];
        for (int i = 0; i < 3; i++) { jag[i] = new int[i + 1]; for (int j = 0; j <= i; j++) jag[i][j] = i + j; }
        foreach (var row in jag) Console.Write(S(row));
        Console.WriteLine();
        Array arr = Array.CreateInstance(typeof(string), 3);
        arr.SetValue("x", 0);
        arr.SetValue("y", 2);
        Console.WriteLine("created " + arr.GetValue(0) + "," + (arr.GetValue(1) ?? "null") + "," + arr.GetValue(2) + " type " + arr.GetType());
        var cube = (int[,,])Array.CreateInstance(typeof(int), 2, 2, 2);
        cube[1, 1, 1] = 8;
        Console.WriteLine("cube " + cube.Length + " " + cube[1, 1, 1] + " " + cube.GetType());
        double[] ds = { 3.5, double.NaN, -1, double.NegativeInfinity, 0 };
        Array.Sort(ds);
        Console.WriteLine("doubles " + S(ds));
        var strs = new[] { "b", null, "a" };
        Array.Sort(strs);
        Console.WriteLine("with null " + S(strs) + " first null " + (strs[0] == null));
        Console.WriteLine("empty " + Array.Empty<int>().Length + " equal refs " + ReferenceEquals(Array.Empty<int>(), Array.Empty<int>()));
        IList<int> list = new[] { 4, 5, 6 };
        Console.WriteLine("as IList " + list.Count + " " + list[1] + " contains " + list.Contains(6) + " read-only " + list.IsReadOnly);
        var bytes = new byte[] { 1, 2, 3, 4, 5 };
        Buffer.BlockCopy(bytes, 1, bytes, 0, 4);
        Console.WriteLine("block copy " + S(bytes) + " byte length " + Buffer.ByteLength(new int[3]));
        var objs = new object[] { 1, "s", 2.0 };
        object[] target = new object[3];
        objs.CopyTo(target, 0);
        Console.WriteLine("object copy " + S(target));
        var longs = new long[] { 5, 1, 4 };
        Array.Sort(longs);
        var chars = new[] { 'z', 'a', 'm' };
        Array.Sort(chars);
        Console.WriteLine("longs " + S(longs) + " chars " + S(chars) + " index of char " + Array.IndexOf(chars, 'm'));
        Console.WriteLine("big sort " + BigSort());
    }

    static string BigSort()
    {
        var a = new int[5000];
        uint x = 2463534242;
        for (int i = 0; i < a.Length; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; a[i] = (int)(x % 100000); }
        Array.Sort(a);
        for (int i = 1; i < a.Length; i++) if (a[i - 1] > a[i]) return "unsorted";
        return a[0] + " " + a[2500] + " " + a[4999];
    }
}
