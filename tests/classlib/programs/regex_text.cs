// System.Text.RegularExpressions: matches, groups, named groups, replace with evaluator, split, options.
using System;
using System.Linq;
using System.Text.RegularExpressions;

static class Program
{
    static void Main()
    {
        string text = "Contact: alice@example.com, bob.smith@mail.org; invalid@; carol_99@sub.domain.net on 2023-04-05 and 1999-12-31.";
        var email = new Regex(@"([\w.]+)@([\w]+(?:\.[\w]+)+)");
        foreach (Match m in email.Matches(text))
            Console.WriteLine("email " + m.Value + " user " + m.Groups[1].Value + " domain " + m.Groups[2].Value + " at " + m.Index + " length " + m.Length);
        var date = new Regex(@"(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})");
        var dm = date.Match(text);
        while (dm.Success)
        {
            Console.WriteLine("date " + dm.Groups["day"].Value + "/" + dm.Groups["month"].Value + "/" + dm.Groups["year"].Value);
            dm = dm.NextMatch();
        }
        Console.WriteLine("is match " + Regex.IsMatch("hello123", @"^[a-z]+\d+$") + " " + Regex.IsMatch("Hello", "^hello$") + " " + Regex.IsMatch("Hello", "^hello$", RegexOptions.IgnoreCase));
        Console.WriteLine("replace " + Regex.Replace(text, @"\d", "#").Substring(90));
        Console.WriteLine("replace groups " + date.Replace("from 2023-04-05 to 2024-01-02", "${day}.${month}.${year}"));
        Console.WriteLine("evaluator " + Regex.Replace("one two three four", @"\w+", m => m.Value.Length > 3 ? m.Value.ToUpper() : m.Value));
        Console.WriteLine("split " + string.Join("|", Regex.Split("a1b22c333d", @"\d+")) + " keep " + string.Join("|", Regex.Split("a,b;c", @"([,;])")));
        Console.WriteLine("escape " + Regex.Escape("1+1=2? (yes) [x]") + " unescape " + Regex.Unescape(@"a\tb\u0041"));
        var words = Regex.Matches("The rain in SPAIN stays mainly in the plain", @"\b\w*ain\w*\b", RegexOptions.IgnoreCase).Cast<Match>().Select(m => m.Value);
        Console.WriteLine("ain words " + string.Join(",", words));
        var multi = Regex.Matches("line one\nline two\nthird line", "^line (\\w+)$", RegexOptions.Multiline);
        Console.WriteLine("multiline " + multi.Count + " " + string.Join(",", multi.Cast<Match>().Select(m => m.Groups[1].Value)));
        var greedy = Regex.Match("<b>bold</b><i>it</i>", "<.+>").Value;
        var lazy = Regex.Match("<b>bold</b><i>it</i>", "<.+?>").Value;
        Console.WriteLine("greedy " + greedy + " lazy " + lazy);
        var phone = new Regex(@"^\(?(\d{3})\)?[-. ]?(\d{3})[-. ]?(\d{4})$");
        foreach (var p in new[] { "(555) 123-4567", "555.123.4567", "5551234567", "55-1234-567" })
            Console.WriteLine(p + " -> " + (phone.IsMatch(p) ? phone.Replace(p, "$1-$2-$3") : "no match"));
        var captures = Regex.Match("a1b2c3", @"(?:([a-z])(\d))+");
        Console.WriteLine("captures " + captures.Groups[1].Captures.Count + " " + string.Join("", captures.Groups[1].Captures.Cast<Capture>().Select(c => c.Value)) + " last " + captures.Groups[2].Value);
        Console.WriteLine("lookahead " + Regex.Replace("1234567890", @"(?<=\d)(?=(\d{3})+$)", ",") + " backref " + Regex.IsMatch("hello", @"(\w)\1") + " " + Regex.Match("abcabc", @"(abc)\1").Success);
        var names = new Regex(@"(?<first>\w+)\s(?<last>\w+)");
        Console.WriteLine("group names " + string.Join(",", names.GetGroupNames()) + " numbers " + string.Join(",", names.GetGroupNumbers()));
        Console.WriteLine("options " + Regex.Match("a b c", @"a \s b", RegexOptions.IgnorePatternWhitespace).Success + " singleline " + Regex.IsMatch("a\nb", "a.b") + " " + Regex.IsMatch("a\nb", "a.b", RegexOptions.Singleline));
        try { new Regex("(unclosed"); }
        catch (ArgumentException ex) { Console.WriteLine("bad pattern: " + ex.GetType().Name); }
    }
}
