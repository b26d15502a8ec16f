// A whole program whose exit code is a checksum of many operations of every kind (int, long,
// float, double, arrays, structs, objects, statics, strings, calls, recursion).
using System;

struct Accumulator
{
    public long Total;
    public int Count;
    public void Add(long x) { Total = unchecked(Total * 31 + x); Count++; }
}

class Matrix
{
    public double[] Cells;
    public int N;
    public Matrix(int n) { N = n; Cells = new double[n * n]; }
    public double Get(int i, int j) { return Cells[i * N + j]; }
    public void Set(int i, int j, double v) { Cells[i * N + j] = v; }
    public Matrix Multiply(Matrix o)
    {
        Matrix r = new Matrix(N);
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
            {
                double s = 0;
                for (int k = 0; k < N; k++) s += Get(i, k) * o.Get(k, j);
                r.Set(i, j, s);
            }
        return r;
    }
}

static class Program
{
    static int calls;
    static readonly string Words = "the quick brown fox jumps over the lazy dog";

    static int Gcd(int a, int b) { calls++; return b == 0 ? a : Gcd(b, a % b); }
    static long Power(long b, int e, long m) { long r = 1; b %= m; while (e > 0) { if ((e & 1) != 0) r = r * b % m; b = b * b % m; e >>= 1; } return r; }
    static float Lerp(float a, float b, float t) { return a + (b - a) * t; }

    static int Main()
    {
        Accumulator acc = new Accumulator();
        for (int i = 1; i < 200; i++) acc.Add(Gcd(i * 7919, 104729 % i + i));
        acc.Add(Power(3, 100000, 1000000007));
        Matrix m = new Matrix(6);
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) m.Set(i, j, (i + 1) * 0.5 - j * 0.25);
        Matrix p = m.Multiply(m).Multiply(m);
        acc.Add((long)(p.Get(2, 3) * 1000));
        float f = 0;
        for (int i = 0; i < 100; i++) f = Lerp(f, i, 0.1f);
        acc.Add((long)(f * 1000));
        int spaces = 0;
        for (int i = 0; i < Words.Length; i++) if (Words[i] == ' ') spaces++;
        acc.Add(spaces);
        acc.Add((long)(Math.Sqrt(2) * 1e9) + (long)Math.Floor(-2.5) + (long)(Math.Pow(1.5, 7) * 1000));
        ulong u = 0xFFFFFFFFFFFFFFFFUL;
        acc.Add((long)(u / 3 % 1000));
        acc.Add(calls);
        return (int)((acc.Total & 0x7FFFFFFF) % 251) + acc.Count % 3;
    }
}
