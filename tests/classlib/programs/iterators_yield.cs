// Iterators with yield: lazy sequences, early exit with finally, nested iterators, state.
using System;
using System.Collections;
using System.Collections.Generic;

class Countdown : IEnumerable<int>
{
    readonly int from;
    public Countdown(int from) { this.from = from; }
    public IEnumerator<int> GetEnumerator()
    {
        for (int i = from; i >= 0; i--)
            yield return i;
    }
    IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
}

class Tree
{
    public int Value;
    public Tree Left, Right;
    public Tree(int v, Tree l = null, Tree r = null) { Value = v; Left = l; Right = r; }
    public IEnumerable<int> InOrder()
    {
        if (Left != null)
            foreach (var v in Left.InOrder()) yield return v;
        yield return Value;
        if (Right != null)
            foreach (var v in Right.InOrder()) yield return v;
    }
}

static class Program
{
    static List<string> log = new List<string>();

    static IEnumerable<int> Fibonacci()
    {
        long a = 0, b = 1;
        while (true)
        {
            yield return (int)a;
            long t = a + b; a = b; b = t;
        }
    }

    static IEnumerable<string> WithCleanup(string name)
    {
        log.Add(name + " start");
        try
        {
            yield return name + "1";
            yield return name + "2";
            yield return name + "3";
        }
        finally
        {
            log.Add(name + " finally");
        }
    }

    static IEnumerable<T> Every<T>(IEnumerable<T> source, int step)
    {
        int i = 0;
        foreach (var x in source)
        {
            if (i++ % step == 0)
                yield return x;
        }
    }

    static IEnumerable<int> Primes(int limit)
    {
        for (int n = 2; n < limit; n++)
        {
            bool prime = true;
            for (int d = 2; d * d <= n; d++)
                if (n % d == 0) { prime = false; break; }
            if (!prime) continue;
            yield return n;
        }
        yield break;
    }

    static IEnumerator<char> Letters()
    {
        yield return 'x';
        yield return 'y';
    }

    static IEnumerable<int> Checked(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException("n");
        for (int i = 0; i < n; i++) yield return i;
    }

    static void Main()
    {
        Console.WriteLine("countdown " + string.Join(",", new Countdown(5)));
        var fib = new List<int>();
        foreach (var f in Fibonacci())
        {
            if (f > 1000) break;
            fib.Add(f);
        }
        Console.WriteLine("fib " + string.Join(" ", fib));
        foreach (var s in WithCleanup("A"))
            if (s == "A2") break;
        foreach (var s in WithCleanup("B"))
            log.Add("saw " + s);
        Console.WriteLine(string.Join("; ", log));
        Console.WriteLine("every 3rd " + string.Join(",", Every(Primes(100), 3)));
        var tree = new Tree(5, new Tree(3, new Tree(1), new Tree(4)), new Tree(8, null, new Tree(9, new Tree(7))));
        Console.WriteLine("in order " + string.Join(" ", tree.InOrder()));
        var e = Letters();
        while (e.MoveNext())
            Console.Write(e.Current);
        Console.WriteLine(" moved past end: " + e.MoveNext());
        var lazy = Checked(-1);
        Console.WriteLine("created lazily");
        try { foreach (var x in lazy) Console.WriteLine(x); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("thrown on first MoveNext: " + ex.ParamName); }
        var twice = Checked(3);
        Console.WriteLine("enumerated twice " + string.Join("", twice) + string.Join("", twice));
        IEnumerable nonGeneric = new Countdown(2);
        foreach (object o in nonGeneric)
            Console.Write(o + "/");
        Console.WriteLine();
        using (var en = WithCleanup("C").GetEnumerator())
        {
            en.MoveNext();
            Console.WriteLine("current " + en.Current);
        }
        Console.WriteLine(log[log.Count - 1]);
    }
}
