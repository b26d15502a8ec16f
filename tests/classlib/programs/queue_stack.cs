// Queue<T> and Stack<T>: order, peeking, growth, conversion, and the exceptions when empty.
using System;
using System.Collections.Generic;

static class Program
{
    static void Main()
    {
        var q = new Queue<string>();
        foreach (var w in "the quick brown fox jumps".Split(' '))
            q.Enqueue(w);
        Console.WriteLine("queue count " + q.Count + " peek " + q.Peek());
        Console.WriteLine("dequeue " + q.Dequeue() + " " + q.Dequeue());
        q.Enqueue("over");
        Console.WriteLine("contents " + string.Join("|", q) + " contains fox " + q.Contains("fox"));
        var arr = q.ToArray();
        Console.WriteLine("array " + arr.Length + " " + arr[arr.Length - 1]);
        while (q.Count > 0)
            Console.Write(q.Dequeue() + ";");
        Console.WriteLine();
        try { q.Dequeue(); }
        catch (InvalidOperationException ex) { Console.WriteLine("empty dequeue: " + ex.Message); }
        try { q.Peek(); }
        catch (InvalidOperationException ex) { Console.WriteLine("empty peek: " + ex.Message); }

        var s = new Stack<int>();
        for (int i = 1; i <= 20; i++)
            s.Push(i * 3);
        Console.WriteLine("stack count " + s.Count + " peek " + s.Peek());
        Console.WriteLine("pop " + s.Pop() + " " + s.Pop() + " " + s.Pop());
        Console.WriteLine("contents " + string.Join(",", s));
        Console.WriteLine("contains 30 " + s.Contains(30) + " contains 31 " + s.Contains(31));
        var copy = new Stack<int>(s);
        Console.WriteLine("copy top " + copy.Peek());
        s.Clear();
        try { s.Pop(); }
        catch (InvalidOperationException ex) { Console.WriteLine("empty pop: " + ex.Message); }

        // Balanced brackets with a stack.
        foreach (var text in new[] { "(a[b]{c})", "(]", "((())", "{[()()]}" })
        {
            var open = new Stack<char>();
            bool ok = true;
            foreach (char c in text)
            {
                if ("([{".IndexOf(c) >= 0) open.Push(c);
                else if (")]}".IndexOf(c) >= 0)
                {
                    if (open.Count == 0 || "([{".IndexOf(open.Pop()) != ")]}".IndexOf(c)) { ok = false; break; }
                }
            }
            Console.WriteLine(text + " balanced: " + (ok && open.Count == 0));
        }
        // Breadth-first numbering with a queue.
        var work = new Queue<int>();
        work.Enqueue(1);
        var seen = new List<int>();
        while (work.Count > 0 && seen.Count < 15)
        {
            int n = work.Dequeue();
            seen.Add(n);
            work.Enqueue(n * 2);
            work.Enqueue(n * 2 + 1);
        }
        Console.WriteLine("bfs " + string.Join(" ", seen) + " left " + work.Count);
        var en = s.GetEnumerator();
        Console.WriteLine("empty enumerator moves: " + en.MoveNext());
    }
}
