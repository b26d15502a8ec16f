// Generics with the class library's interfaces: IComparable<T>, IEquatable<T>, IEnumerable<T>, constraints.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

struct Money : IComparable<Money>, IEquatable<Money>, IComparable
{
    public readonly long Cents;
    public Money(long cents) { Cents = cents; }
    public int CompareTo(Money other) { return Cents.CompareTo(other.Cents); }
    public int CompareTo(object obj) { return CompareTo((Money)obj); }
    public bool Equals(Money other) { return Cents == other.Cents; }
    public override bool Equals(object obj) { return obj is Money && Equals((Money)obj); }
    public override int GetHashCode() { return Cents.GetHashCode(); }
    public override string ToString() { return (Cents / 100) + "." + (Cents % 100).ToString("00"); }
}

class Version : IComparable<Version>
{
    public int Major, Minor;
    public Version(int major, int minor) { Major = major; Minor = minor; }
    public int CompareTo(Version other)
    {
        int c = Major.CompareTo(other.Major);
        return c != 0 ? c : Minor.CompareTo(other.Minor);
    }
    public override string ToString() { return Major + "." + Minor; }
}

class Ring<T> : IEnumerable<T>
{
    readonly T[] items;
    int start;
    public Ring(params T[] items) { this.items = items; }
    public void Rotate() { start = (start + 1) % items.Length; }
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < items.Length; i++)
            yield return items[(start + i) % items.Length];
    }
    IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
}

class Pair<TFirst, TSecond>
{
    public TFirst First { get; set; }
    public TSecond Second { get; set; }
    public override string ToString() { return "(" + First + ", " + Second + ")"; }
}

static class Program
{
    static T Max<T>(IEnumerable<T> items) where T : IComparable<T>
    {
        T best = default(T);
        bool any = false;
        foreach (var x in items)
            if (!any || x.CompareTo(best) > 0) { best = x; any = true; }
        return best;
    }

    static int CountEqual<T>(T[] items, T value) where T : IEquatable<T>
    {
        int n = 0;
        foreach (var x in items) if (x.Equals(value)) n++;
        return n;
    }

    static T Create<T>() where T : new() { return new T(); }

    static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }

    static string Describe<T>(T value)
    {
        return typeof(T).Name + ":" + (value == null ? "null" : value.ToString()) + " default " + (default(T) == null ? "null" : default(T).ToString());
    }

    static void Main()
    {
        var prices = new[] { new Money(1999), new Money(250), new Money(10000), new Money(250) };
        Console.WriteLine("max money " + Max(prices));
        Console.WriteLine("equal 2.50: " + CountEqual(prices, new Money(250)));
        var sorted = (Money[])prices.Clone();
        Array.Sort(sorted);
        Console.WriteLine("sorted " + string.Join(" ", sorted));
        Console.WriteLine("list contains " + new List<Money>(prices).Contains(new Money(10000)) + " index " + Array.IndexOf(prices, new Money(250)));
        var set = new HashSet<Money>(prices);
        Console.WriteLine("distinct " + set.Count);
        var versions = new List<Version> { new Version(1, 10), new Version(1, 2), new Version(0, 9), new Version(2, 0) };
        versions.Sort();
        Console.WriteLine("versions " + string.Join(" ", versions) + " max " + Max(versions));
        Console.WriteLine("comparer default " + Comparer<Version>.Default.Compare(versions[0], versions[1]));
        Console.WriteLine("max strings " + Max(new[] { "pear", "apple", "zucchini", "fig" }) + " max ints " + Max(new[] { 3, 9, -2 }));
        var ring = new Ring<string>("a", "b", "c", "d");
        ring.Rotate(); ring.Rotate();
        Console.WriteLine("ring " + string.Join("", ring) + " count " + ring.Count() + " linq " + string.Join("", ring.Where(s => s != "a")));
        var pair = new Pair<string, int> { First = "x", Second = 42 };
        Console.WriteLine("pair " + pair + " " + Create<Pair<int, double>>());
        int p = 1, q = 2;
        Swap(ref p, ref q);
        string s1 = "left", s2 = "right";
        Swap(ref s1, ref s2);
        Console.WriteLine("swapped " + p + q + " " + s1 + s2);
        Console.WriteLine(Describe(5) + " | " + Describe("s") + " | " + Describe<object>(null) + " | " + Describe(new Money(5)) + " | " + Describe<int?>(null));
        var eq = EqualityComparer<Money>.Default;
        Console.WriteLine("equality comparer " + eq.Equals(new Money(1), new Money(1)) + " " + eq.Equals(new Money(1), new Money(2)));
        var cmp = Comparer<Money>.Default;
        Console.WriteLine("comparer " + cmp.Compare(new Money(1), new Money(2)) + " " + cmp.Compare(new Money(3), new Money(2)));
        IComparable boxed = new Money(7);
        Console.WriteLine("non-generic compare " + boxed.CompareTo(new Money(7)));
        var dict = new Dictionary<Money, string> { { new Money(100), "one" }, { new Money(200), "two" } };
        Console.WriteLine("dictionary by struct " + dict[new Money(200)]);
        var generic = typeof(Pair<,>).MakeGenericType(typeof(int), typeof(string));
        Console.WriteLine("generic type " + generic.Name + " args " + generic.GetGenericArguments().Length + " def " + generic.IsGenericType);
    }
}
