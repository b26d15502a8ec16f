// Enums: ToString, flags formatting, Parse/TryParse, GetValues/GetNames, IsDefined, format strings.
using System;

enum Color { Red, Green = 5, Blue, Black = -1 }

[Flags]
enum Access { None = 0, Read = 1, Write = 2, Execute = 4, ReadWrite = Read | Write, All = 7 }

enum Small : byte { A = 1, B = 200 }

enum Big : long { Min = long.MinValue, Max = long.MaxValue }

[Flags]
enum Sparse { X = 1, Y = 8 }

static class Program
{
    static void Main()
    {
        Console.WriteLine(Color.Red + " " + Color.Green + " " + Color.Blue + " " + Color.Black + " " + (Color)3 + " " + (Color)6);
        Console.WriteLine("formats " + Color.Blue.ToString("G") + " " + Color.Blue.ToString("D") + " " + Color.Blue.ToString("X") + " " + Color.Black.ToString("X") + " " + Color.Blue.ToString("F"));
        Console.WriteLine(string.Format("{0} {0:d} {0:x} {1:G}", Color.Green, Access.ReadWrite));
        foreach (Access a in new[] { Access.None, Access.Read, Access.Write | Access.Execute, Access.ReadWrite, Access.All, (Access)8, (Access)9, Access.Read | Access.Execute })
            Console.WriteLine("access " + (int)a + ": " + a + " / " + a.ToString("D") + " / " + a.ToString("X") + " / " + a.ToString("F"));
        Console.WriteLine("sparse " + (Sparse)9 + " " + (Sparse)3 + " " + (Sparse)0);
        Console.WriteLine("small " + Small.B + " " + (byte)Small.B + " " + Small.B.ToString("X") + " big " + Big.Min + " " + Big.Max.ToString("D") + " " + Big.Max.ToString("X"));
        Console.WriteLine("names " + string.Join(",", Enum.GetNames(typeof(Color))));
        foreach (var v in Enum.GetValues(typeof(Color)))
            Console.Write(v + "=" + (int)v + " ");
        Console.WriteLine();
        foreach (Access v in Enum.GetValues(typeof(Access)))
            Console.Write(v + " ");
        Console.WriteLine();
        Console.WriteLine("parse " + Enum.Parse(typeof(Color), "Blue") + " " + Enum.Parse(typeof(Color), "blue", true) + " " + Enum.Parse(typeof(Color), "5") + " " + Enum.Parse(typeof(Access), "Read, Execute"));
        Color c;
        Console.WriteLine("tryparse " + Enum.TryParse("Green", out c) + " " + c + " " + Enum.TryParse("green", out c) + " " + c + " " + Enum.TryParse("green", true, out c) + " " + c);
        Access acc;
        Console.WriteLine("tryparse flags " + Enum.TryParse("Write,Execute", out acc) + " " + acc + " " + (int)acc);
        Console.WriteLine("defined " + Enum.IsDefined(typeof(Color), 6) + " " + Enum.IsDefined(typeof(Color), 7) + " " + Enum.IsDefined(typeof(Color), "Red") + " " + Enum.IsDefined(typeof(Color), "red"));
        Console.WriteLine("name " + Enum.GetName(typeof(Color), 5) + " underlying " + Enum.GetUnderlyingType(typeof(Small)) + " " + Enum.GetUnderlyingType(typeof(Big)));
        Console.WriteLine("HasFlag " + Access.All.HasFlag(Access.Write) + " " + Access.Read.HasFlag(Access.ReadWrite) + " " + Access.Read.HasFlag(Access.None));
        Console.WriteLine("ToObject " + Enum.ToObject(typeof(Color), 6) + " " + Enum.ToObject(typeof(Access), 3));
        Console.WriteLine("compare " + Color.Red.CompareTo(Color.Blue) + " " + Color.Blue.CompareTo(Color.Black) + " equals " + Color.Red.Equals(Color.Red) + " " + Color.Red.Equals(0));
        Console.WriteLine("hash " + Color.Blue.GetHashCode() + " " + Small.B.GetHashCode() + " " + Big.Max.GetHashCode());
        Console.WriteLine("format method " + Enum.Format(typeof(Color), Color.Green, "d") + " " + Enum.Format(typeof(Access), 6, "g") + " " + Enum.Format(typeof(Color), 5, "x"));
        var day = DayOfWeek.Saturday;
        Console.WriteLine("day " + day + " " + (int)day + " next " + (DayOfWeek)(((int)day + 1) % 7));
        Console.WriteLine("type " + Color.Red.GetType() + " is enum " + typeof(Color).IsEnum + " boxed " + ((object)Access.Write is Enum));
        Access flags = Access.None;
        flags |= Access.Read;
        flags |= Access.Execute;
        flags &= ~Access.Read;
        Console.WriteLine("combined " + flags + " " + (flags & Access.Execute) + " " + ((flags & Access.Write) == 0));
        string s = $"{Color.Blue,8}|{Color.Blue,-8}|{Access.ReadWrite:D}";
        Console.WriteLine(s);
        try { Enum.Parse(typeof(Color), "Purple"); }
        catch (ArgumentException ex) { Console.WriteLine("bad parse: " + ex.Message); }
        try { Enum.Parse(typeof(Color), ""); }
        catch (ArgumentException ex) { Console.WriteLine("empty parse: " + ex.Message); }
    }
}
