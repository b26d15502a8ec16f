// I/O failures and their messages (paths are shown relative to the working directory).
using System;
using System.IO;

static class Program
{
    static void Try(string label, Action a)
    {
        try
        {
            a();
            Console.WriteLine(label + ": ok");
        }
        catch (Exception e)
        {
            Console.WriteLine(label + ": " + e.GetType().FullName + ": " + e.Message.Replace(Directory.GetCurrentDirectory(), "<cwd>"));
            var fnf = e as FileNotFoundException;
            if (fnf != null)
                Console.WriteLine("  FileName: " + fnf.FileName.Replace(Directory.GetCurrentDirectory(), "<cwd>"));
        }
    }

    static void Main()
    {
        Try("read missing", () => File.ReadAllText("missing.txt"));
        Try("open missing", () => new FileStream("missing.txt", FileMode.Open));
        Try("missing directory", () => File.ReadAllText("nodir/missing.txt"));
        Try("write into missing dir", () => File.WriteAllText("nodir/x.txt", "x"));
        File.WriteAllText("exists.txt", "x");
        Try("create new existing", () => new FileStream("exists.txt", FileMode.CreateNew));
        Try("copy onto existing", () => File.Copy("exists.txt", "exists.txt"));
        Try("copy missing", () => File.Copy("missing.txt", "other.txt"));
        Try("move missing", () => File.Move("missing.txt", "other.txt"));
        Directory.CreateDirectory("adir");
        Try("open a directory", () => File.ReadAllText("adir"));
        Try("delete dir as file", () => File.Delete("adir"));
        Try("enumerate missing dir", () => Directory.GetFiles("nope"));
        Try("delete missing dir", () => Directory.Delete("nope"));
        Try("empty path", () => File.ReadAllText(""));
        Try("null path", () => File.ReadAllText(null));
        Try("bad chars", () => File.ReadAllText("a\0b"));
        Try("read-only stream write", () => { using (var fs = File.OpenRead("exists.txt")) fs.WriteByte(1); });
        Try("write-only stream read", () => { using (var fs = new FileStream("exists.txt", FileMode.Open, FileAccess.Write)) fs.ReadByte(); });
        Try("closed stream", () => { var fs = File.OpenRead("exists.txt"); fs.Close(); fs.ReadByte(); });
        Try("seek before start", () => { using (var fs = File.OpenRead("exists.txt")) fs.Seek(-1, SeekOrigin.Begin); });
        Try("negative length", () => { using (var fs = File.OpenWrite("exists.txt")) fs.SetLength(-1); });
        Try("reader on missing", () => new StreamReader("missing.txt"));
        Try("directory missing parent", () => Directory.Move("nope", "nope2"));
        File.WriteAllText("ro.txt", "ro");
        File.SetAttributes("ro.txt", FileAttributes.ReadOnly);
        bool root = Environment.UserName == "root";
        Console.WriteLine("read-only write refused: " + (root ? "skipped" : Refused(() => File.WriteAllText("ro.txt", "y"))));
        File.SetAttributes("ro.txt", FileAttributes.Normal);
        Try("stream reader null", () => new StreamReader((Stream)null));
        Try("binary reader past end", () => { using (var br = new BinaryReader(File.OpenRead("exists.txt"))) br.ReadInt64(); });
    }

    static string Refused(Action a)
    {
        try { a(); return "no"; }
        catch (UnauthorizedAccessException e) { return "UnauthorizedAccessException: " + e.Message.Replace(Directory.GetCurrentDirectory(), "<cwd>"); }
    }
}
