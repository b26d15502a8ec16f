// Exit codes: Environment.ExitCode for a void Main, Environment.Exit in the middle of output (nothing
// written before it may be lost), and an exception nothing catches (output kept, exit code 1).
// run: {"args": ["exitcode"]}
// run: {"args": ["exit"]}
// run: {"args": ["exit-in-finally"]}
// run: {"args": ["throw"]}
// run: {"args": ["exit-negative"]}
// run: {"args": ["nothing"]}
using System;

static class Program
{
    static void Main(string[] args)
    {
        for (int i = 0; i < 5; i++)
            Console.Write("line " + i + "\n");
        Console.Out.Write("partial line without newline ");
        switch (args[0])
        {
            case "exitcode":
                Environment.ExitCode = 42;
                Console.WriteLine("set the exit code");
                break;
            case "exit":
                Console.Write("before exit");
                Environment.Exit(3);
                Console.WriteLine("never printed");
                break;
            case "exit-in-finally":
                try
                {
                    Console.WriteLine("in try");
                    Environment.Exit(9);
                }
                finally
                {
                    Console.WriteLine("finally (mono does not run it either)");
                }
                break;
            case "throw":
                Console.WriteLine("about to throw");
                throw new InvalidOperationException("nobody catches this");
            case "exit-negative":
                Environment.Exit(-1);
                break;
            default:
                Console.WriteLine("normal end");
                break;
        }
    }
}
