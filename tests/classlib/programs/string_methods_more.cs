// More string methods: Split options, Join overloads, Compare and comparison kinds, Replace, Insert/Remove, Format of arrays, Concat, equality.
using System;
using System.Globalization;
using System.Linq;

static class Program
{
    static string Q(string[] parts) { return "[" + string.Join("|", parts) + "] " + parts.Length; }

    static void Main()
    {
        string csv = "a,,b, c ,,d,";
        Console.WriteLine(Q(csv.Split(',')));
        Console.WriteLine(Q(csv.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)));
        Console.WriteLine(Q(csv.Split(new[] { ',' }, 3)));
        Console.WriteLine(Q("one::two::::three".Split(new[] { "::" }, StringSplitOptions.None)));
        Console.WriteLine(Q("one::two::::three".Split(new[] { "::" }, StringSplitOptions.RemoveEmptyEntries)));
        Console.WriteLine(Q("  lots   of   space ".Split((char[])null, StringSplitOptions.RemoveEmptyEntries)));
        Console.WriteLine(Q("a-b_c d".Split('-', '_', ' ')));
        Console.WriteLine(Q("".Split(',')));
        Console.WriteLine(string.Join(", ", new object[] { 1, "x", null, 2.5 }) + " | " + string.Join("-", new[] { "a", "b", "c" }, 1, 2) + " | " + string.Join("+", Enumerable.Range(1, 4)));
        Console.WriteLine(string.Concat(new[] { "x", "y", "z" }) + string.Concat(Enumerable.Repeat("ab", 3)) + string.Concat(1, 2, 3, 4));
        Console.WriteLine("compare " + string.Compare("apple", "Apple") + " " + string.Compare("apple", "Apple", StringComparison.Ordinal) + " " + string.Compare("apple", "APPLE", true) + " " + string.Compare("a", "b") + " " + string.Compare(null, "a") + " " + string.Compare("abc", 1, "xbc", 1, 2));
        Console.WriteLine("ordinal " + string.CompareOrdinal("a", "B") + " " + string.CompareOrdinal("abc", "abd") + " culture " + string.Compare("a", "B", StringComparison.InvariantCulture) + " ignore " + string.Compare("Straße", "STRASSE", StringComparison.OrdinalIgnoreCase));
        Console.WriteLine("equals " + "abc".Equals("ABC", StringComparison.OrdinalIgnoreCase) + " " + string.Equals("a", "a") + " " + string.Equals(null, null) + " " + "x".Equals(null) + " == " + ("ab" + "c" == "abc"));
        Console.WriteLine("starts " + "Hello".StartsWith("he") + " " + "Hello".StartsWith("he", StringComparison.OrdinalIgnoreCase) + " ends " + "Hello".EndsWith("LO", true, CultureInfo.InvariantCulture) + " " + "Hello".EndsWith(""));
        Console.WriteLine("index " + "Hello World".IndexOf("o", 5) + " " + "Hello World".IndexOf("O", StringComparison.OrdinalIgnoreCase) + " " + "Hello".IndexOfAny(new[] { 'l', 'o' }) + " " + "Hello".LastIndexOfAny(new[] { 'l', 'H' }) + " " + "abcabc".IndexOf("c", 3, 2) + " " + "abc".IndexOf(""));
        Console.WriteLine("replace " + "aaa".Replace("a", "bb") + " " + "a.b.c".Replace('.', '/') + " " + "Hello".Replace("l", "") + " " + "x".Replace("y", "z"));
        Console.WriteLine("insert " + "Hello".Insert(2, "--") + " remove " + "Hello".Remove(1, 3) + " " + "Hello".Remove(3));
        Console.WriteLine("pad [" + "7".PadLeft(3, '0') + "] [" + "ab".PadRight(5) + "] [" + "abcdef".PadLeft(3) + "]");
        Console.WriteLine("trim [" + "\t x \n".Trim() + "] [" + "xxhixx".TrimStart('x') + "] [" + "xxhixx".TrimEnd('x') + "] [" + "123abc321".Trim('1', '2', '3') + "]");
        Console.WriteLine("case " + "MiXeD 123".ToUpper() + " " + "MiXeD 123".ToLower() + " title " + CultureInfo.InvariantCulture.TextInfo.ToTitleCase("the quick brown fox"));
        Console.WriteLine("contains " + "haystack".Contains("st") + " " + "haystack".Contains("ST") + " empty " + string.IsNullOrEmpty("") + string.IsNullOrEmpty(null) + string.IsNullOrWhiteSpace(" \t") + string.IsNullOrWhiteSpace("a"));
        Console.WriteLine("chars " + new string('=', 5) + " " + new string(new[] { 'a', 'b' }) + " " + new string(new[] { 'a', 'b', 'c', 'd' }, 1, 2) + " " + string.Join(",", "hey".ToCharArray()) + " " + "hello".ToCharArray(1, 3).Length);
        Console.WriteLine("substring " + "Hello".Substring(1) + " " + "Hello".Substring(1, 3) + " " + "Hello".Substring(5).Length);
        Console.WriteLine("format " + string.Format("{0}|{1}", "a", 'b') + " copy " + string.Copy("c") + " intern " + ReferenceEquals(string.Intern(new string('q', 2)), string.Intern("qq")));
        Console.WriteLine("compare to " + "b".CompareTo("a") + " " + "a".CompareTo(null) + " " + "apple".CompareTo("apples"));
        var words = new[] { "éclair", "apple", "Zebra", "zebra", "Apple", "_under", "1num" };
        Array.Sort(words, StringComparer.Ordinal);
        Console.WriteLine("ordinal sort " + string.Join(" ", words));
        Array.Sort(words, StringComparer.OrdinalIgnoreCase);
        Console.WriteLine("ignore-case sort " + string.Join(" ", words));
        Console.WriteLine("length of combining " + "e\u0301".Length);
        Console.WriteLine("reverse " + new string("stressed".Reverse().ToArray()) + " palindrome " + IsPalindrome("A man, a plan, a canal: Panama") + IsPalindrome("hello"));
        Console.WriteLine("enumerate " + string.Join(".", "abc".Select(c => (int)c)) + " count " + "mississippi".Count(c => c == 's'));
        string s = null;
        Console.WriteLine("null concat [" + s + "] [" + string.Concat(s, s) + "] length " + (s + s).Length);
        Console.WriteLine("escape \"quotes\" \\ backslash \t tab end " + @"verbatim \n ""q""");
        Console.WriteLine("unicode " + "ÅÄÖ".ToLowerInvariant() + " " + "ǅ".ToUpperInvariant() + " " + "ﬁ".ToUpperInvariant() + " " + "İ".Length);
    }

    static bool IsPalindrome(string s)
    {
        var letters = s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        return letters.SequenceEqual(letters.Reverse());
    }
}
