// Calls one method 1000 times (from a loop, and from another method): it is compiled once.
static class Program
{
    static int Square(int x) { return x * x; }
    static int Twice(int x) { return Square(x) + Square(x); }

    static int Main()
    {
        int s = 0;
        for (int i = 0; i < 500; i++) s += Square(i);
        for (int i = 0; i < 250; i++) s -= Twice(i);
        return s % 256;
    }
}
