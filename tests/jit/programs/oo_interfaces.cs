// Interfaces: dispatch through implicit and explicit implementations, diamond hierarchies,
// re-implementation in subclasses, interfaces implemented by a base class, generic interfaces
// (several instantiations on one class), variance (IEnumerable<out T>, IComparer<in T>, our own
// in/out interfaces), interfaces on structs (boxed and through constrained calls), and casts.
using System;
using System.Collections;
using System.Collections.Generic;

namespace OO.Interfaces
{
    public interface IName { string Name(); }
    public interface IGreet : IName { string Greet(); }
    public interface ILeft : IName { int Left(); }
    public interface IRight : IName { int Right(); }
    // Diamond: IBoth reaches IName through both sides.
    public interface IBoth : ILeft, IRight { int Both(); }

    public class Diamond : IBoth
    {
        public string Name() { return "diamond"; }
        public int Left() { return 1; }
        public int Right() { return 2; }
        public int Both() { return 3; }
    }

    // The same diamond, every method explicit.
    public class ExplicitDiamond : IBoth
    {
        string IName.Name() { return "explicit"; }
        int ILeft.Left() { return 10; }
        int IRight.Right() { return 20; }
        int IBoth.Both() { return 30; }
        public int Left() { return -1; }          // unrelated to ILeft.Left
    }

    public interface IA { string M(); }
    public interface IB { string M(); }

    // One method name, two interfaces: one implicit, one explicit.
    public class TwoM : IA, IB
    {
        public string M() { return "implicit"; }
        string IB.M() { return "explicit-B"; }
    }

    // A base class implements the interface with a virtual method; a derived class overrides it.
    public class VBase : IA { public virtual string M() { return "vbase"; } }
    public class VDerived : VBase { public override string M() { return "vderived"; } }

    // A base implements it with a non-virtual method; the derived class re-implements the interface.
    public class NBase : IA { public string M() { return "nbase"; } }
    public class NDerived : NBase, IA { public new string M() { return "nderived"; } }
    // Hides without re-implementing: interface calls still reach the base.
    public class NHide : NBase { public new string M() { return "nhide"; } }

    // Interface implemented only through a base class's public method.
    public class Provider { public string M() { return "provider"; } }
    public class Consumer : Provider, IA { }

    // Abstract class implementing an interface with an abstract method.
    public abstract class AbstractImpl : IA { public abstract string M(); }
    public class ConcreteImpl : AbstractImpl { public override string M() { return "concrete"; } }

    // Explicit implementation in a base, re-implemented explicitly in a derived class.
    public class EBase : IA { string IA.M() { return "ebase"; } }
    public class EDerived : EBase, IA { string IA.M() { return "ederived"; } }

    // Generic interfaces, several instantiations on one class.
    public interface IConvert<T> { T Convert(int x); }
    public class Multi : IConvert<int>, IConvert<string>, IConvert<long>
    {
        public int Convert(int x) { return x * 2; }
        string IConvert<string>.Convert(int x) { return "s" + x; }
        long IConvert<long>.Convert(int x) { return x * 1000000000000L; }
    }

    public class GenImpl<T> : IConvert<T>
    {
        T value;
        public GenImpl(T v) { value = v; }
        public T Convert(int x) { return value; }
    }

    // Variance.
    public interface IProducer<out T> { T Make(); }
    public interface IConsumer<in T> { string Take(T t); }
    public class Animal { public virtual string Kind() { return "animal"; } }
    public class Cat : Animal { public override string Kind() { return "cat"; } }
    public class CatMaker : IProducer<Cat> { public Cat Make() { return new Cat(); } }
    public class AnimalTaker : IConsumer<Animal> { public string Take(Animal a) { return "took " + a.Kind(); } }
    public class StringMaker : IProducer<string> { public string Make() { return "made"; } }
    public class IntMaker : IProducer<int> { public int Make() { return 42; } }

    // Two variant-compatible implementations: the exact one wins.
    public class Both : IProducer<Animal>, IProducer<Cat>
    {
        Animal IProducer<Animal>.Make() { return new Animal(); }
        Cat IProducer<Cat>.Make() { return new Cat(); }
    }

    // Structs implementing interfaces.
    public interface ICounter { int Next(); int Value { get; } }
    public struct SCounter : ICounter
    {
        int n;
        public int Next() { return ++n; }
        public int Value { get { return n; } }
    }

    public interface IShape { double Area(); }
    public struct Rect : IShape, IComparable<Rect>
    {
        public double W, H;
        public Rect(double w, double h) { W = w; H = h; }
        public double Area() { return W * H; }
        public int CompareTo(Rect o) { return Area().CompareTo(o.Area()); }
    }

    // A generic interface method (generic virtual method through an interface).
    public interface IMapper { T Map<T>(T x); string Describe<T>(); }
    public class Mapper : IMapper
    {
        public T Map<T>(T x) { return x; }
        public string Describe<T>() { return "mapper of " + typeof(T).Name; }
    }
    public class Mapper2 : IMapper
    {
        T IMapper.Map<T>(T x) { return default(T); }
        string IMapper.Describe<T>() { return "explicit mapper of " + typeof(T).Name; }
    }

    // Interface with a property and an indexer.
    public interface IBag { int Count { get; } string this[int i] { get; set; } }
    public class Bag : IBag
    {
        string[] items = new string[4];
        public int Count { get { int c = 0; foreach (string s in items) if (s != null) c++; return c; } }
        public string this[int i] { get { return items[i]; } set { items[i] = value; } }
    }

    // An IEnumerable<T> of our own, consumed with foreach (interface dispatch on IEnumerator<T>).
    public class Range : IEnumerable<int>
    {
        int lo, hi;
        public Range(int lo, int hi) { this.lo = lo; this.hi = hi; }
        public IEnumerator<int> GetEnumerator() { for (int i = lo; i < hi; i++) yield return i; }
        IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
    }

    public static class InterfaceTests
    {
        static int Sum(IEnumerable<int> e) { int s = 0; foreach (int x in e) s += x; return s; }
        static string Names(IEnumerable<object> e) { string s = ""; foreach (object o in e) s += o.ToString(); return s; }
        static int NextOf<T>(ref T c) where T : ICounter { return c.Next(); }
        static int NextBoxed(ICounter c) { return c.Next(); }
        static int Compare<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b); }

        public static string test_diamond_implicit()
        {
            Diamond d = new Diamond(); IBoth b = d; ILeft l = d; IRight r = d; IName n = l;
            return n.Name() + (b.Both() * 100 + l.Left() * 10 + r.Right()) + ((IName)r).Name();
        }
        public static string test_diamond_explicit()
        {
            ExplicitDiamond d = new ExplicitDiamond(); IBoth b = d;
            return ((IName)b).Name() + (b.Both() + b.Left() + b.Right() + d.Left());
        }
        public static bool test_diamond_casts()
        {
            object o = new Diamond();
            return o is IName && o is ILeft && o is IRight && o is IBoth && !(o is IGreet);
        }
        public static string test_same_name_two_interfaces() { TwoM t = new TwoM(); return ((IA)t).M() + "|" + ((IB)t).M() + "|" + t.M(); }
        public static string test_virtual_impl_overridden() { IA a = new VDerived(); return a.M(); }
        public static string test_virtual_impl_base() { IA a = new VBase(); return a.M(); }
        public static string test_reimplementation() { IA a = new NDerived(); NBase b = new NDerived(); return a.M() + "|" + b.M(); }
        public static string test_hide_without_reimplementation() { IA a = new NHide(); return a.M(); }
        public static string test_impl_from_base_class() { IA a = new Consumer(); return a.M(); }
        public static string test_abstract_impl() { IA a = new ConcreteImpl(); return a.M(); }
        public static string test_explicit_reimplemented() { IA a = new EDerived(); IA b = new EBase(); return a.M() + b.M(); }
        public static string test_generic_interface_instantiations()
        {
            Multi m = new Multi();
            IConvert<int> a = m; IConvert<string> b = m; IConvert<long> c = m;
            return a.Convert(21) + b.Convert(7) + c.Convert(3);
        }
        public static bool test_generic_interface_not_implemented() { object o = new Multi(); return o is IConvert<short>; }
        public static string test_generic_class_generic_interface()
        {
            IConvert<string> a = new GenImpl<string>("x"); IConvert<double> b = new GenImpl<double>(1.5);
            return a.Convert(0) + (b.Convert(0) * 2 == 3.0 ? "ok" : "bad");
        }
        public static string test_covariant_interface() { IProducer<Animal> p = new CatMaker(); return p.Make().Kind(); }
        public static string test_covariant_object() { IProducer<object> p = new StringMaker(); return (string)p.Make(); }
        public static string test_contravariant_interface() { IConsumer<Cat> c = new AnimalTaker(); return c.Take(new Cat()); }
        public static bool test_covariance_no_value_types() { object o = new IntMaker(); return o is IProducer<object>; }
        public static bool test_covariance_wrong_direction() { object o = new StringMaker(); return o is IConsumer<object>; }
        public static bool test_contravariance_wrong_direction() { object o = new AnimalTaker(); return o is IConsumer<object>; }
        public static int test_variance_casts()
        {
            object a = new CatMaker(), b = new AnimalTaker();
            return (a is IProducer<Cat> ? 1 : 0) + (a is IProducer<Animal> ? 2 : 0) + (a is IProducer<object> ? 4 : 0)
                 + (a is IProducer<string> ? 8 : 0) + (b is IConsumer<Cat> ? 16 : 0) + (b is IConsumer<Animal> ? 32 : 0)
                 + (b is IConsumer<object> ? 64 : 0);
        }
        public static string test_exact_beats_variant() { Both b = new Both(); IProducer<Animal> a = b; IProducer<Cat> c = b; return a.Make().Kind() + c.Make().Kind(); }
        public static int test_ienumerable_covariance()
        {
            List<string> l = new List<string>(); l.Add("a"); l.Add("bc");
            IEnumerable<object> e = l;
            int n = 0; foreach (object o in e) n += ((string)o).Length;
            return n;
        }
        public static string test_array_as_ienumerable_object() { string[] a = { "x", "y", "z" }; return Names(a); }
        public static int test_own_enumerable() { return Sum(new Range(1, 11)); }
        public static int test_comparer_contravariance()
        {
            IComparer<object> c = new ObjComparer();
            IComparer<string> s = c;
            return s.Compare("abc", "z");
        }
        class ObjComparer : IComparer<object> { public int Compare(object a, object b) { return a.ToString().Length - b.ToString().Length; } }

        public static int test_struct_interface_boxed() { SCounter c = new SCounter(); ICounter i = c; i.Next(); i.Next(); return i.Value * 10 + c.Value; }
        public static int test_struct_interface_constrained() { SCounter c = new SCounter(); NextOf(ref c); NextOf(ref c); return c.Value; }
        public static int test_struct_interface_boxed_copy() { SCounter c = new SCounter(); NextBoxed(c); NextBoxed(c); return c.Value; }
        public static int test_struct_icomparable() { return Compare(new Rect(2, 3), new Rect(1, 5)) * 10 + Compare(new Rect(1, 1), new Rect(1, 1)); }
        public static double test_struct_interface_array()
        {
            IShape[] shapes = { new Rect(1, 2), new Rect(3, 4) };
            double s = 0; foreach (IShape x in shapes) s += x.Area();
            return s;
        }
        public static string test_generic_interface_method() { IMapper m = new Mapper(); return m.Map("v") + m.Map(5) + m.Describe<DateTime>(); }
        public static string test_generic_interface_method_explicit() { IMapper m = new Mapper2(); return (m.Map("v") == null ? "null" : "?") + m.Map(5) + m.Describe<string>(); }
        public static string test_interface_property_indexer() { IBag b = new Bag(); b[1] = "one"; b[3] = "three"; return b.Count + b[1] + b[3]; }

        public static int test_interface_null_call() { IA a = null; return a.M().Length; }
        public static int test_interface_cast_failure() { object o = new Diamond(); IGreet g = (IGreet)o; return 1; }
        public static bool test_interface_as_null() { object o = new Diamond(); return (o as IGreet) == null; }
        public static bool test_interface_is_on_string() { object o = "s"; return o is IComparable && o is IEnumerable<char> && o is IComparable<string> && !(o is IList); }
        public static bool test_boxed_int_interfaces() { object o = 5; return o is IComparable && o is IComparable<int> && o is IEquatable<int> && !(o is IComparable<long>); }
        public static int test_boxed_int_compare() { IComparable<int> c = 5; return c.CompareTo(7) + 10 * ((IComparable)(object)9).CompareTo(3); }
    }
}
