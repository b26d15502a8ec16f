// Directories and paths: create, enumerate (sorted: the order of entries is the file system's),
// move, delete recursively, and the Path helpers.
using System;
using System.IO;
using System.Linq;

static class Program
{
    static string Rel(string p)
    {
        return p.Replace(Directory.GetCurrentDirectory(), "<cwd>");
    }

    static void Main()
    {
        var root = Directory.CreateDirectory("root");
        Console.WriteLine(root.Name + " " + root.Exists + " " + Rel(root.FullName));
        Directory.CreateDirectory(Path.Combine("root", "a", "b", "c"));
        Directory.CreateDirectory("root/d");
        File.WriteAllText("root/f1.txt", "1");
        File.WriteAllText("root/f2.log", "22");
        File.WriteAllText("root/a/f3.txt", "333");
        File.WriteAllText("root/a/b/c/deep.txt", "4444");
        File.WriteAllText("root/.hidden", "h");
        Console.WriteLine(Directory.Exists("root/a/b") + " " + Directory.Exists("root/zzz") + " " + File.Exists("root/a"));
        Console.WriteLine(string.Join(",", Directory.GetFiles("root").Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(string.Join(",", Directory.GetFiles("root", "*.txt").Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(string.Join(",", Directory.GetDirectories("root").Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(string.Join(",", Directory.GetFiles("root", "*", SearchOption.AllDirectories).Select(p => Rel(p)).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(string.Join(",", Directory.EnumerateFileSystemEntries("root").Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(Directory.EnumerateFiles("root", "f?.*").Count());
        var di = new DirectoryInfo("root");
        Console.WriteLine(string.Join(",", di.GetFiles().Select(f => f.Name + ":" + f.Length).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(string.Join(",", di.GetDirectories().Select(d => d.Name).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(di.Parent.Name.StartsWith("clrpy-classlib-") + " " + di.Attributes);
        Directory.Move("root/d", "root/e");
        Console.WriteLine(Directory.Exists("root/d") + " " + Directory.Exists("root/e"));
        try { Directory.Delete("root/a"); }
        catch (IOException e) { Console.WriteLine(e.GetType().Name + ": " + Rel(e.Message)); }
        Directory.Delete("root/a", true);
        Console.WriteLine(Directory.Exists("root/a"));
        Directory.Delete("root/e");
        Console.WriteLine(string.Join(",", Directory.GetFileSystemEntries("root").Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine(Path.Combine("a", "b", "c.txt") + " " + Path.Combine("/abs", "x") + " " + Path.Combine("a/", "/b"));
        Console.WriteLine(Path.GetFileName("/x/y/z.tar.gz") + " " + Path.GetFileNameWithoutExtension("/x/y/z.tar.gz") + " " + Path.GetExtension("/x/y/z.tar.gz"));
        Console.WriteLine(Path.GetDirectoryName("/x/y/z.txt") + " " + Path.GetDirectoryName("z.txt").Length + " " + (Path.GetDirectoryName("/") == null));
        Console.WriteLine(Path.ChangeExtension("a/b.txt", ".md") + " " + Path.ChangeExtension("a/b.txt", null) + " " + Path.HasExtension("a/b"));
        Console.WriteLine(Path.IsPathRooted("/a") + " " + Path.IsPathRooted("a") + " " + Path.GetPathRoot("/a/b") + " " + Path.DirectorySeparatorChar + Path.AltDirectorySeparatorChar + Path.PathSeparator + Path.VolumeSeparatorChar);
        Console.WriteLine(Rel(Path.GetFullPath("x/../y/./z")) + " " + Path.GetFullPath("/a/b/../c"));
        Console.WriteLine(Path.GetInvalidFileNameChars().Length + " " + Path.GetInvalidPathChars().Length);
        Console.WriteLine(Path.GetTempPath().EndsWith("/") + " " + Path.GetRandomFileName().Length);
        string temp = Path.GetTempFileName();
        Console.WriteLine(File.Exists(temp) + " " + new FileInfo(temp).Length);
        File.Delete(temp);
        Directory.Delete("root", true);
        Console.WriteLine(Directory.Exists("root"));
    }
}
