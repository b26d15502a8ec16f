// Environment: arguments, variables (read, set, remove), new line, machine facts, exit code.
// run: {"args": ["one", "two words", "", "--flag=x"], "env": {"CLRPY_TEST_VALUE": "hello world", "LANG": "C.UTF-8"}}
// run: {"args": [], "env": {"CLRPY_TEST_VALUE": "", "LANG": "C"}}
using System;
using System.Collections;
using System.IO;

static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine("args: " + args.Length);
        foreach (var a in args)
            Console.WriteLine("  [" + a + "]");
        string[] cl = Environment.GetCommandLineArgs();
        Console.WriteLine("command line args: " + cl.Length + " first ends with .exe: " + cl[0].EndsWith(".exe") + " rooted: " + Path.IsPathRooted(cl[0]));
        for (int i = 1; i < cl.Length; i++)
            Console.WriteLine("  {" + cl[i] + "}");
        Console.WriteLine("value: [" + Environment.GetEnvironmentVariable("CLRPY_TEST_VALUE") + "]");
        Console.WriteLine("missing is null: " + (Environment.GetEnvironmentVariable("CLRPY_SURELY_NOT_SET") == null));
        Environment.SetEnvironmentVariable("CLRPY_NEW", "set by program");
        Console.WriteLine("new: " + Environment.GetEnvironmentVariable("CLRPY_NEW"));
        Environment.SetEnvironmentVariable("CLRPY_NEW", null);
        Console.WriteLine("removed: " + (Environment.GetEnvironmentVariable("CLRPY_NEW") == null));
        IDictionary all = Environment.GetEnvironmentVariables();
        Console.WriteLine("dictionary has value: " + all.Contains("CLRPY_TEST_VALUE") + " " + (all["CLRPY_TEST_VALUE"] as string));
        Console.WriteLine("expand: " + Environment.ExpandEnvironmentVariables("<%CLRPY_TEST_VALUE%> %NOPE_NOT_SET%"));
        Console.WriteLine("newline: " + (Environment.NewLine == "\n"));
        Console.WriteLine("processors > 0: " + (Environment.ProcessorCount > 0));
        Console.WriteLine("machine name: " + (Environment.MachineName.Length > 0));
        Console.WriteLine("user name: " + (Environment.UserName.Length > 0));
        Console.WriteLine("64-bit: " + Environment.Is64BitProcess + " " + Environment.Is64BitOperatingSystem);
        Console.WriteLine("platform: " + Environment.OSVersion.Platform);
        Console.WriteLine("page size: " + Environment.SystemPageSize);
        Console.WriteLine("tick count positive: " + (Environment.TickCount != 0));
        Console.WriteLine("version: " + Environment.Version);
        Console.WriteLine("has shutdown started: " + Environment.HasShutdownStarted);
        Console.WriteLine("current directory is temp: " + Path.GetFileName(Environment.CurrentDirectory).StartsWith("clrpy-classlib-"));
        Directory.CreateDirectory("sub");
        Environment.CurrentDirectory = "sub";
        Console.WriteLine("changed to: " + Path.GetFileName(Directory.GetCurrentDirectory()));
        Environment.CurrentDirectory = "..";
        Console.WriteLine("home set: " + (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile).Length > 0));
        Console.WriteLine("exit code: " + Environment.ExitCode);
        Environment.ExitCode = 7;
        Console.WriteLine("exit code now: " + Environment.ExitCode);
        return args.Length;
    }
}
