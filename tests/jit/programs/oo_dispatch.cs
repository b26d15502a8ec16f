// Harder dispatch: struct arguments and results (hidden return pointers) through vtables, itables
// and unboxing stubs; delegates made from interface methods, generic virtual methods and struct
// methods (ldvirtftn); generic virtual methods through interfaces on structs and classes; overrides
// in generic subclasses that close the base's parameter with another generic type; generic
// interfaces implemented in a base class and re-implemented below; interfaces of arrays seen
// covariantly and written through.
using System;
using System.Collections.Generic;

namespace OO.Dispatch
{
    public struct Big { public long A, B, C, D; public Big(long a) { A = a; B = a * 2; C = a * 3; D = a * 4; } public long Sum() { return A + B + C + D; } }

    public interface IMake { Big Make(Big seed, int k); string Tag(); }
    public struct MakerStruct : IMake
    {
        public long Offset;
        public Big Make(Big seed, int k) { return new Big(seed.A * k + Offset); }
        public string Tag() { return "struct" + Offset; }
    }
    public class MakerClass : IMake
    {
        public virtual Big Make(Big seed, int k) { return new Big(seed.D + k); }
        public string Tag() { return "class"; }
    }
    public class MakerDerived : MakerClass
    {
        public override Big Make(Big seed, int k) { Big b = base.Make(seed, k); b.A = -b.A; return b; }
    }

    public interface IGeneric { string Show<T>(T x); int Count<T>(T[] xs); }
    public struct GStruct : IGeneric
    {
        public int Calls;
        public string Show<T>(T x) { Calls++; return "s:" + typeof(T).Name + Calls; }
        public int Count<T>(T[] xs) { return xs.Length + Calls; }
    }
    public class GClass : IGeneric
    {
        public virtual string Show<T>(T x) { return "c:" + typeof(T).Name; }
        public int Count<T>(T[] xs) { return xs.Length * 10; }
    }
    public class GDerived : GClass
    {
        public override string Show<T>(T x) { return "d:" + base.Show(x); }
    }

    public class B<T> { public virtual T Echo(T x) { return x; } public virtual string Kind() { return "B<" + typeof(T).Name + ">"; } }
    public class D<U> : B<List<U>>
    {
        public override List<U> Echo(List<U> x) { List<U> l = new List<U>(x); l.Add(default(U)); return l; }
        public override string Kind() { return "D<" + typeof(U).Name + ">/" + base.Kind(); }
    }
    public class E : D<string> { public override string Kind() { return "E/" + base.Kind(); } }

    public interface IPick<T> { string Pick(T x); }
    public class PickBase : IPick<string>, IPick<int>
    {
        public string Pick(string x) { return "base-string"; }
        string IPick<int>.Pick(int x) { return "base-int"; }
    }
    public class PickDerived : PickBase, IPick<int>
    {
        public string Pick(int x) { return "derived-int"; }
    }
    public class PickGeneric<T> : IPick<T> { public virtual string Pick(T x) { return "generic-" + typeof(T).Name; } }
    public class PickGenericDerived : PickGeneric<string> { public override string Pick(string x) { return "override-" + x; } }

    public interface IWho { string Who(); }
    public class WhoBase : IWho { public virtual string Who() { return "base"; } }
    public class WhoNewVirtual : WhoBase { public new virtual string Who() { return "new-virtual"; } }
    public class WhoNewVirtualRedeclared : WhoBase, IWho { public new virtual string Who() { return "redeclared"; } }
    public class WhoExplicitBase : IWho { string IWho.Who() { return "explicit-base"; } public virtual string Who() { return "public-base"; } }
    public class WhoOverridesPublic : WhoExplicitBase { public override string Who() { return "override"; } }
    // (An override re-declaring IWho below WhoExplicitBase: Mono keeps the base's explicit
    // implementation, ECMA II.12.2 takes the override; tests/jit/test_oo_not_mono.py.)

    public abstract class Shape { public abstract Big Bounds(); public virtual Big Scaled(int k) { Big b = Bounds(); b.A *= k; return b; } }
    public sealed class Sq : Shape { public override Big Bounds() { return new Big(3); } }

    public static class DispatchTests
    {
        static long Use(IMake m, int k) { return m.Make(new Big(2), k).Sum(); }
        static string UseG(IGeneric g) { return g.Show(1) + g.Show("s") + g.Count(new int[3]); }
        static string UseConstrained<T>(ref T g) where T : IGeneric { return g.Show(2.5) + g.Show('c') + g.Count(new string[2]); }

        public static long test_struct_result_through_itable_on_box() { MakerStruct m = new MakerStruct(); m.Offset = 5; return Use(m, 10); }
        public static long test_struct_result_through_itable_on_class() { return Use(new MakerClass(), 10) * 1000 + Use(new MakerDerived(), 10); }
        public static long test_struct_result_through_vtable() { Shape s = new Sq(); return s.Bounds().Sum() * 1000 + s.Scaled(5).A; }
        public static string test_string_through_unboxing_stub() { IMake m = new MakerStruct() { Offset = 7 }; return m.Tag(); }
        public static long test_delegate_struct_result_from_interface() { IMake m = new MakerClass(); Func<Big, int, Big> f = m.Make; return f(new Big(1), 2).A; }
        public static long test_delegate_struct_result_on_boxed_struct() { IMake m = new MakerStruct() { Offset = 1 }; Func<Big, int, Big> f = m.Make; return f(new Big(3), 4).D; }
        public static string test_delegate_from_interface_method() { IMake m = new MakerDerived(); Func<string> f = m.Tag; return f(); }
        public static long test_delegate_from_virtual_struct_result() { MakerClass m = new MakerDerived(); Func<Big, int, Big> f = m.Make; return f(new Big(1), 1).A; }

        public static string test_gvm_interface_on_class() { return UseG(new GClass()) + "|" + UseG(new GDerived()); }
        public static string test_gvm_interface_on_boxed_struct() { return UseG(new GStruct()); }
        public static string test_gvm_constrained_on_struct() { GStruct g = new GStruct(); string s = UseConstrained(ref g); return s + g.Calls; }
        public static string test_gvm_constrained_on_class() { GClass g = new GDerived(); return UseConstrained(ref g); }
        public static string test_gvm_delegate() { GClass g = new GDerived(); Func<int, string> f = g.Show<int>; Func<string, string> h = g.Show; return f(1) + h("x"); }
        public static string test_gvm_interface_delegate() { IGeneric g = new GDerived(); Func<long, string> f = g.Show<long>; return f(1); }

        public static string test_override_closing_with_generic() { B<List<int>> b = new D<int>(); List<int> l = new List<int>(); l.Add(5); return b.Echo(l).Count + b.Kind(); }
        public static string test_override_chain_through_generic() { B<List<string>> b = new E(); return b.Kind() + b.Echo(new List<string>()).Count; }
        public static string test_generic_interface_reimplemented()
        {
            PickBase b = new PickDerived();
            IPick<int> i = b; IPick<string> s = b;
            return i.Pick(1) + "," + s.Pick("x") + "," + ((IPick<int>)new PickBase()).Pick(1);
        }
        public static string test_generic_interface_via_generic_base() { IPick<string> p = new PickGenericDerived(); IPick<int> q = new PickGeneric<int>(); return p.Pick("a") + q.Pick(1); }

        public static string test_new_virtual_without_redeclaring() { IWho w = new WhoNewVirtual(); return w.Who(); }
        public static string test_new_virtual_redeclared() { IWho w = new WhoNewVirtualRedeclared(); return w.Who(); }
        public static string test_explicit_base_override_public() { IWho w = new WhoOverridesPublic(); return w.Who(); }

        public static int test_array_ilist_covariant_write() { string[] a = { "x" }; IList<object> l = a; l[0] = "y"; return a[0] == "y" ? 1 : 0; }
        public static int test_array_ilist_covariant_write_mismatch() { string[] a = { "x" }; IList<object> l = a; l[0] = 5; return 0; }
        public static int test_array_icollection_count_covariant() { ICollection<object> c = new string[7]; IReadOnlyCollection<object> r = new Uri[3]; return c.Count + r.Count * 10; }
        public static bool test_array_ilist_contains_covariant() { IList<object> l = new string[] { "a", "b" }; return l.Contains("b") && !l.Contains(1) && l.IndexOf("b") == 1; }
        public static int test_array_enumerator_covariant() { IEnumerable<object> e = new string[] { "ab", "cde" }; int n = 0; foreach (object o in e) n += ((string)o).Length; return n; }
        public static int test_struct_array_ilist() { IList<Big> l = new Big[2]; l[1] = new Big(4); return (int)l[1].Sum() + l.Count * 100; }
    }

    public class Uri { }
}
