// Console output: every Write overload, format strings, Console.Error (not compared, but must not
// disturb stdout), Console.Out.Flush, SetOut to a StringWriter and back, encodings.
// run: {}
// run: {"env": {"LANG": "C"}}
// run: {"env": {"LANG": "de_DE.UTF-8"}}
using System;
using System.IO;
using System.Text;

static class Program
{
    static void Main()
    {
        Console.Write(1); Console.Write(' '); Console.Write(2L); Console.Write(' '); Console.Write(3.5); Console.Write(' ');
        Console.Write(4.25f); Console.Write(' '); Console.Write(5.125m); Console.Write(' '); Console.Write(true); Console.Write(' ');
        Console.Write(6u); Console.Write(' '); Console.Write(7UL); Console.Write(' '); Console.Write((object)null); Console.Write("|");
        Console.Write(new[] { 'c', 'h', 'a', 'r', 's' }); Console.Write(new[] { 'x', 'y', 'z' }, 1, 1);
        Console.WriteLine();
        Console.WriteLine("{0} + {1} = {2}", 1, 2, 3);
        Console.WriteLine("{0,-8}|{1,8}|{2:000}", "left", "right", 7);
        Console.WriteLine("{0} {1} {2} {3} {4}", "a", "b", "c", "d", "e");
        Console.Write("{0}/{1}\n", "x", "y");
        Console.WriteLine(new object());
        Console.WriteLine(new char[] { 'o', 'k' });
        Console.WriteLine("unicode: \u00e9\u00e8\u00ea \u00fc \u20ac \u4e2d\u6587 \U0001F600");
        Console.Error.WriteLine("this goes to stderr");
        Console.Error.Flush();
        Console.Out.Flush();
        var saved = Console.Out;
        var sw = new StringWriter();
        Console.SetOut(sw);
        Console.WriteLine("captured {0}", 42);
        Console.Write("more");
        Console.SetOut(saved);
        Console.WriteLine("captured text: [" + sw.ToString().Replace("\n", "\\n") + "]");
        Console.WriteLine("output encoding: " + Console.OutputEncoding.WebName);
        Console.WriteLine("newline: " + (Console.Out.NewLine == "\n"));
        var stdout = Console.OpenStandardOutput();
        var bytes = Encoding.ASCII.GetBytes("raw bytes through the stream\n");
        stdout.Write(bytes, 0, bytes.Length);
        stdout.Flush();
        using (var w = new StreamWriter(Console.OpenStandardOutput()))
            w.WriteLine("through a StreamWriter");
        Console.WriteLine("still writing after the stream closed");
        for (int i = 0; i < 200; i++)
            Console.Write(i % 10 == 9 ? "9\n" : i % 10 + "");
        Console.WriteLine("done");
    }
}
