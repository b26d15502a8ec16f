// StringBuilder: appending every kind of value, inserting, removing, replacing, capacity.
using System;
using System.Text;

static class Program
{
    static void Main()
    {
        var sb = new StringBuilder();
        sb.Append("abc").Append(1).Append(' ').Append(2.5).Append(true).Append((object)null).Append('x', 3);
        sb.Append(-7L).Append(3.25f).Append(12.5m).Append((byte)255).Append((short)-3).Append(9u).Append(10UL);
        Console.WriteLine(sb.ToString());
        Console.WriteLine(sb.Length);
        sb.Insert(0, "START ").Insert(6, 42).Insert(sb.Length, new[] { 'e', 'n', 'd' });
        Console.WriteLine(sb);
        sb.Remove(0, 6);
        Console.WriteLine(sb);
        sb.Replace("x", "Y").Replace('a', 'A');
        Console.WriteLine(sb);
        sb.Clear();
        Console.WriteLine("[" + sb + "] " + sb.Length);
        for (int i = 0; i < 1000; i++)
            sb.Append(i % 10);
        Console.WriteLine(sb.Length + " " + sb.ToString(995, 5) + " " + sb[500]);
        sb[0] = '#';
        Console.WriteLine(sb.ToString(0, 10));
        sb.Length = 5;
        Console.WriteLine(sb + "|" + sb.Length);
        sb.Length = 8;
        Console.WriteLine(sb.ToString().Replace('\0', '_'));
        var f = new StringBuilder();
        f.AppendFormat("{0:D4}|{1,6:F2}|{2,-4}|{3:X}", 42, 3.14159, "ab", 255);
        f.AppendLine();
        f.AppendLine("line two");
        f.AppendFormat("{0} {1} {2} {3}", 1, "two", 3.0, '4');
        Console.Write(f.ToString());
        Console.WriteLine();
        var cap = new StringBuilder(4, 100);
        cap.Append("0123456789");
        Console.WriteLine(cap.Capacity >= 10);
        Console.WriteLine(cap.MaxCapacity);
        try
        {
            cap.Append(new string('z', 200));
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine("AOORE " + e.ParamName);
        }
        var eq1 = new StringBuilder("same");
        var eq2 = new StringBuilder("same");
        Console.WriteLine(eq1.Equals(eq2));
        var big = new StringBuilder();
        for (int i = 0; i < 200; i++)
            big.Insert(0, i.ToString("X2"));
        Console.WriteLine(big.Length + " " + big.ToString(0, 16));
        var chars = new char[5];
        big.CopyTo(2, chars, 0, 5);
        Console.WriteLine(new string(chars));
        Console.WriteLine(new StringBuilder("abc", 1).Append("def").ToString());
        Console.WriteLine(new StringBuilder("hello world").Replace("o", "0", 0, 6).ToString());
    }
}
