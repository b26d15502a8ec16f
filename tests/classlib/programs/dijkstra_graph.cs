// Graph algorithms on class-library collections: Dijkstra with SortedSet, BFS, topological sort, connected components.
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static Dictionary<string, List<Tuple<string, int>>> graph = new Dictionary<string, List<Tuple<string, int>>>();

    static void Edge(string a, string b, int w)
    {
        foreach (var pair in new[] { (a, b), (b, a) })
        {
            var (x, y) = pair;
            if (!graph.ContainsKey(x)) graph[x] = new List<Tuple<string, int>>();
            graph[x].Add(Tuple.Create(y, w));
        }
    }

    static void Main()
    {
        Edge("A", "B", 7); Edge("A", "C", 9); Edge("A", "F", 14); Edge("B", "C", 10); Edge("B", "D", 15);
        Edge("C", "D", 11); Edge("C", "F", 2); Edge("D", "E", 6); Edge("E", "F", 9); Edge("G", "H", 1);
        var dist = graph.Keys.ToDictionary(k => k, k => int.MaxValue);
        var prev = new Dictionary<string, string>();
        dist["A"] = 0;
        var queue = new SortedSet<Tuple<int, string>> { Tuple.Create(0, "A") };
        while (queue.Count > 0)
        {
            var top = queue.Min;
            queue.Remove(top);
            foreach (var e in graph[top.Item2])
            {
                int nd = top.Item1 + e.Item2;
                if (nd < dist[e.Item1])
                {
                    queue.Remove(Tuple.Create(dist[e.Item1], e.Item1));
                    dist[e.Item1] = nd;
                    prev[e.Item1] = top.Item2;
                    queue.Add(Tuple.Create(nd, e.Item1));
                }
            }
        }
        foreach (var k in dist.Keys.OrderBy(k => k))
        {
            var path = new List<string>();
            if (dist[k] != int.MaxValue)
                for (var at = k; at != null; at = prev.ContainsKey(at) ? prev[at] : null) path.Insert(0, at);
            Console.WriteLine(k + ": " + (dist[k] == int.MaxValue ? "unreachable" : dist[k] + " via " + string.Join("-", path)));
        }
        var seen = new HashSet<string>();
        int components = 0;
        foreach (var start in graph.Keys.OrderBy(k => k))
        {
            if (!seen.Add(start)) continue;
            components++;
            var order = new List<string> { start };
            var q = new Queue<string>();
            q.Enqueue(start);
            while (q.Count > 0)
                foreach (var e in graph[q.Dequeue()].OrderBy(e => e.Item1))
                    if (seen.Add(e.Item1)) { order.Add(e.Item1); q.Enqueue(e.Item1); }
            Console.WriteLine("component " + components + " bfs " + string.Join(" ", order));
        }
        var deps = new Dictionary<string, string[]>
        {
            { "app", new[] { "lib", "util" } }, { "lib", new[] { "core" } }, { "util", new[] { "core", "text" } },
            { "core", new string[0] }, { "text", new[] { "core" } }, { "tests", new[] { "app" } },
        };
        var indegree = deps.Keys.ToDictionary(k => k, k => deps[k].Length);
        var ready = new SortedSet<string>(indegree.Where(kv => kv.Value == 0).Select(kv => kv.Key));
        var build = new List<string>();
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            build.Add(next);
            foreach (var kv in deps.Where(kv => kv.Value.Contains(next)))
                if (--indegree[kv.Key] == 0) ready.Add(kv.Key);
        }
        Console.WriteLine("build order " + string.Join(" -> ", build));
        var grid = new[] { "S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E" };
        var start2 = (0, 0);
        var steps = new Dictionary<(int, int), int> { [start2] = 0 };
        var frontier = new Queue<(int, int)>();
        frontier.Enqueue(start2);
        while (frontier.Count > 0)
        {
            var (r, c) = frontier.Dequeue();
            foreach (var d in new[] { (0, 1), (1, 0), (0, -1), (-1, 0) })
            {
                var (dr, dc) = d;
                int nr = r + dr, nc = c + dc;
                if (nr < 0 || nc < 0 || nr >= grid.Length || nc >= grid[0].Length || grid[nr][nc] == '#' || steps.ContainsKey((nr, nc))) continue;
                steps[(nr, nc)] = steps[(r, c)] + 1;
                frontier.Enqueue((nr, nc));
            }
        }
        Console.WriteLine("maze steps to E " + steps[(4, 7)] + " cells reached " + steps.Count);
    }
}
