// Files: whole-file helpers, FileStream read/write/seek/append/truncate, readers and writers, FileInfo.
using System;
using System.IO;
using System.Text;

static class Program
{
    static void Main()
    {
        File.WriteAllText("a.txt", "hello\nworld\n");
        Console.WriteLine(File.Exists("a.txt") + " " + File.ReadAllText("a.txt").Length);
        File.AppendAllText("a.txt", "appended\n");
        foreach (var line in File.ReadAllLines("a.txt"))
            Console.WriteLine("line: " + line);
        File.WriteAllLines("lines.txt", new[] { "one", "two", "three" });
        Console.WriteLine(string.Join(",", File.ReadLines("lines.txt")));
        File.WriteAllBytes("b.bin", new byte[] { 0, 1, 2, 3, 254, 255 });
        Console.WriteLine(BitConverter.ToString(File.ReadAllBytes("b.bin")));
        File.WriteAllText("u.txt", "\u00e9\u20ac\U0001F600", Encoding.UTF8);
        Console.WriteLine(BitConverter.ToString(File.ReadAllBytes("u.txt")));
        Console.WriteLine(File.ReadAllText("u.txt") == "\u00e9\u20ac\U0001F600");
        File.WriteAllText("u16.txt", "ab", Encoding.Unicode);
        Console.WriteLine(BitConverter.ToString(File.ReadAllBytes("u16.txt")) + " " + File.ReadAllText("u16.txt"));

        using (var fs = new FileStream("data.bin", FileMode.Create, FileAccess.ReadWrite))
        {
            for (int i = 0; i < 100; i++)
                fs.WriteByte((byte)i);
            Console.WriteLine("length " + fs.Length + " position " + fs.Position);
            fs.Seek(10, SeekOrigin.Begin);
            Console.WriteLine("byte at 10: " + fs.ReadByte());
            fs.Seek(-5, SeekOrigin.End);
            var buf = new byte[10];
            int n = fs.Read(buf, 0, 10);
            Console.WriteLine("read " + n + ": " + BitConverter.ToString(buf, 0, n));
            fs.Position = 50;
            fs.Write(new byte[] { 200, 201, 202 }, 0, 3);
            fs.Seek(-3, SeekOrigin.Current);
            Console.WriteLine("rewritten: " + fs.ReadByte() + " " + fs.ReadByte() + " " + fs.ReadByte());
            fs.SetLength(60);
            Console.WriteLine("truncated: " + fs.Length + " " + fs.CanRead + " " + fs.CanWrite + " " + fs.CanSeek);
        }
        Console.WriteLine(new FileInfo("data.bin").Length);
        using (var fs = new FileStream("data.bin", FileMode.Append))
        {
            Console.WriteLine("append position " + fs.Position);
            fs.WriteByte(7);
        }
        Console.WriteLine(new FileInfo("data.bin").Length);
        using (var w = new StreamWriter("text.txt"))
        {
            w.WriteLine("first");
            w.Write(42);
            w.Write(' ');
            w.WriteLine(3.5);
            w.WriteLine("{0}-{1}", "x", "y");
        }
        using (var r = new StreamReader("text.txt"))
        {
            Console.WriteLine("peek " + r.Peek());
            Console.WriteLine("line " + r.ReadLine());
            Console.WriteLine("rest [" + r.ReadToEnd().Replace("\n", "|") + "] end " + r.EndOfStream);
        }
        using (var w = new StreamWriter("text.txt", true))
            w.Write("tail");
        Console.WriteLine(File.ReadAllText("text.txt").Replace("\n", "|"));
        using (var bw = new BinaryWriter(File.Create("bin.dat")))
        {
            bw.Write(12345);
            bw.Write(-1L);
            bw.Write(3.25);
            bw.Write("a string");
            bw.Write(true);
        }
        using (var br = new BinaryReader(File.OpenRead("bin.dat")))
            Console.WriteLine(br.ReadInt32() + " " + br.ReadInt64() + " " + br.ReadDouble() + " " + br.ReadString() + " " + br.ReadBoolean());
        var info = new FileInfo("bin.dat");
        Console.WriteLine(info.Name + " " + info.Extension + " " + info.Length + " " + info.Exists + " " + info.Directory.Name.StartsWith("clrpy-classlib-"));
        File.Copy("a.txt", "copy.txt");
        File.Copy("a.txt", "copy.txt", true);
        File.Move("copy.txt", "moved.txt");
        Console.WriteLine(File.Exists("copy.txt") + " " + File.Exists("moved.txt") + " " + File.ReadAllText("moved.txt").Length);
        File.Delete("moved.txt");
        File.Delete("never-existed.txt");
        Console.WriteLine(File.Exists("moved.txt"));
        var attrs = File.GetAttributes("a.txt");
        Console.WriteLine(attrs);
        File.SetAttributes("a.txt", FileAttributes.ReadOnly);
        Console.WriteLine(File.GetAttributes("a.txt") + " " + new FileInfo("a.txt").IsReadOnly);
        File.SetAttributes("a.txt", FileAttributes.Normal);
        Console.WriteLine(File.GetAttributes("a.txt"));
        var t = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc("a.txt", t);
        Console.WriteLine(File.GetLastWriteTimeUtc("a.txt").ToString("o"));
        using (var ms = new MemoryStream())
        {
            var sw = new StreamWriter(ms);
            sw.Write("memory stream text");
            sw.Flush();
            Console.WriteLine(ms.Length + " " + Encoding.UTF8.GetString(ms.ToArray()));
        }
        using (var fs = File.Open("share.txt", FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            fs.WriteByte(65);
            fs.Flush();
            using (var other = File.Open("share.txt", FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                Console.WriteLine("second reader sees " + other.Length);
            try
            {
                using (File.Open("share.txt", FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
            }
            catch (IOException e)
            {
                Console.WriteLine(e.GetType().Name + ": " + e.Message.Replace(Directory.GetCurrentDirectory(), "<cwd>"));
            }
        }
        var big = new byte[100000];
        for (int i = 0; i < big.Length; i++)
            big[i] = (byte)(i * 7);
        File.WriteAllBytes("big.bin", big);
        var back = File.ReadAllBytes("big.bin");
        long check = 0;
        foreach (byte b in back)
            check = check * 31 + b;
        Console.WriteLine(back.Length + " " + check);
        using (var fs = new FileStream("big.bin", FileMode.Open, FileAccess.Read, FileShare.Read, 4096))
        {
            var chunk = new byte[3000];
            int total = 0, reads = 0, got;
            while ((got = fs.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += got;
                reads++;
            }
            Console.WriteLine(total + " in " + reads + " reads");
        }
    }
}
