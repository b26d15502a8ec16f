// Edge cases: variance nested inside generic arguments (an array of IEnumerable<string> as one of
// IEnumerable<object>, Func<IEnumerable<string>> as Func<IEnumerable<object>>), generic structs
// comparing themselves, explicit generic interface methods in generic classes and structs (constrained
// and through delegates), statics of instantiations used from generic code, class constructors that
// throw (TypeInitializationException, each time), collections of structs and nullables.
using System;
using System.Collections.Generic;

namespace OO.Edges
{
    public struct Opt<T> : IComparable<Opt<T>> where T : IComparable<T> { public T V; public int CompareTo(Opt<T> o) { return V.CompareTo(o.V); } }
    public interface IMapper { U Map<U>(U x); }
    public class GMap<T> : IMapper { U IMapper.Map<U>(U x) { return x; } }
    public struct SMap : IMapper { public int N; public U Map<U>(U x) { N++; return x; } }
    public static class Gen<T> { public static int Count; public static List<T> Items = new List<T>(); }
    public static class Bad<T> { public static int X; static Bad() { throw new InvalidOperationException("bad " + typeof(T).Name); } }
    public static class EdgeTests
    {
        static int Max<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b); }
        static U CallMap<M, U>(ref M m, U x) where M : IMapper { return m.Map(x); }
        static void Add<T>(T x) { Gen<T>.Count++; Gen<T>.Items.Add(x); }
        public static int test_generic_struct_icomparable() { Opt<int> a = new Opt<int> { V = 3 }, b = new Opt<int> { V = 5 }; return Max(a, b); }
        public static string test_explicit_gvm_generic_class() { IMapper m = new GMap<int>(); return m.Map("s") + m.Map(5); }
        public static int test_constrained_gvm_struct() { SMap s = new SMap(); CallMap(ref s, "x"); CallMap(ref s, 1); return s.N; }
        public static int test_gvm_delegate_struct() { IMapper m = new SMap(); Func<int, int> f = m.Map<int>; return f(7); }
        public static int test_generic_statics_from_generic() { Add(1); Add(2); Add("s"); return Gen<int>.Count * 10 + Gen<string>.Count + Gen<int>.Items.Count * 100; }
        public static bool test_nested_variance_array() { object a = new IEnumerable<string>[1]; return a is IEnumerable<object>[]; }
        public static bool test_nested_variance_delegate() { object f = (Func<IEnumerable<string>>)(() => null); return f is Func<IEnumerable<object>>; }
        public static bool test_nested_variance_interface() { object l = new List<IEnumerable<string>>(); return l is IEnumerable<IEnumerable<object>>; }
        public static bool test_interface_variance_of_interface() { IEnumerable<string> e = new List<string>(); IEnumerable<object> o = e; return o != null; }
        public static int test_cctor_throws() { try { return Bad<int>.X; } catch (TypeInitializationException e) { return e.InnerException is InvalidOperationException ? 1 : 2; } }
        public static int test_cctor_throws_twice() { int r = 0; for (int i = 0; i < 2; i++) { try { r += Bad<long>.X; } catch (TypeInitializationException) { r += 10; } } return r; }
        public static int test_list_of_structs() { var l = new List<KeyValuePair<string, int>>(); l.Add(new KeyValuePair<string, int>("a", 1)); l.Add(new KeyValuePair<string, int>("bb", 2)); int s = 0; foreach (var kv in l) s += kv.Key.Length * kv.Value; return s + l[1].Value * 100; }
        public static int test_list_of_nullable() { var l = new List<int?>(); l.Add(null); l.Add(3); return (l[0].HasValue ? 1 : 0) + l[1].Value * 10 + l.Count * 100; }
        public static int test_array_of_generic_class() { List<int>[] a = new List<int>[2]; a[1] = new List<int>(); a[1].Add(5); object o = a; return (o is IEnumerable<List<int>> ? 1 : 0) + (o is IList<object> ? 10 : 0) + a[1][0] * 100; }
    }
}
