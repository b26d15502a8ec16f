// String methods: searching, slicing, case, trimming, padding, splitting and joining.
using System;

static class Program
{
    static int n;
    static void Show(string label, object value)
    {
        n++;
        Console.WriteLine(n + " " + label + ": [" + (value == null ? "null" : value.ToString()) + "]");
    }

    static void Main()
    {
        string s = "  Hello, World! Hello, clrpy.  ";
        Show("length", s.Length);
        Show("trim", s.Trim());
        Show("trimstart", s.TrimStart());
        Show("trimend", s.TrimEnd());
        Show("trimchars", "xxabcxx".Trim('x'));
        Show("trimcharset", "-=abc=-".Trim('-', '='));
        Show("upper", s.ToUpper());
        Show("lower", s.ToLower());
        Show("upperinv", "straße ǆ".ToUpperInvariant());
        Show("lowerinv", "ÀÉÎ İ".ToLowerInvariant());
        Show("indexof", s.IndexOf("Hello"));
        Show("indexof2", s.IndexOf("Hello", 5));
        Show("indexofchar", s.IndexOf('W'));
        Show("lastindexof", s.LastIndexOf("Hello"));
        Show("lastindexofchar", s.LastIndexOf('l'));
        Show("indexofany", s.IndexOfAny(new[] { ',', '!' }));
        Show("indexof-ordinal", s.IndexOf("hello", StringComparison.Ordinal));
        Show("indexof-ignorecase", s.IndexOf("HELLO", StringComparison.OrdinalIgnoreCase));
        Show("contains", s.Contains("World"));
        Show("contains-no", s.Contains("world"));
        Show("startswith", "abcdef".StartsWith("abc"));
        Show("startswith-ord", "abcdef".StartsWith("ABC", StringComparison.OrdinalIgnoreCase));
        Show("endswith", "abcdef".EndsWith("def"));
        Show("endswith-char", "abcdef".EndsWith("f", StringComparison.Ordinal));
        Show("substring", s.Substring(2, 5));
        Show("substring1", s.Substring(16));
        Show("replace", s.Replace("Hello", "Bye"));
        Show("replacechar", s.Replace('l', 'L'));
        Show("replace-empty", "aaa".Replace("a", ""));
        Show("insert", "abc".Insert(1, "XYZ"));
        Show("remove", "abcdef".Remove(2));
        Show("remove2", "abcdef".Remove(1, 3));
        Show("padleft", "42".PadLeft(6));
        Show("padleftchar", "42".PadLeft(6, '0'));
        Show("padright", "42".PadRight(6) + "|");
        Show("padright-char", "42".PadRight(6, '*'));
        Show("split", string.Join("|", "a,b,,c".Split(',')));
        Show("split-noempty", string.Join("|", "a,b,,c".Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)));
        Show("split-count", string.Join("|", "a,b,c,d".Split(new[] { ',' }, 2)));
        Show("split-string", string.Join("|", "one::two::three".Split(new[] { "::" }, StringSplitOptions.None)));
        Show("split-ws", string.Join("|", " a  b\tc\n".Split()));
        Show("join", string.Join(", ", new[] { "x", "y", "z" }));
        Show("join-objs", string.Join("-", 1, 2.5, 'c', true, null, "s"));
        Show("concat", string.Concat("a", "b", "c", "d"));
        Show("concat-objs", string.Concat(1, 2, 3));
        Show("concat-arr", string.Concat(new[] { "p", "q", "r" }));
        Show("equals", "abc".Equals("ABC", StringComparison.OrdinalIgnoreCase));
        Show("equals-op", "abc" == "ab" + "c");
        Show("compareordinal", Math.Sign(string.CompareOrdinal("apple", "Apple")));
        Show("compare-ordinal-ic", string.Compare("apple", "APPLE", StringComparison.OrdinalIgnoreCase));
        Show("isnullorempty", string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(null) + " " + string.IsNullOrEmpty(" "));
        Show("isnullorwhitespace", string.IsNullOrWhiteSpace(" \t\n"));
        Show("tochararray", new string("hello".ToCharArray(1, 3)));
        Show("ctor-repeat", new string('=', 10));
        Show("ctor-chars", new string(new[] { 'a', 'b', 'c' }));
        Show("chars", "hello"[1]);
        Show("empty", string.Empty.Length);
        Show("format", string.Format("{0}-{1}-{0}", "a", "b"));
        Show("reverse", ReverseOf("stressed"));
        Show("intern", object.ReferenceEquals(string.Intern(new string('q', 3)), "qqq"));
        Show("isinterned", string.IsInterned(new string('z', 7)) == null);
        Show("hashcode-eq", "same".GetHashCode() == string.Copy("same").GetHashCode());
        Show("copy-ne", object.ReferenceEquals("x1", string.Copy("x1")));
        Show("tostring", 12345.ToString().Length);
        Show("surrogates", "a\U0001F600b".Length);
        Show("lastindexofany", "a.b,c".LastIndexOfAny(new[] { '.', ',' }));
        Show("toupper-char", char.ToUpper('q'));
        Show("enumerate", CountVowels("programming language"));
        Show("compareto", "b".CompareTo("a"));
        Show("trimnull", "\0a\0".Trim('\0').Length);
        Show("unicode-escape", "\u00e9\u00e8".Length);
        Show("format-pad", string.Format("[{0,5}][{1,-5}]", "ab", "cd"));
    }

    static string ReverseOf(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    static int CountVowels(string s)
    {
        int count = 0;
        foreach (char c in s)
            if ("aeiou".IndexOf(c) >= 0)
                count++;
        return count;
    }
}
