// LinkedList<T>: nodes, insertion before/after, removal, search, and enumeration both ways.
using System;
using System.Collections.Generic;

static class Program
{
    static void Dump(string label, LinkedList<string> list)
    {
        Console.Write(label + " [" + list.Count + "]:");
        for (var node = list.First; node != null; node = node.Next)
            Console.Write(" " + node.Value);
        Console.Write(" | backwards:");
        for (var node = list.Last; node != null; node = node.Previous)
            Console.Write(" " + node.Value);
        Console.WriteLine();
    }

    static void Main()
    {
        var list = new LinkedList<string>();
        list.AddLast("b");
        list.AddLast("d");
        list.AddFirst("a");
        Dump("start", list);
        var d = list.Find("d");
        list.AddBefore(d, "c");
        list.AddAfter(d, "e");
        Dump("inserted", list);
        Console.WriteLine("first " + list.First.Value + " last " + list.Last.Value);
        Console.WriteLine("d's neighbours " + d.Previous.Value + " " + d.Next.Value + " list same " + (d.List == list));
        list.Remove("c");
        list.RemoveFirst();
        list.RemoveLast();
        Dump("removed", list);
        Console.WriteLine("contains b " + list.Contains("b") + " contains z " + list.Contains("z"));
        list.AddLast("b");
        Console.WriteLine("FindLast b is last " + (list.FindLast("b") == list.Last) + " Find b is first " + (list.Find("b") == list.First));
        var node = new LinkedListNode<string>("x");
        list.AddFirst(node);
        Dump("node added", list);
        list.Remove(node);
        Console.WriteLine("removed node list null " + (node.List == null));
        try { list.AddAfter(node, "y"); }
        catch (InvalidOperationException ex) { Console.WriteLine("foreign node: " + ex.Message); }
        var numbers = new LinkedList<int>(new[] { 5, 3, 8, 1 });
        int sum = 0;
        foreach (var n in numbers) sum += n;
        Console.WriteLine("sum " + sum);
        var arr = new int[6];
        numbers.CopyTo(arr, 1);
        Console.WriteLine("copy " + string.Join(",", arr));
        numbers.Clear();
        Console.WriteLine("cleared " + numbers.Count + " first null " + (numbers.First == null));
        try { numbers.RemoveFirst(); }
        catch (InvalidOperationException ex) { Console.WriteLine("empty: " + ex.Message); }
    }
}
