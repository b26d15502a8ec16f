// An exception no one catches: the program ends with exit code 1 and names the exception on stderr.
static class Program
{
    static int Divide(int a, int b) { return a / b; }
    static int Middle(int x) { return Divide(100, x - 5) + 1; }

    static int Main()
    {
        int s = 0;
        for (int i = 0; i < 10; i++) s += Middle(i);
        return s;
    }
}
