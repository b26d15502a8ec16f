// Non-generic collections: ArrayList, Hashtable, BitArray, SortedList, Stack/Queue of objects, and ReadOnlyCollection, ObservableCollection.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Collections.Specialized;

static class Program
{
    static void Main()
    {
        var al = new ArrayList { 3, "two", 1.5, null, 'c' };
        al.Add(10);
        al.Insert(0, "first");
        al.Remove("two");
        Console.WriteLine("arraylist " + al.Count + ": " + string.Join(",", al.ToArray()) + " index of 10 " + al.IndexOf(10) + " contains null " + al.Contains(null));
        var nums = new ArrayList { 5, 2, 8, 1 };
        nums.Sort();
        nums.Reverse();
        Console.WriteLine("sorted reversed " + string.Join(",", nums.ToArray()) + " binary search " + new ArrayList { 1, 3, 5 }.BinarySearch(3) + " range " + string.Join(",", nums.GetRange(1, 2).ToArray()));
        var ht = new Hashtable();
        ht["one"] = 1; ht["two"] = 2; ht[3] = "three"; ht["one"] = 11;
        Console.WriteLine("hashtable count " + ht.Count + " one " + ht["one"] + " missing " + (ht["nope"] == null) + " contains " + ht.ContainsKey(3) + " " + ht.ContainsValue(2));
        var keys = new List<string>();
        foreach (DictionaryEntry e in ht) keys.Add(e.Key + "=" + e.Value);
        keys.Sort(StringComparer.Ordinal);
        Console.WriteLine("entries " + string.Join(" ", keys));
        try { ht.Add("two", 22); } catch (ArgumentException ex) { Console.WriteLine("duplicate: " + ex.Message); }
        var bits = new BitArray(10);
        bits[1] = bits[3] = bits[7] = true;
        var other = new BitArray(new[] { true, true, false, false, true, false, false, true, false, true });
        Console.WriteLine("bits " + Show(bits) + " other " + Show(other));
        Console.WriteLine("and " + Show(new BitArray(bits).And(other)) + " or " + Show(new BitArray(bits).Or(other)) + " xor " + Show(new BitArray(bits).Xor(other)) + " not " + Show(new BitArray(bits).Not()));
        var fromBytes = new BitArray(new byte[] { 0x0F, 0x80 });
        Console.WriteLine("from bytes " + Show(fromBytes) + " length " + fromBytes.Length);
        var sl = new SortedList { { "b", 2 }, { "a", 1 }, { "c", 3 } };
        Console.WriteLine("sorted list " + sl.GetKey(0) + sl.GetByIndex(0) + " " + sl.GetKey(2) + " index of b " + sl.IndexOfKey("b"));
        var st = new Stack();
        st.Push(1); st.Push("x"); st.Push(2.0);
        var qu = new Queue();
        qu.Enqueue('a'); qu.Enqueue("b");
        Console.WriteLine("stack " + st.Pop() + " " + st.Peek() + " queue " + qu.Dequeue() + " " + qu.Count);
        var ro = new ReadOnlyCollection<int>(new List<int> { 1, 2, 3 });
        Console.WriteLine("read-only " + ro.Count + " " + ro[2] + " contains " + ro.Contains(2));
        try { ((IList<int>)ro).Add(4); } catch (NotSupportedException ex) { Console.WriteLine("read-only add: " + ex.Message); }
        var oc = new ObservableCollection<string>();
        oc.CollectionChanged += (s, e) => Console.WriteLine("changed " + e.Action + " new " + (e.NewItems == null ? "-" : e.NewItems[0]) + " old " + (e.OldItems == null ? "-" : e.OldItems[0]) + " at " + e.NewStartingIndex + "/" + e.OldStartingIndex);
        oc.Add("x"); oc.Add("y"); oc.Insert(0, "w"); oc.Remove("x"); oc[0] = "W"; oc.Move(0, 1); oc.Clear();
        var col = new Collection<int> { 4, 5 };
        col.Insert(1, 9);
        Console.WriteLine("collection " + string.Join(",", col));
        var nvc = new NameValueCollection();
        nvc.Add("k", "v1"); nvc.Add("k", "v2"); nvc["z"] = "last";
        Console.WriteLine("name values " + nvc["k"] + " " + nvc.GetValues("k").Length + " " + nvc["z"] + " keys " + string.Join(",", nvc.AllKeys));
        var list = new List<object>(new object[] { 1, "a" });
        IList ilist = list;
        ilist.Add(2.5);
        Console.WriteLine("ilist " + ilist.Count + " fixed " + ilist.IsFixedSize + " " + ((IList)new int[2]).IsFixedSize);
    }

    static string Show(BitArray b)
    {
        var c = new char[b.Length];
        for (int i = 0; i < b.Length; i++) c[i] = b[i] ? '1' : '0';
        return new string(c);
    }
}
