// Nullable value types: HasValue, GetValueOrDefault, lifted operators, boxing, comparison, ?? and ?.
using System;
using System.Collections.Generic;

struct Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public override string ToString() { return "(" + X + "," + Y + ")"; }
}

static class Program
{
    static string Show(int? v) { return v.HasValue ? v.Value.ToString() : "null"; }

    static int? Half(int n) { return n % 2 == 0 ? n / 2 : (int?)null; }

    static void Main()
    {
        int? a = 5, b = null, c = 7;
        Console.WriteLine("a " + Show(a) + " b " + Show(b) + " has " + a.HasValue + " " + b.HasValue);
        Console.WriteLine("sum " + Show(a + c) + " with null " + Show(a + b) + " product " + Show(a * c) + " negate " + Show(-a));
        Console.WriteLine("compare a<c " + (a < c) + " a<b " + (a < b) + " a>b " + (a > b) + " b==null " + (b == null) + " a==5 " + (a == 5) + " b!=a " + (b != a));
        Console.WriteLine("coalesce " + (b ?? -1) + " " + (a ?? -1) + " default " + b.GetValueOrDefault() + " " + b.GetValueOrDefault(9));
        Console.WriteLine("tostring '" + b.ToString() + "' '" + a.ToString() + "' equals " + a.Equals(5) + " " + b.Equals(null) + " hash " + b.GetHashCode() + " " + a.GetHashCode());
        object boxedA = a, boxedB = b;
        Console.WriteLine("boxed a type " + boxedA.GetType().Name + " boxed b null " + (boxedB == null));
        int? unboxed = (int?)boxedA;
        Console.WriteLine("unboxed " + Show(unboxed) + " is int " + (boxedA is int) + " is int? " + (boxedA is int?));
        try { int v = b.Value; Console.WriteLine(v); }
        catch (InvalidOperationException ex) { Console.WriteLine("Value of null: " + ex.Message); }
        try { int v = (int)b; Console.WriteLine(v); }
        catch (InvalidOperationException ex) { Console.WriteLine("cast of null: " + ex.Message); }
        bool? t = true, f = false, n = null;
        Console.WriteLine("and " + (t & n) + "|" + (f & n) + " or " + (t | n) + "|" + (f | n) + " xor " + (t ^ n));
        Console.WriteLine("bool? show " + (n == true) + " " + (n == false) + " " + (t == true));
        double? d = 2.5;
        long? l = a;
        Console.WriteLine("double " + (d * 2) + " long " + l + " conversion " + (int?)d);
        var halves = new List<int?>();
        for (int i = 0; i < 6; i++) halves.Add(Half(i));
        Console.WriteLine("halves " + string.Join(",", halves) + " count non-null " + halves.FindAll(h => h.HasValue).Count);
        Point? p = new Point(1, 2), q = null;
        Console.WriteLine("point " + p + " x " + p.Value.X + " q " + (q.HasValue ? "set" : "unset") + " q?.X " + (q?.X ?? -1) + " p?.Y " + p?.Y);
        string s = null;
        Console.WriteLine("string?.Length " + (s?.Length ?? -1) + " " + ("abc"?.Length));
        DateTime? when = null;
        Console.WriteLine("date null " + (when == null) + " with value " + (when ?? new DateTime(2000, 1, 1)).Year);
        int?[] arr = { 3, null, 1 };
        Array.Sort(arr);
        Console.WriteLine("sorted nullables " + string.Join(",", arr));
        Console.WriteLine("comparer " + Comparer<int?>.Default.Compare(null, 1) + " " + EqualityComparer<int?>.Default.Equals(null, null));
        Console.WriteLine("Nullable.Compare " + Nullable.Compare(a, c) + " Equals " + Nullable.Equals(b, null) + " underlying " + Nullable.GetUnderlyingType(typeof(int?)).Name);
        a += 10;
        b += 10;
        Console.WriteLine("after += " + Show(a) + " " + Show(b));
        a++;
        Console.WriteLine("after ++ " + Show(a));
    }
}
