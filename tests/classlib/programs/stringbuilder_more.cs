// StringBuilder beyond appends: Insert, Remove, Replace (ranges), indexer, capacity, AppendLine/Format/Join, chunks of large text.
using System;
using System.Text;

static class Program
{
    static void Main()
    {
        var sb = new StringBuilder("Hello");
        sb.Append(' ').Append("World").Append('!', 3).Append(42).Append(3.5).Append(true).Append((object)null).Append('x');
        Console.WriteLine(sb + " length " + sb.Length);
        sb.Insert(0, ">> ").Insert(sb.Length, " <<").Insert(3, 123).Insert(3, "#", 2);
        Console.WriteLine(sb);
        sb.Remove(0, 3);
        Console.WriteLine(sb);
        sb.Replace("l", "L").Replace('!', '?').Replace("World", "Earth", 0, 12);
        Console.WriteLine(sb);
        sb[0] = '_';
        Console.WriteLine("indexer " + sb[0] + sb[1] + " " + sb);
        sb.Length = 10;
        Console.WriteLine("truncated [" + sb + "]");
        sb.Length = 12;
        Console.WriteLine("extended length " + sb.Length + " last is nul " + (sb[11] == '\0'));
        sb.Clear();
        Console.WriteLine("cleared [" + sb + "] " + sb.Length);
        sb.AppendLine("line one").AppendLine().AppendFormat("{0}-{1:D3}", "fmt", 7).AppendLine();
        Console.Write(sb.ToString());
        Console.WriteLine("substring " + sb.ToString(5, 3));
        var big = new StringBuilder();
        for (int i = 0; i < 2000; i++)
            big.Append(i % 10);
        Console.WriteLine("big length " + big.Length + " sample " + big.ToString(995, 10));
        big.Replace("0123", "[]");
        Console.WriteLine("after replace " + big.Length + " start " + big.ToString(0, 20));
        big.Remove(10, 1000);
        Console.WriteLine("after remove " + big.Length + " " + big.ToString(0, 30));
        big.Insert(5, "INSERTED");
        Console.WriteLine("after insert " + big.ToString(0, 25));
        var cap = new StringBuilder(5, 20);
        cap.Append("12345678901234567890");
        try { cap.Append("x"); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("max capacity: " + ex.GetType().Name); }
        Console.WriteLine("max " + cap.MaxCapacity + " capacity >= length " + (cap.Capacity >= cap.Length));
        var joined = new StringBuilder().Append(new[] { 'a', 'b', 'c' }).Append(new[] { 'x', 'y', 'z' }, 1, 2).Append("hello", 1, 3);
        Console.WriteLine("char arrays " + joined);
        Console.WriteLine("equals " + new StringBuilder("a").Equals(new StringBuilder("a")) + " " + new StringBuilder("a").Equals(new StringBuilder("b")));
        var table = new StringBuilder();
        for (int row = 1; row <= 5; row++)
        {
            for (int col = 1; col <= 5; col++)
                table.AppendFormat("{0,4}", row * col);
            table.AppendLine();
        }
        Console.Write(table);
        var copy = new char[5];
        new StringBuilder("abcdefgh").CopyTo(2, copy, 0, 5);
        Console.WriteLine("copyto " + new string(copy));
        Console.WriteLine("unicode " + new StringBuilder().Append("€").Append('\u00e9').Append("\U0001F600").Length);
        Console.WriteLine("numbers " + new StringBuilder().Append(1L).Append(' ').Append(2.5f).Append(' ').Append(3.25m).Append(' ').Append((byte)4).Append(' ').Append(-5).Append(' ').Append(6u).Append(' ').Append(ulong.MaxValue));
    }
}
