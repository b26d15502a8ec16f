// A generic collection of our own: IList<T> implementation, generic binary search tree, priority queue, used through LINQ and the class library.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

class Bag<T> : IList<T>
{
    T[] items = new T[2];
    int count;
    public T this[int index]
    {
        get { if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException("index"); return items[index]; }
        set { if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException("index"); items[index] = value; }
    }
    public int Count { get { return count; } }
    public bool IsReadOnly { get { return false; } }
    public void Add(T item) { if (count == items.Length) Array.Resize(ref items, count * 2); items[count++] = item; }
    public void Clear() { Array.Clear(items, 0, count); count = 0; }
    public bool Contains(T item) { return IndexOf(item) >= 0; }
    public void CopyTo(T[] array, int arrayIndex) { Array.Copy(items, 0, array, arrayIndex, count); }
    public int IndexOf(T item) { return Array.IndexOf(items, item, 0, count); }
    public void Insert(int index, T item) { Add(item); Array.Copy(items, index, items, index + 1, count - index - 1); items[index] = item; }
    public bool Remove(T item) { int i = IndexOf(item); if (i < 0) return false; RemoveAt(i); return true; }
    public void RemoveAt(int index) { Array.Copy(items, index + 1, items, index, count - index - 1); items[--count] = default(T); }
    public IEnumerator<T> GetEnumerator() { for (int i = 0; i < count; i++) yield return items[i]; }
    IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
}

class BinaryTree<TKey, TValue> where TKey : IComparable<TKey>
{
    class Node { public TKey Key; public TValue Value; public Node Left, Right; }
    Node root;
    public int Count { get; private set; }
    public void Add(TKey key, TValue value)
    {
        if (root == null) { root = new Node { Key = key, Value = value }; Count++; return; }
        var n = root;
        while (true)
        {
            int c = key.CompareTo(n.Key);
            if (c == 0) { n.Value = value; return; }
            var next = c < 0 ? n.Left : n.Right;
            if (next == null)
            {
                var leaf = new Node { Key = key, Value = value };
                if (c < 0) n.Left = leaf; else n.Right = leaf;
                Count++;
                return;
            }
            n = next;
        }
    }
    public bool TryGet(TKey key, out TValue value)
    {
        var n = root;
        while (n != null)
        {
            int c = key.CompareTo(n.Key);
            if (c == 0) { value = n.Value; return true; }
            n = c < 0 ? n.Left : n.Right;
        }
        value = default(TValue);
        return false;
    }
    public IEnumerable<KeyValuePair<TKey, TValue>> InOrder()
    {
        var stack = new Stack<Node>();
        var n = root;
        while (n != null || stack.Count > 0)
        {
            while (n != null) { stack.Push(n); n = n.Left; }
            n = stack.Pop();
            yield return new KeyValuePair<TKey, TValue>(n.Key, n.Value);
            n = n.Right;
        }
    }
    public int Height() { return Height(root); }
    int Height(Node n) { return n == null ? 0 : 1 + Math.Max(Height(n.Left), Height(n.Right)); }
}

class PriorityQueue<T>
{
    readonly List<T> heap = new List<T>();
    readonly IComparer<T> comparer;
    public PriorityQueue(IComparer<T> comparer = null) { this.comparer = comparer ?? Comparer<T>.Default; }
    public int Count { get { return heap.Count; } }
    public void Push(T item)
    {
        heap.Add(item);
        int i = heap.Count - 1;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (comparer.Compare(heap[i], heap[parent]) >= 0) break;
            T t = heap[i]; heap[i] = heap[parent]; heap[parent] = t;
            i = parent;
        }
    }
    public T Pop()
    {
        if (heap.Count == 0) throw new InvalidOperationException("The priority queue is empty.");
        T top = heap[0];
        heap[0] = heap[heap.Count - 1];
        heap.RemoveAt(heap.Count - 1);
        int i = 0;
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < heap.Count && comparer.Compare(heap[l], heap[m]) < 0) m = l;
            if (r < heap.Count && comparer.Compare(heap[r], heap[m]) < 0) m = r;
            if (m == i) break;
            T t = heap[i]; heap[i] = heap[m]; heap[m] = t;
            i = m;
        }
        return top;
    }
}

static class Program
{
    static void Main()
    {
        var bag = new Bag<string>();
        foreach (var s in "red green blue cyan magenta yellow".Split(' ')) bag.Add(s);
        bag.Insert(2, "white");
        bag.Remove("cyan");
        bag.RemoveAt(0);
        bag[0] = "GREEN";
        Console.WriteLine("bag " + string.Join(",", bag) + " count " + bag.Count + " index of blue " + bag.IndexOf("blue") + " contains red " + bag.Contains("red"));
        Console.WriteLine("linq on bag " + string.Join(",", bag.OrderBy(s => s.Length).ThenBy(s => s)) + " last " + bag.Last() + " element " + bag.ElementAt(2));
        var list = new List<string>(bag);
        Console.WriteLine("list from bag " + list.Count + " " + list[list.Count - 1]);
        try { Console.WriteLine(bag[10]); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine("bad index: " + ex.ParamName); }
        ICollection<string> coll = bag;
        var arr = new string[coll.Count];
        coll.CopyTo(arr, 0);
        Console.WriteLine("copied " + string.Join("/", arr));
        var tree = new BinaryTree<string, int>();
        foreach (var w in "the quick brown fox jumps over the lazy dog again and again".Split(' '))
        {
            int n;
            tree.TryGet(w, out n);
            tree.Add(w, n + 1);
        }
        Console.WriteLine("tree count " + tree.Count + " height " + tree.Height());
        Console.WriteLine("in order " + string.Join(" ", tree.InOrder().Select(kv => kv.Key + "=" + kv.Value)));
        var numbers = new BinaryTree<int, string>();
        foreach (var n in new[] { 50, 30, 70, 20, 40, 60, 80, 35, 45, 65 }) numbers.Add(n, "n" + n);
        string found;
        Console.WriteLine("lookup 45 " + numbers.TryGet(45, out found) + " " + found + " lookup 99 " + numbers.TryGet(99, out found) + " " + (found ?? "null"));
        Console.WriteLine("sum of keys " + numbers.InOrder().Sum(kv => kv.Key));
        var pq = new PriorityQueue<int>();
        foreach (var n in new[] { 5, 1, 9, 3, 7, 2, 8, 6, 4, 0 }) pq.Push(n);
        var drained = new List<int>();
        while (pq.Count > 0) drained.Add(pq.Pop());
        Console.WriteLine("heap order " + string.Join(",", drained));
        var tasks = new PriorityQueue<Tuple<int, string>>(Comparer<Tuple<int, string>>.Create((a, b) => b.Item1.CompareTo(a.Item1)));
        tasks.Push(Tuple.Create(2, "write")); tasks.Push(Tuple.Create(9, "urgent")); tasks.Push(Tuple.Create(5, "review"));
        Console.WriteLine("highest first " + tasks.Pop().Item2 + " " + tasks.Pop().Item2 + " " + tasks.Pop().Item2);
        try { tasks.Pop(); }
        catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }
    }
}
