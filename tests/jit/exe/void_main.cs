// void Main(string[] args): the exit code is 0 unless an exception escapes; with the argument
// "fail" it divides by zero.
static class Program
{
    static int sink;

    static void Work(int n)
    {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i * i % 7;
        for (int i = 0; i < n; i++) sink += a[i];
    }

    static void Main(string[] args)
    {
        Work(1000);
        if (args.Length > 0 && args[0] == "fail") sink /= args.Length - 1;
    }
}
