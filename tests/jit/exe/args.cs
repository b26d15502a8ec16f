// Main(string[] args): the exit code depends on the arguments (their number, lengths, digits).
static class Program
{
    static int Parse(string s)
    {
        int v = 0, sign = 1, i = 0;
        if (s.Length > 0 && s[0] == '-') { sign = -1; i = 1; }
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v * sign;
    }

    static int Main(string[] args)
    {
        if (args.Length == 0) return 3;
        int total = args.Length * 10;
        for (int i = 0; i < args.Length; i++)
        {
            int n = Parse(args[i]);
            total += n >= 0 ? n : args[i].Length;
            for (int j = 0; j < args[i].Length; j++) total ^= args[i][j] << (j % 5);
        }
        return total % 256;
    }
}
