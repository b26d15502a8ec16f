// LINQ grouping and joins: GroupBy, Join, GroupJoin, ToDictionary, Aggregate, Zip, SelectMany.
using System;
using System.Collections.Generic;
using System.Linq;

class Employee
{
    public string Name;
    public string Dept;
    public int Salary;
    public Employee(string name, string dept, int salary) { Name = name; Dept = dept; Salary = salary; }
    public override string ToString() { return Name + "(" + Dept + "," + Salary + ")"; }
}

static class Program
{
    static void Main()
    {
        var staff = new List<Employee>
        {
            new Employee("Ann", "dev", 5200), new Employee("Bob", "ops", 4100), new Employee("Cid", "dev", 6100),
            new Employee("Dee", "hr", 3900), new Employee("Eve", "ops", 4500), new Employee("Fay", "dev", 5800),
            new Employee("Gus", "sales", 3000),
        };
        foreach (var g in staff.GroupBy(e => e.Dept))
            Console.WriteLine(g.Key + ": " + string.Join(", ", g) + " total " + g.Sum(e => e.Salary) + " avg " + g.Average(e => e.Salary));
        foreach (var g in staff.GroupBy(e => e.Salary / 1000, e => e.Name))
            Console.WriteLine("band " + g.Key + "k: " + string.Join("/", g));
        var summary = staff.GroupBy(e => e.Dept, (dept, es) => dept + "=" + es.Count());
        Console.WriteLine(string.Join("; ", summary));
        var depts = new[] { new { Code = "dev", Title = "Development" }, new { Code = "ops", Title = "Operations" }, new { Code = "legal", Title = "Legal" } };
        var joined = staff.Join(depts, e => e.Dept, d => d.Code, (e, d) => e.Name + " in " + d.Title);
        Console.WriteLine(string.Join("; ", joined));
        var grouped = depts.GroupJoin(staff, d => d.Code, e => e.Dept, (d, es) => d.Title + ":" + es.Count());
        Console.WriteLine(string.Join("; ", grouped));
        var q = from e in staff
                join d in depts on e.Dept equals d.Code into ds
                from d in ds.DefaultIfEmpty()
                select e.Name + "->" + (d == null ? "?" : d.Title);
        Console.WriteLine(string.Join(" ", q));
        var byName = staff.ToDictionary(e => e.Name);
        Console.WriteLine("Cid earns " + byName["Cid"].Salary);
        var salaries = staff.ToDictionary(e => e.Name, e => e.Salary);
        Console.WriteLine("dictionary " + string.Join(",", salaries.Select(kv => kv.Key + ":" + kv.Value)));
        try { staff.ToDictionary(e => e.Dept); }
        catch (ArgumentException ex) { Console.WriteLine("duplicate key: " + ex.Message); }
        Console.WriteLine("aggregate " + staff.Select(e => e.Name).Aggregate((a, b) => a + "+" + b));
        Console.WriteLine("aggregate seed " + staff.Aggregate(0, (acc, e) => acc + e.Salary));
        Console.WriteLine("aggregate result " + staff.Aggregate(1L, (acc, e) => acc * 3 + e.Salary, acc => "#" + acc));
        var letters = new[] { 'a', 'b', 'c', 'd' };
        Console.WriteLine("zip " + string.Join(" ", letters.Zip(Enumerable.Range(1, 3), (c, n) => c.ToString() + n)));
        var sentences = new[] { "the cat sat", "on the mat", "the end" };
        var allWords = sentences.SelectMany(s => s.Split(' '));
        Console.WriteLine("select many " + string.Join("|", allWords));
        Console.WriteLine("word counts " + string.Join(" ", allWords.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key + "x" + g.Count())));
        var pairs = from x in Enumerable.Range(1, 4) from y in Enumerable.Range(x, 3) where (x + y) % 2 == 0 select x + "," + y;
        Console.WriteLine("pairs " + string.Join(" ", pairs));
        var withIndex = sentences.SelectMany((s, i) => s.Split(' ').Select(w => i + ":" + w));
        Console.WriteLine(string.Join(" ", withIndex));
        var top = staff.OrderByDescending(e => e.Salary).Take(3).Select(e => new { e.Name, Monthly = e.Salary / 12 });
        foreach (var t in top)
            Console.WriteLine(t + " " + t.Name + " " + t.Monthly);
        var nested = staff.GroupBy(e => e.Dept).Select(g => new { Dept = g.Key, Top = g.OrderByDescending(e => e.Salary).First().Name, Count = g.Count() }).OrderBy(x => x.Dept);
        foreach (var n in nested)
            Console.WriteLine(n);
        var lookup = staff.ToLookup(e => e.Dept.Length);
        foreach (var g in lookup)
            Console.WriteLine("len " + g.Key + ": " + g.Count());
        var hs = staff.Select(e => e.Dept).ToHashSet2();
        Console.WriteLine("distinct depts " + hs.Count);
        var arr = staff.Select(e => e.Salary).OrderBy(s => s).ToArray();
        Console.WriteLine("median " + arr[arr.Length / 2] + " range " + (arr.Max() - arr.Min()));
    }

    static HashSet<T> ToHashSet2<T>(this IEnumerable<T> items) { return new HashSet<T>(items); }
}
