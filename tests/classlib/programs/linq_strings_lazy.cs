// LINQ over strings and custom sequences, Lazy<T>, ordering stability, laziness observed through side effects.
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static List<string> log = new List<string>();

    static IEnumerable<int> Source(int n)
    {
        for (int i = 0; i < n; i++)
        {
            log.Add("yield " + i);
            yield return i;
        }
    }

    static void Main()
    {
        var q = Source(10).Where(x => { log.Add("where " + x); return x % 3 == 0; }).Select(x => { log.Add("select " + x); return x * x; });
        Console.WriteLine("nothing yet: " + log.Count);
        Console.WriteLine("first " + q.First());
        Console.WriteLine(string.Join(", ", log));
        log.Clear();
        Console.WriteLine("take 2 " + string.Join(",", q.Take(2)) + " steps " + log.Count);
        log.Clear();
        var ordered = Source(4).OrderByDescending(x => x);
        Console.WriteLine("ordering buffers: " + log.Count + " then " + ordered.First() + " " + log.Count);
        var people = new[] { "Ann:30", "Bob:25", "Cid:30", "Dee:25", "Eve:35", "Fay:30" }.Select(p => new { Name = p.Split(':')[0], Age = int.Parse(p.Split(':')[1]) }).ToList();
        Console.WriteLine("stable " + string.Join(" ", people.OrderBy(p => p.Age).Select(p => p.Name)));
        Console.WriteLine("stable desc " + string.Join(" ", people.OrderByDescending(p => p.Age).Select(p => p.Name)));
        var text = "It was the best of times, it was the worst of times, it was the age of wisdom";
        var words = text.ToLowerInvariant().Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine("word count " + words.Length + " distinct " + words.Distinct().Count());
        Console.WriteLine("top " + string.Join(" ", words.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(4).Select(g => g.Key + ":" + g.Count())));
        Console.WriteLine("letters " + new string(text.Where(char.IsLetter).Select(char.ToUpperInvariant).Distinct().OrderBy(c => c).ToArray()));
        Console.WriteLine("acronym " + string.Concat(words.Take(6).Select(w => char.ToUpper(w[0]))));
        Console.WriteLine("lengths " + string.Join(",", words.Select(w => w.Length).Distinct().OrderBy(n => n)));
        Console.WriteLine("skip last " + string.Join(" ", words.Reverse().Skip(3).Reverse().Skip(10)));
        Console.WriteLine("any 'age' " + words.Any(w => w == "age") + " all short " + words.All(w => w.Length < 7) + " index of worst " + Array.IndexOf(words, "worst"));
        int created = 0;
        var lazy = new Lazy<List<int>>(() => { created++; return Enumerable.Range(1, 5).ToList(); });
        Console.WriteLine("lazy created " + lazy.IsValueCreated + " " + created);
        Console.WriteLine("lazy value " + lazy.Value.Sum() + " " + lazy.Value.Count + " created " + lazy.IsValueCreated + " " + created);
        var lazyString = new Lazy<string>(() => "computed");
        Console.WriteLine("lazy tostring " + lazyString.Value);
        var chunks = Enumerable.Range(1, 11).Select((x, i) => new { x, i }).GroupBy(p => p.i / 4, p => p.x).Select(g => "[" + string.Join(",", g) + "]");
        Console.WriteLine("chunks " + string.Join(" ", chunks));
        var running = new List<int>();
        Enumerable.Range(1, 6).Aggregate(0, (acc, x) => { running.Add(acc + x); return acc + x; });
        Console.WriteLine("running totals " + string.Join(",", running));
        var matrix = new[] { new[] { 1, 2, 3 }, new[] { 4, 5, 6 } };
        var transposed = Enumerable.Range(0, 3).Select(c => matrix.Select(r => r[c]).ToArray()).ToArray();
        Console.WriteLine("transposed " + string.Join(" ", transposed.Select(r => string.Join(",", r))));
        var dict = words.Distinct().ToDictionary(w => w, w => w.Length);
        Console.WriteLine("dictionary " + dict.Count + " times=" + dict["times"]);
        var sortedDict = new SortedDictionary<string, int>(dict);
        Console.WriteLine("first sorted " + sortedDict.First().Key + " last " + sortedDict.Last().Key);
        var cast = new System.Collections.ArrayList { 3, 1, 2 }.Cast<int>().OrderBy(x => x);
        Console.WriteLine("arraylist " + string.Join(",", cast));
        Console.WriteLine("as enumerable " + words.AsEnumerable().Count() + " to array " + words.ToArray().Length + " to list " + words.ToList().Count);
        var emptyGroups = new string[0].GroupBy(s => s.Length);
        Console.WriteLine("empty groups " + emptyGroups.Count());
    }
}
