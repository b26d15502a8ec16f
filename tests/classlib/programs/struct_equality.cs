// Structs: default Equals and GetHashCode (field by field), overridden equality, operators, copies, in collections.
using System;
using System.Collections.Generic;

struct Plain { public int A; public int B; }
struct WithRef { public int N; public string S; }
struct WithDouble { public double D; public int I; }

struct Vec : IEquatable<Vec>
{
    public readonly double X, Y;
    public Vec(double x, double y) { X = x; Y = y; }
    public static Vec operator +(Vec a, Vec b) { return new Vec(a.X + b.X, a.Y + b.Y); }
    public static Vec operator *(Vec a, double k) { return new Vec(a.X * k, a.Y * k); }
    public static bool operator ==(Vec a, Vec b) { return a.Equals(b); }
    public static bool operator !=(Vec a, Vec b) { return !a.Equals(b); }
    public bool Equals(Vec o) { return X == o.X && Y == o.Y; }
    public override bool Equals(object o) { return o is Vec && Equals((Vec)o); }
    public override int GetHashCode() { return X.GetHashCode() * 31 + Y.GetHashCode(); }
    public override string ToString() { return "<" + X + ", " + Y + ">"; }
    public double Length { get { return Math.Sqrt(X * X + Y * Y); } }
}

struct Counter
{
    public int Count;
    public void Increment() { Count++; }
}

static class Program
{
    static void Bump(Counter c) { c.Increment(); }
    static void BumpRef(ref Counter c) { c.Increment(); }

    static void Main()
    {
        var p1 = new Plain { A = 1, B = 2 };
        var p2 = new Plain { A = 1, B = 2 };
        var p3 = new Plain { A = 2, B = 1 };
        Console.WriteLine("plain equals " + p1.Equals(p2) + " " + p1.Equals(p3) + " hash same " + (p1.GetHashCode() == p2.GetHashCode()) + " tostring " + p1);
        var r1 = new WithRef { N = 1, S = "abc" };
        var r2 = new WithRef { N = 1, S = new string(new[] { 'a', 'b', 'c' }) };
        var r3 = new WithRef { N = 1, S = "abd" };
        Console.WriteLine("with ref equals " + r1.Equals(r2) + " " + r1.Equals(r3) + " hash same " + (r1.GetHashCode() == r2.GetHashCode()));
        var d1 = new WithDouble { D = 0.0, I = 1 };
        var d2 = new WithDouble { D = -0.0, I = 1 };
        var d3 = new WithDouble { D = double.NaN, I = 1 };
        Console.WriteLine("with double equals " + d1.Equals(d2) + " nan " + d3.Equals(d3) + " different " + d1.Equals(new WithDouble { D = 1, I = 1 }));
        Console.WriteLine("equals other type " + p1.Equals(5) + " null " + p1.Equals(null));
        var v = new Vec(3, 4);
        var w = v + new Vec(1, 1) * 2;
        Console.WriteLine("vec " + v + " length " + v.Length + " w " + w + " == " + (v == new Vec(3, 4)) + " != " + (v != w));
        var set = new HashSet<Vec> { v, new Vec(3, 4), w };
        Console.WriteLine("set count " + set.Count + " contains " + set.Contains(new Vec(5, 6)));
        var plainSet = new HashSet<Plain> { p1, p2, p3 };
        Console.WriteLine("plain set " + plainSet.Count);
        var dict = new Dictionary<WithRef, int> { { r1, 10 } };
        Console.WriteLine("dict by struct with string " + dict[r2] + " contains r3 " + dict.ContainsKey(r3));
        var c = new Counter();
        Bump(c);
        Console.WriteLine("after by-value " + c.Count);
        BumpRef(ref c);
        c.Increment();
        Console.WriteLine("after by-ref and direct " + c.Count);
        var arr = new Counter[3];
        arr[1].Increment();
        arr[1].Increment();
        Console.WriteLine("array element in place " + arr[1].Count + " others " + arr[0].Count);
        var list = new List<Counter> { new Counter() };
        var item = list[0];
        item.Increment();
        Console.WriteLine("list copy " + list[0].Count + " local " + item.Count);
        object boxed = c;
        c.Increment();
        Console.WriteLine("boxed snapshot " + ((Counter)boxed).Count + " live " + c.Count);
        Console.WriteLine("boxed equals " + boxed.Equals(c) + " " + boxed.Equals((object)new Counter { Count = 2 }));
        Console.WriteLine("default " + default(Vec) + " " + new Plain().A + " " + default(Plain).Equals(new Plain()));
        Console.WriteLine("value type " + typeof(Vec).IsValueType + " " + (boxed is ValueType));
        var kv1 = new KeyValuePair<int, string>(1, "a");
        var kv2 = new KeyValuePair<int, string>(1, "a");
        Console.WriteLine("kv equals " + kv1.Equals(kv2));
        var dt1 = new DateTime(2020, 1, 1);
        Console.WriteLine("datetime equals " + dt1.Equals(new DateTime(2020, 1, 1)) + " timespan " + TimeSpan.FromMinutes(60).Equals(TimeSpan.FromHours(1)) + " decimal " + 1.0m.Equals(1.00m) + " guid " + Guid.Empty.Equals(new Guid()));
    }
}
