// Objects reachable from stack locals, struct fields, array elements (of references and of structs),
// statics, boxed structs and closures survive many collections with their contents intact.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

class Node {
    public Node Next; public int Value; public string Text;
    public Node(int v, Node next) { Value = v; Next = next; Text = "n" + v; }
}

struct Pair { public int Key; public string Name; public Node Link; }

class Holder { public Pair Inline; public Pair[] Pairs; public object Boxed; }

class Program {
    static Node staticList;
    static Dictionary<string, int[]> staticMap = new Dictionary<string, int[]>();
    [ThreadStatic] static string threadStatic;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Churn(int n) {
        object keep = null;
        for (int i = 0; i < n; i++) {
            var garbage = new int[i % 50 + 1];
            garbage[0] = i;
            if (i % 997 == 0) keep = garbage;
            string s = "x" + i;
            if (s.Length == 0) Console.WriteLine(keep);
        }
    }

    static int Sum(Node n) { int s = 0; for (; n != null; n = n.Next) s += n.Value + n.Text.Length; return s; }

    static void Main() {
        Node local = null;
        for (int i = 0; i < 1000; i++) local = new Node(i, local);
        staticList = new Node(-1, new Node(-2, null));
        for (int k = 0; k < 20; k++) staticMap["k" + k] = new int[] { k, k * k };
        threadStatic = string.Concat("thread", "-", "static");

        var holder = new Holder();
        holder.Inline = new Pair { Key = 7, Name = "inline" + 7, Link = new Node(70, null) };
        holder.Pairs = new Pair[300];
        for (int i = 0; i < holder.Pairs.Length; i++)
            holder.Pairs[i] = new Pair { Key = i, Name = "p" + i, Link = new Node(i * 2, null) };
        holder.Boxed = new Pair { Key = 99, Name = "boxed", Link = new Node(990, null) };
        Pair onStack = new Pair { Key = 5, Name = "stack" + 5, Link = new Node(50, new Node(51, null)) };
        object[] objects = new object[100];
        for (int i = 0; i < objects.Length; i++) objects[i] = i % 2 == 0 ? (object)("s" + i) : new List<int> { i, i + 1 };
        var grid = new string[3, 4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i, j] = "g" + i + j;
        var gridCopy = (string[,])grid.Clone();     // a general array's bounds live inside it
        grid = null;
        int captured = 3;
        var words = new List<string> { "alpha", "beta" };
        Func<int, string> closure = x => words[x % 2] + (x + captured);

        for (int round = 0; round < 30; round++) {
            Churn(20000);
            if (round % 10 == 0) GC.Collect();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Console.WriteLine("local list: " + Sum(local));
        Console.WriteLine("static list: " + Sum(staticList));
        int mapSum = 0;
        foreach (var kv in staticMap) mapSum += kv.Value[0] + kv.Value[1] + kv.Key.Length;
        Console.WriteLine("static map: " + mapSum);
        Console.WriteLine("thread static: " + threadStatic);
        Console.WriteLine("inline struct: " + holder.Inline.Key + " " + holder.Inline.Name + " " + holder.Inline.Link.Text);
        int pairSum = 0;
        foreach (var p in holder.Pairs) pairSum += p.Key + p.Name.Length + p.Link.Value;
        Console.WriteLine("struct array: " + pairSum);
        var b = (Pair)holder.Boxed;
        Console.WriteLine("boxed struct: " + b.Name + " " + b.Link.Text);
        Console.WriteLine("stack struct: " + onStack.Name + " " + Sum(onStack.Link));
        int objSum = 0;
        foreach (var o in objects) objSum += o is string ? ((string)o).Length : ((List<int>)o)[1];
        Console.WriteLine("object array: " + objSum);
        Console.WriteLine("cloned grid: " + gridCopy.GetLength(0) + "x" + gridCopy.GetLength(1) + " " + gridCopy[2, 3] + gridCopy[1, 0]);
        Console.WriteLine("closure: " + closure(1) + " " + closure(2));
        Console.WriteLine("collections happened: " + (GC.CollectionCount(0) >= 4));
    }
}
