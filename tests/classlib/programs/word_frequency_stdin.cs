// Reads text from standard input and reports word frequencies, line statistics and the longest words.
// run: {"stdin": "The quick brown fox jumps over the lazy dog.\nThe dog sleeps; the fox runs!\n\nA fox, a dog, and THE end.\n"}
// run: {"stdin": ""}
// run: {"stdin": "one\ntwo two\nthree three three\n\u00fcber \u00dcber caf\u00e9 CAF\u00c9\n"}
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

static class Program
{
    static void Main()
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int lines = 0, blank = 0, chars = 0;
        var lengths = new List<int>();
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            lines++;
            chars += line.Length;
            lengths.Add(line.Length);
            if (line.Trim().Length == 0) { blank++; continue; }
            var word = new StringBuilder();
            foreach (char c in line + " ")
            {
                if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
                if (word.Length == 0) continue;
                var w = word.ToString().ToLowerInvariant();
                int n;
                counts.TryGetValue(w, out n);
                counts[w] = n + 1;
                word.Clear();
            }
        }
        Console.WriteLine("lines " + lines + " blank " + blank + " chars " + chars + " distinct words " + counts.Count + " total words " + counts.Values.Sum());
        if (lengths.Count > 0)
            Console.WriteLine("longest line " + lengths.Max() + " average " + lengths.Average().ToString("F2"));
        foreach (var kv in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            Console.WriteLine("{0,-8} {1,3} {2}", kv.Key, kv.Value, new string('*', kv.Value));
        var longest = counts.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Take(3);
        Console.WriteLine("longest words: " + string.Join(", ", longest));
        var byFirst = counts.Keys.GroupBy(k => k[0]).OrderBy(g => g.Key);
        foreach (var g in byFirst)
            Console.WriteLine(g.Key + ": " + string.Join(" ", g.OrderBy(x => x, StringComparer.Ordinal)));
    }
}
