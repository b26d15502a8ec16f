// Console input from a pipe: ReadLine to the end, Read character by character, mixed with output.
// run: {"stdin": "first line\nsecond line\n\n  spaced  \nlast line without newline"}
// run: {"stdin": ""}
// run: {"stdin": "12\n34\n-5\nnot a number\n\u00e9t\u00e9 \u00fcber \u20ac\nend\n"}
// run: {"stdin": "windows\r\nline endings\r\n"}
using System;

static class Program
{
    static void Main()
    {
        int count = 0, sum = 0;
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            count++;
            int n;
            if (int.TryParse(line, out n))
                sum += n;
            Console.WriteLine(count + ": [" + line + "] length " + line.Length);
            if (line == "end")
                break;
        }
        Console.WriteLine("lines: " + count + " sum: " + sum);
        int c = Console.Read();
        Console.WriteLine("after end, Read gives " + c);
        Console.WriteLine("ReadLine at end: " + (Console.ReadLine() == null));
        Console.WriteLine("In is a reader: " + (Console.In != null));
        Console.WriteLine("input redirected: " + Console.IsInputRedirected + " output redirected: " + Console.IsOutputRedirected);
    }
}
