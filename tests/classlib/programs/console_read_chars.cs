// Console.Read one character at a time and Console.In.ReadToEnd.
// run: {"stdin": "ab\ncd\u00e9\n"}
// run: {"stdin": "xyz"}
using System;

static class Program
{
    static void Main()
    {
        int c;
        int i = 0;
        while ((c = Console.Read()) != -1 && i < 4)
        {
            Console.WriteLine("char " + i + ": " + c);
            i++;
        }
        string rest = Console.In.ReadToEnd();
        Console.WriteLine("rest: [" + rest.Replace("\n", "\\n") + "] " + rest.Length);
        Console.WriteLine("Peek at end: " + Console.In.Peek());
    }
}
