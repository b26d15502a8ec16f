// Random with a seed: Next ranges, NextDouble, NextBytes, shuffles and simulations reproducible across runtimes.
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static void Main()
    {
        var r = new Random(12345);
        Console.WriteLine("next " + string.Join(" ", Enumerable.Range(0, 8).Select(_ => r.Next())));
        Console.WriteLine("next(100) " + string.Join(" ", Enumerable.Range(0, 15).Select(_ => r.Next(100))));
        Console.WriteLine("next(-50,50) " + string.Join(" ", Enumerable.Range(0, 15).Select(_ => r.Next(-50, 50))));
        Console.WriteLine("doubles " + string.Join(" ", Enumerable.Range(0, 5).Select(_ => r.NextDouble().ToString("R"))));
        var bytes = new byte[16];
        r.NextBytes(bytes);
        Console.WriteLine("bytes " + BitConverter.ToString(bytes));
        Console.WriteLine("big range " + r.Next(int.MinValue, int.MaxValue) + " " + r.Next(0, 1) + " " + r.Next(0));
        var deck = Enumerable.Range(1, 20).ToArray();
        var shuffle = new Random(42);
        for (int i = deck.Length - 1; i > 0; i--)
        {
            int j = shuffle.Next(i + 1);
            int t = deck[i]; deck[i] = deck[j]; deck[j] = t;
        }
        Console.WriteLine("shuffled " + string.Join(",", deck));
        var dice = new Random(7);
        var counts = new int[7];
        for (int i = 0; i < 6000; i++)
            counts[dice.Next(1, 7)]++;
        Console.WriteLine("dice " + string.Join(" ", counts.Skip(1)));
        var walk = new Random(2024);
        int pos = 0, max = 0, min = 0;
        for (int i = 0; i < 1000; i++)
        {
            pos += walk.NextDouble() < 0.5 ? -1 : 1;
            max = Math.Max(max, pos);
            min = Math.Min(min, pos);
        }
        Console.WriteLine("walk end " + pos + " max " + max + " min " + min);
        var mc = new Random(99);
        int inside = 0;
        for (int i = 0; i < 20000; i++)
        {
            double x = mc.NextDouble(), y = mc.NextDouble();
            if (x * x + y * y <= 1) inside++;
        }
        Console.WriteLine("pi estimate " + (4.0 * inside / 20000).ToString("F4"));
        var a = new Random(1);
        var b = new Random(1);
        bool same = true;
        for (int i = 0; i < 100; i++) same &= a.Next() == b.Next();
        Console.WriteLine("same seed same sequence " + same);
        var negative = new Random(-17);
        Console.WriteLine("negative seed " + negative.Next(1000) + " " + negative.Next(1000));
        var maxSeed = new Random(int.MaxValue);
        Console.WriteLine("max seed " + maxSeed.Next(1000));
        try { r.Next(5, 1); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("bad range: " + ex.Message.Replace("\n", " | ")); }
        try { r.Next(-1); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("negative max: " + ex.Message.Replace("\n", " | ")); }
        var words = new List<string> { "alpha", "beta", "gamma", "delta", "epsilon" };
        var pick = new Random(3);
        Console.WriteLine("ordered randomly " + string.Join(" ", words.OrderBy(w => pick.Next())));
        var password = new char[12];
        var pr = new Random(555);
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < password.Length; i++) password[i] = alphabet[pr.Next(alphabet.Length)];
        Console.WriteLine("password " + new string(password));
    }
}
