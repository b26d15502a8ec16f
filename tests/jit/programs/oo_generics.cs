// Generics: classes and methods over value and reference types, constraints (class, struct, new(),
// base class, interface), static fields and class constructors per instantiation, generic virtual
// methods (overridden in generic subclasses), recursive instantiations, default(T), typeof(T)
// identity and names, constrained calls on type parameters, nested generics.
using System;
using System.Collections.Generic;

namespace OO.Generics
{
    public class Box<T>
    {
        public T Value;
        public static int Made;
        public static string Tag = "box:" + typeof(T).Name;
        public Box(T v) { Value = v; Made++; }
        public T Get() { return Value; }
        public Box<T> With(T v) { return new Box<T>(v); }
        public virtual string Show() { return "Box(" + Value + ")"; }
        public static Box<T> Of(T v) { return new Box<T>(v); }
    }

    public class Pair<A, B>
    {
        public A First; public B Second;
        public Pair(A a, B b) { First = a; Second = b; }
        public Pair<B, A> Swap() { return new Pair<B, A>(Second, First); }
    }

    public struct Opt<T>
    {
        public bool Has; public T Value;
        public Opt(T v) { Has = true; Value = v; }
        public T Or(T other) { return Has ? Value : other; }
    }

    // Static initialisation per instantiation: each closed type runs its own .cctor.
    public static class PerType<T>
    {
        public static int Id;
        public static string Log = "";
        static int next;
        static PerType() { Id = ++Counter.N; Log = "init " + typeof(T).Name; }
    }
    public static class Counter { public static int N; }

    // Generic virtual methods overridden in generic subclasses.
    public abstract class Visitor<R>
    {
        public abstract R Visit<T>(T x);
        public virtual string Name<T>() { return "base:" + typeof(R).Name + "/" + typeof(T).Name; }
    }
    public class Printer<R> : Visitor<string>
    {
        public override string Visit<T>(T x) { return "visit " + typeof(T).Name + " for " + typeof(R).Name; }
        public override string Name<T>() { return "printer:" + base.Name<T>(); }
    }
    public class SizeOf : Visitor<int>
    {
        public override int Visit<T>(T x) { return typeof(T).IsValueType ? 1 : 2; }
    }
    public class Sealer<R> : Printer<R>
    {
        public sealed override string Visit<T>(T x) { return "sealed " + base.Visit<T>(x); }
    }

    // A generic method in a generic base overridden in a subclass closing the type parameter.
    public class Repo<T>
    {
        public virtual string Describe(T item) { return "repo"; }
        public virtual U Convert<U>(T item, U fallback) { return fallback; }
    }
    public class IntRepo : Repo<int>
    {
        public override string Describe(int item) { return "int repo " + (item * 2); }
        public override U Convert<U>(int item, U fallback) { return item > 0 ? fallback : default(U); }
    }
    public class ListRepo<T> : Repo<List<T>>
    {
        public override string Describe(List<T> item) { return "list of " + item.Count; }
    }

    // Recursive instantiations.
    public class Node : IComparable<Node>
    {
        public int V;
        public Node(int v) { V = v; }
        public int CompareTo(Node o) { return V - o.V; }
    }
    public abstract class Shape<TSelf> where TSelf : Shape<TSelf>, new()
    {
        public int Size;
        public TSelf Grow() { TSelf t = new TSelf(); t.Size = Size + 1; return t; }
    }
    public class Blob : Shape<Blob> { }
    public class Tree<T> { public T Value; public List<Tree<T>> Kids = new List<Tree<T>>(); public Tree(T v) { Value = v; } }

    // Constraints.
    public interface IHasId { int Id { get; } }
    public class Item : IHasId { int id; public Item(int i) { id = i; } public Item() { id = -1; } public int Id { get { return id; } } }
    public struct SItem : IHasId { public int id; public int Id { get { return id + 1000; } } }
    public class Base { public virtual string Who() { return "base"; } }
    public class Derived : Base { public override string Who() { return "derived"; } }

    public static class Algo
    {
        public static T Max<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b) >= 0 ? a : b; }
        public static int SumIds<T>(T[] items) where T : IHasId { int s = 0; foreach (T t in items) s += t.Id; return s; }
        public static T Make<T>() where T : new() { return new T(); }
        public static string WhoAll<T>(T[] xs) where T : Base { string s = ""; foreach (T x in xs) s += x.Who(); return s; }
        public static bool IsNull<T>(T x) where T : class { return x == null; }
        public static T OrDefault<T>(T? x) where T : struct { return x.HasValue ? x.Value : default(T); }
        public static T Default<T>() { return default(T); }
        public static bool IsDefault<T>(T x) { return Equals(x, default(T)); }
        public static string Name<T>() { return typeof(T).Name; }
        public static string FullName<T>() { return typeof(T).FullName; }
        public static Type TypeOf<T>() { return typeof(T); }
        public static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }
        public static string ToStr<T>(T x) { return x.ToString(); }
        public static int Hash<T>(T x) { return x.GetHashCode(); }
        public static bool Eq<T>(T a, T b) { return a.Equals(b); }
        public static Type GetTypeOf<T>(T x) { return x.GetType(); }
        public static U Apply<T, U>(Func<T, U> f, T x) { return f(x); }
        public static int Count<T>(IEnumerable<T> e) { int n = 0; foreach (T x in e) n++; return n; }
        public static T[] Fill<T>(int n, T v) { T[] a = new T[n]; for (int i = 0; i < n; i++) a[i] = v; return a; }
        public static bool Is<T>(object o) { return o is T; }
        public static T As<T>(object o) where T : class { return o as T; }
        public static T Cast<T>(object o) { return (T)o; }
        public static object BoxIt<T>(T x) { return x; }
        public static int Depth<T>(int n) { return n == 0 ? 0 : 1 + Depth<Pair<T, T>>(n - 1); }
    }

    public class Outer<T>
    {
        public class Inner<U> { public string Names() { return typeof(T).Name + "," + typeof(U).Name; } }
        public class Plain { public T Held; }
    }

    public struct Wrapper<T> where T : IHasId { public T Inner; public int Id() { return Inner.Id; } }

    public static class GenericTests
    {
        public static int test_box_int() { Box<int> b = new Box<int>(41); return b.Get() + 1; }
        public static string test_box_string() { Box<string> b = new Box<string>("s"); return b.With("t").Get() + b.Get(); }
        public static string test_box_show() { return new Box<string>("abc").Show(); }
        public static long test_box_long_struct() { Box<long> b = Box<long>.Of(1L << 40); return b.Value; }
        public static int test_pair_swap() { Pair<string, int> p = new Pair<string, int>("x", 5); Pair<int, string> q = p.Swap(); return q.First + q.Second.Length; }
        public static double test_pair_of_doubles() { Pair<double, float> p = new Pair<double, float>(1.5, 2.5f); return p.First + p.Second; }
        public static int test_opt() { Opt<int> a = new Opt<int>(5), b = new Opt<int>(); return a.Or(1) * 10 + b.Or(7); }
        public static string test_opt_ref() { Opt<string> a = new Opt<string>("a"), b = default(Opt<string>); return a.Or("x") + b.Or("y"); }

        public static int test_statics_per_instantiation()
        {
            int before = Box<short>.Made;
            new Box<short>(1); new Box<short>(2); new Box<ushort>(3);
            return (Box<short>.Made - before) * 10 + Box<ushort>.Made;
        }
        public static string test_static_init_per_instantiation() { return Box<byte>.Tag + Box<Item>.Tag; }
        public static int test_cctor_per_instantiation()
        {
            int a = PerType<sbyte>.Id, b = PerType<uint>.Id, c = PerType<sbyte>.Id;
            return (a != b ? 1 : 0) + (a == c ? 10 : 0) + (PerType<sbyte>.Log == "init SByte" ? 100 : 0) + (PerType<Node>.Log == "init Node" ? 1000 : 0);
        }

        public static string test_gvm_generic_subclass() { Visitor<string> v = new Printer<long>(); return v.Visit(3) + ";" + v.Visit("s"); }
        public static string test_gvm_base_call() { Visitor<string> v = new Printer<byte>(); return v.Name<Item>(); }
        public static int test_gvm_closed_subclass() { Visitor<int> v = new SizeOf(); return v.Visit(1) * 10 + v.Visit("x"); }
        public static string test_gvm_sealed_override() { Visitor<string> v = new Sealer<char>(); Printer<char> p = (Printer<char>)v; return v.Visit(1.0) + "|" + p.Visit('c'); }
        public static string test_gvm_many_instantiations()
        {
            Visitor<string> v = new Printer<int>();
            string s = "";
            s += v.Visit(1); s += v.Visit(2L); s += v.Visit((short)3); s += v.Visit(new Node(1)); s += v.Visit(new Box<int>(1));
            return s;
        }
        public static string test_override_in_closed_subclass() { Repo<int> r = new IntRepo(); return r.Describe(21); }
        public static string test_generic_method_in_closed_subclass() { Repo<int> r = new IntRepo(); return r.Convert(1, "yes") + (r.Convert(-1, "no") == null ? "null" : "?") + r.Convert(1, 'c') + r.Convert(-1, 7L); }
        public static string test_override_with_generic_argument() { Repo<List<string>> r = new ListRepo<string>(); List<string> l = new List<string>(); l.Add("a"); return r.Describe(l); }

        public static int test_recursive_icomparable() { Node a = new Node(3), b = new Node(9); return Algo.Max(a, b).V + Algo.Max(b, a).V * 100; }
        public static int test_curiously_recurring() { Blob b = new Blob(); return b.Grow().Grow().Grow().Size; }
        public static int test_recursive_tree()
        {
            Tree<string> t = new Tree<string>("root"); t.Kids.Add(new Tree<string>("a")); t.Kids[0].Kids.Add(new Tree<string>("b"));
            return t.Kids.Count * 100 + t.Kids[0].Kids.Count * 10 + t.Kids[0].Kids[0].Value.Length;
        }
        public static int test_deep_generic_recursion() { return Algo.Depth<int>(6); }

        public static int test_constraint_interface_class() { return Algo.SumIds(new Item[] { new Item(1), new Item(2) }); }
        public static int test_constraint_interface_struct() { SItem[] a = new SItem[2]; a[0].id = 1; a[1].id = 2; return Algo.SumIds(a); }
        public static int test_constraint_new() { return Algo.Make<Item>().Id * 10 + Algo.Make<SItem>().Id + (Algo.Make<int>() == 0 ? 5 : 0); }
        public static string test_constraint_base_class() { return Algo.WhoAll(new Base[] { new Base(), new Derived() }) + Algo.WhoAll(new Derived[] { new Derived() }); }
        public static int test_constraint_class_struct() { int? n = null; return (Algo.IsNull<string>(null) ? 1 : 0) + (Algo.IsNull("x") ? 10 : 0) + Algo.OrDefault(n) + Algo.OrDefault((int?)7) * 100; }
        public static int test_constrained_struct_in_struct() { Wrapper<SItem> w = new Wrapper<SItem>(); w.Inner.id = 5; return w.Id(); }

        public static int test_default_int() { return Algo.Default<int>(); }
        public static bool test_default_ref() { return Algo.Default<string>() == null && Algo.Default<Node>() == null; }
        public static double test_default_double() { return Algo.Default<double>(); }
        public static int test_default_struct() { Pair<int, int> p = null; Opt<long> o = Algo.Default<Opt<long>>(); return (o.Has ? 1 : 0) + (int)o.Value + (p == null ? 10 : 0); }
        public static bool test_default_nullable() { int? x = Algo.Default<int?>(); return x.HasValue; }
        public static bool test_is_default() { return Algo.IsDefault(0) && Algo.IsDefault<string>(null) && !Algo.IsDefault(1) && !Algo.IsDefault("a"); }

        public static string test_typeof_names() { return Algo.Name<int>() + "," + Algo.Name<string>() + "," + Algo.Name<Node>() + "," + Algo.Name<int[]>() + "," + Algo.Name<List<int>>() + "," + Algo.Name<int?>(); }
        public static string test_typeof_fullname_generic() { return Algo.FullName<Pair<int, Node>>(); }
        public static string test_typeof_fullname_nested_generic() { return Algo.FullName<Outer<int>.Inner<string>>(); }
        public static string test_typeof_fullname_array() { return Algo.FullName<Node[][]>() + Algo.FullName<int[,]>() + Algo.FullName<Box<int>[]>(); }
        public static string test_typeof_tostring() { return Algo.TypeOf<Pair<int, Node>>().ToString() + ";" + typeof(Dictionary<string, List<int>>).ToString() + ";" + typeof(Box<>).ToString(); }
        public static string test_typeof_name_open() { return typeof(Pair<,>).Name + typeof(Pair<,>).FullName + typeof(Outer<>.Inner<>).Name; }
        public static string test_typeof_namespace() { return typeof(Box<int>).Namespace + "," + typeof(int).Namespace + "," + typeof(Outer<int>.Plain).Namespace; }
        public static bool test_typeof_identity() { return Algo.TypeOf<int>() == typeof(int) && Algo.TypeOf<List<string>>() == typeof(List<string>) && Algo.TypeOf<int>() != typeof(uint); }
        public static bool test_typeof_instantiations_differ() { return typeof(Box<int>) != typeof(Box<long>) && typeof(Box<int>) != typeof(Box<>); }
        public static bool test_gettype_generic() { object o = new Box<string>("x"); return o.GetType() == typeof(Box<string>) && Algo.GetTypeOf(5) == typeof(int); }
        public static string test_nested_generic_names() { return new Outer<long>.Inner<Node>().Names(); }
        public static bool test_typehandle_equality() { return typeof(int).TypeHandle.Equals(typeof(int).TypeHandle) && Type.GetTypeFromHandle(typeof(Node).TypeHandle) == typeof(Node); }

        public static string test_tostring_on_t() { return Algo.ToStr(12) + Algo.ToStr("s") + Algo.ToStr(new Box<int>(3)); }
        public static bool test_hash_on_t() { return Algo.Hash(12) == 12.GetHashCode() && Algo.Hash("ab") == "ab".GetHashCode(); }
        public static bool test_equals_on_t() { return Algo.Eq(3, 3) && !Algo.Eq(3L, 4L) && Algo.Eq("a", "a") && !Algo.Eq(new Node(1), new Node(1)); }
        public static int test_swap_generic() { int a = 1, b = 2; string s = "s", t = "t"; Algo.Swap(ref a, ref b); Algo.Swap(ref s, ref t); return a * 10 + b + s.Length * 100 + (s == "t" ? 1000 : 0); }
        public static int test_generic_delegate_apply() { return Algo.Apply<string, int>(s => s.Length, "four") + Algo.Apply<int, int>(x => x * x, 5); }
        public static int test_generic_count() { return Algo.Count(new int[5]) + Algo.Count(new List<string>()) + Algo.Count(new Box<int>[3]); }
        public static int test_generic_array_fill() { Node[] a = Algo.Fill(3, new Node(4)); long[] b = Algo.Fill(4, 5L); return a.Length + a[2].V * 10 + (int)b[3] * 100; }
        public static int test_generic_is()
        {
            return (Algo.Is<string>("s") ? 1 : 0) + (Algo.Is<int>(5) ? 2 : 0) + (Algo.Is<long>(5) ? 4 : 0)
                 + (Algo.Is<IComparable<int>>(5) ? 8 : 0) + (Algo.Is<int?>(5) ? 16 : 0) + (Algo.Is<Base>(new Derived()) ? 32 : 0);
        }
        public static bool test_generic_as() { return Algo.As<string>(5) == null && Algo.As<string>("x") == "x"; }
        public static int test_generic_cast() { return Algo.Cast<int>(5) + Algo.Cast<string>("ab").Length + (Algo.Cast<int?>(null).HasValue ? 100 : 0); }
        public static int test_generic_cast_fail() { return Algo.Cast<int>("s"); }
        public static int test_generic_unbox_wrong() { return Algo.Cast<int>(5L); }
        public static bool test_generic_box() { return Algo.BoxIt(5) is int && Algo.BoxIt("s") is string && Algo.BoxIt<int?>(null) == null; }
        public static int test_generic_nullable_box() { object o = Algo.BoxIt<int?>(5); return o is int ? (int)o : -1; }
    }
}
