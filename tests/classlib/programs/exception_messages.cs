// Exceptions the class library throws, with their exact messages, parameter names and types.
using System;
using System.Collections.Generic;
using System.Globalization;

static class Program
{
    static void Try(string label, Action action)
    {
        try
        {
            action();
            Console.WriteLine(label + ": no exception");
        }
        catch (Exception ex)
        {
            Console.WriteLine(label + ": " + ex.GetType().FullName);
            Console.WriteLine("  message: " + ex.Message.Replace("\n", "\\n"));
            var arg = ex as ArgumentException;
            if (arg != null)
                Console.WriteLine("  param: " + (arg.ParamName ?? "(none)"));
        }
    }

    static void Main()
    {
        var dict = new Dictionary<string, int> { { "a", 1 } };
        var list = new List<int> { 1, 2, 3 };
        Try("missing key", () => Console.WriteLine(dict["zzz"]));
        Try("duplicate key", () => dict.Add("a", 2));
        Try("null key", () => dict.Add(null, 2));
        Try("list index", () => Console.WriteLine(list[5]));
        Try("list negative", () => list.RemoveAt(-1));
        Try("list insert", () => list.Insert(9, 0));
        Try("list range", () => list.GetRange(1, 5));
        Try("modified during foreach", () => { foreach (var x in list) list.Add(x); });
        Try("dictionary modified", () => { foreach (var kv in dict) dict["b" + kv.Key] = 0; });
        Try("array index", () => { var a = new int[2]; a[2] = 1; });
        Try("null reference", () => { string s = null; Console.WriteLine(s.Length); });
        Try("divide by zero", () => { int z = 0; Console.WriteLine(10 / z); });
        Try("int parse", () => int.Parse("12x"));
        Try("int parse empty", () => int.Parse(""));
        Try("int parse null", () => int.Parse(null));
        Try("int overflow", () => int.Parse("99999999999"));
        Try("double parse", () => double.Parse("1.2.3", CultureInfo.InvariantCulture));
        Try("checked", () => { int big = int.MaxValue; Console.WriteLine(checked(big + 1)); });
        Try("convert", () => Convert.ToInt32("abc"));
        Try("convert overflow", () => Convert.ToByte(300));
        Try("cast", () => { object o = "s"; Console.WriteLine((int)o); });
        Try("substring", () => "hello".Substring(3, 5));
        Try("substring start", () => "hello".Substring(9));
        Try("string index", () => Console.WriteLine("abc"[3]));
        Try("format", () => string.Format("{0} {1}", 1));
        Try("format bad", () => string.Format("{0", 1));
        Try("null argument", () => "abc".Contains(null));
        Try("enum parse", () => Enum.Parse(typeof(DayOfWeek), "Funday"));
        Try("guid", () => new Guid("not-a-guid"));
        Try("datetime", () => new DateTime(2020, 13, 1));
        Try("datetime parse", () => DateTime.Parse("yesterday", CultureInfo.InvariantCulture));
        Try("timespan", () => TimeSpan.FromDays(1e10));
        Try("queue", () => new Queue<int>().Dequeue());
        Try("stack", () => new Stack<int>().Peek());
        Try("array rank", () => new int[2, 2].GetLength(2));
        Try("array copy", () => Array.Copy(new int[3], new int[2], 3));
        Try("not implemented", () => { throw new NotImplementedException(); });
        Try("not supported", () => { throw new NotSupportedException(); });
        Try("read-only", () => ((ICollection<int>)new int[3]).Add(1));
        Try("read-only list", () => list.AsReadOnly().GetType().GetMethod("Add"));
        Try("custom", () => { throw new InvalidOperationException("custom message", new FormatException("inner")); });
        Try("argument out of range", () => { throw new ArgumentOutOfRangeException("count", 7, "must be small"); });
        Try("argument null", () => { throw new ArgumentNullException("input"); });
        Try("object disposed", () => { throw new ObjectDisposedException("thing"); });
        Try("char parse", () => char.Parse("ab"));
        Try("bool parse", () => bool.Parse("yes"));
        Try("string.Join null", () => string.Join(",", (string[])null));
        Try("pad", () => "x".PadLeft(-1));
        Try("repeat", () => new string('x', -1));
        Try("stringbuilder", () => new System.Text.StringBuilder("abc").Remove(2, 5));
        var inner = new Exception("outer", new ArgumentException("bad arg", "p"));
        Console.WriteLine("inner: " + inner.InnerException.Message.Replace("\n", "\\n") + " base " + inner.GetBaseException().GetType().Name);
        Console.WriteLine("default message: " + new Exception().Message + " | " + new ArgumentException().Message + " | " + new InvalidOperationException().Message);
        Console.WriteLine("aggregate: " + new AggregateException(new Exception("a"), new Exception("b")).Message);
    }
}
