// Main's int result becomes the exit status modulo 256 (and the result of deep recursion).
static class Program
{
    static int Depth(int n) { return n == 0 ? 0 : Depth(n - 1) + 1; }

    static int Main(string[] args)
    {
        int d = Depth(100000);
        if (args.Length == 0) return d;             // 100000 % 256 = 160
        if (args[0] == "negative") return -d;
        if (args[0] == "max") return int.MaxValue;
        return d + args[0].Length;
    }
}
