// Classes: newobj, instance and static fields, virtual dispatch (override, newslot via `new`,
// sealed, abstract), calls to base methods, the callvirt null check, and System.Object's methods
// (GetType, Equals, GetHashCode, ToString, MemberwiseClone, ReferenceEquals) on our own classes.
using System;

namespace OO.Classes
{
    public class Animal
    {
        public string Name;
        public int Legs;
        public static int Created;
        public Animal(string name, int legs) { Name = name; Legs = legs; Created++; }
        public virtual string Sound() { return "..."; }
        public virtual int Weight() { return 1; }
        public string Describe() { return Name + ":" + Sound(); }
        public override string ToString() { return "Animal " + Name; }
    }

    public class Dog : Animal
    {
        public Dog(string name) : base(name, 4) { }
        public override string Sound() { return "woof"; }
        public override int Weight() { return 30 + base.Weight(); }
    }

    public class Puppy : Dog
    {
        public Puppy(string name) : base(name) { }
        public override string Sound() { return "yip(" + base.Sound() + ")"; }
        public override int Weight() { return base.Weight() / 10; }
    }

    public sealed class Cat : Animal
    {
        public Cat() : base("cat", 4) { }
        public override string Sound() { return "meow"; }
        public override string ToString() { return "The cat"; }
    }

    // `new` hides the inherited member; calls through the base type still reach the base slot.
    public class Shadow : Dog
    {
        public Shadow() : base("shadow") { }
        public new virtual string Sound() { return "hidden"; }
        public new int Legs = 99;
    }

    public class ShadowChild : Shadow
    {
        public override string Sound() { return "child-of-hidden"; }
    }

    public abstract class Shape
    {
        public abstract double Area();
        public virtual string Kind() { return "shape"; }
        public string Report() { return Kind() + (Area() > 10 ? ">10" : "<=10"); }
    }

    public class Square : Shape
    {
        public double Side;
        public Square(double s) { Side = s; }
        public override double Area() { return Side * Side; }
        public override string Kind() { return "square"; }
    }

    public sealed class Circle : Shape
    {
        public double R;
        public Circle(double r) { R = r; }
        public override double Area() { return 3 * R * R; }
        public sealed override string Kind() { return "circle"; }
    }

    public class Counter
    {
        public static int Instances;
        public static readonly int Start = ComputeStart();
        public static string Log = "";
        static int ComputeStart() { Log += "S"; return 100; }
        public int Id;
        public Counter() { Id = Start + Instances++; }
    }

    public class Point
    {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
        public override bool Equals(object o)
        {
            Point p = o as Point;
            return p != null && p.X == X && p.Y == Y;
        }
        public override int GetHashCode() { return X * 31 + Y; }
        public Point Clone() { return (Point)MemberwiseClone(); }
    }

    public class Plain { public int A; public string S; public Plain Next; public Plain Copy() { return (Plain)MemberwiseClone(); } }

    // Overloads differing only in parameter types, with virtual ones among them.
    public class Overloads
    {
        public virtual string F(int x) { return "int"; }
        public virtual string F(long x) { return "long"; }
        public virtual string F(object x) { return "object"; }
        public string F(string x) { return "string"; }
    }

    public class Overloads2 : Overloads
    {
        public override string F(long x) { return "long2"; }
        public override string F(object x) { return "object2:" + base.F(x); }
    }

    // Virtual calls from a constructor reach the most derived override (fields not yet set).
    public class CtorBase
    {
        public string Seen;
        public CtorBase() { Seen = Hook(); }
        public virtual string Hook() { return "base"; }
    }

    public class CtorDerived : CtorBase
    {
        public string Tag = "init";
        public override string Hook() { return "derived:" + (Tag == null ? "null" : Tag); }
    }

    // A deep chain: the vtable keeps slots in order when overrides skip levels.
    public class L0 { public virtual int A() { return 0; } public virtual int B() { return 0; } public virtual int C() { return 0; } }
    public class L1 : L0 { public override int B() { return 1; } }
    public class L2 : L1 { public virtual int D() { return 2; } }
    public class L3 : L2 { public override int A() { return 3; } public override int D() { return 3; } }
    public class L4 : L3 { public override int C() { return 4; } public new virtual int B() { return 40; } }

    public class Outer
    {
        int secret = 7;
        public class Inner
        {
            public int Peek(Outer o) { return o.secret; }
        }
        public static int Nested() { return new Inner().Peek(new Outer()); }
    }

    public static class ClassTests
    {
        public static string test_virtual_override() { Animal a = new Dog("rex"); return a.Sound(); }
        public static string test_virtual_base_impl() { Animal a = new Animal("x", 2); return a.Sound(); }
        public static string test_virtual_two_levels() { Animal a = new Puppy("bit"); return a.Describe(); }
        public static int test_base_call_chain() { Animal a = new Puppy("p"); return a.Weight(); }
        public static string test_sealed_class() { Cat c = new Cat(); return c.Sound() + c.Describe(); }
        public static string test_shadow_through_base() { Animal a = new Shadow(); return a.Sound(); }
        public static string test_shadow_through_own() { Shadow s = new Shadow(); return s.Sound(); }
        public static string test_shadow_override_of_new()
        {
            Shadow s = new ShadowChild(); Dog d = s;
            return s.Sound() + "|" + d.Sound();
        }
        public static int test_shadowed_field() { Shadow s = new Shadow(); Animal a = s; return s.Legs * 100 + a.Legs; }
        public static double test_abstract() { Shape s = new Square(4); Shape c = new Circle(2); return s.Area() + c.Area(); }
        public static string test_abstract_report() { Shape s = new Square(4); Shape c = new Circle(1); return s.Report() + c.Report(); }
        public static string test_sealed_override() { Circle c = new Circle(1); return c.Kind(); }
        public static int test_deep_chain()
        {
            L0 x = new L4(); L2 y = (L2)x; L4 z = (L4)x;
            return x.A() * 10000 + x.B() * 1000 + x.C() * 100 + y.D() * 10 + z.B();
        }
        public static int test_deep_chain_middle() { L0 x = new L2(); return x.A() * 100 + x.B() * 10 + x.C(); }
        public static string test_virtual_in_ctor() { return new CtorDerived().Seen; }
        public static string test_overload_int() { Overloads o = new Overloads2(); return o.F(1); }
        public static string test_overload_long() { Overloads o = new Overloads2(); return o.F(1L); }
        public static string test_overload_object() { Overloads o = new Overloads2(); return o.F((object)1); }
        public static string test_overload_string() { Overloads o = new Overloads2(); return o.F("s"); }
        public static string test_overload_null_string() { Overloads o = new Overloads(); return o.F((object)null); }

        public static int test_callvirt_null() { Animal a = null; return a.Weight(); }
        public static string test_callvirt_null_nonvirtual() { Animal a = null; return a.Describe(); }
        public static int test_field_of_null() { Plain p = null; return p.A; }
        public static int test_store_field_of_null() { Plain p = null; p.A = 1; return 0; }

        public static int test_static_field_counts()
        {
            int before = Animal.Created;
            new Dog("a"); new Cat(); new Animal("b", 0);
            return Animal.Created - before;
        }
        public static int test_static_readonly_init()
        {
            Counter a = new Counter(), b = new Counter();
            return b.Id - a.Id + Counter.Start + Counter.Log.Length * 1000;
        }
        public static int test_default_fields()
        {
            Plain p = new Plain();
            return p.A + (p.S == null ? 10 : 0) + (p.Next == null ? 100 : 0);
        }
        public static int test_object_graph()
        {
            Plain a = new Plain(), b = new Plain(), c = new Plain();
            a.Next = b; b.Next = c; c.Next = a; a.A = 1; b.A = 2; c.A = 3;
            int s = 0; Plain p = a;
            for (int i = 0; i < 10; i++) { s = s * 3 + p.A; p = p.Next; }
            return s;
        }
        public static int test_nested_class() { return Outer.Nested(); }

        // System.Object
        public static string test_tostring_override() { object o = new Dog("rex"); return o.ToString(); }
        public static string test_tostring_sealed() { object o = new Cat(); return o.ToString(); }
        public static string test_tostring_default() { object o = new Plain(); return o.ToString(); }
        public static string test_tostring_nested_default() { object o = new Outer.Inner(); return o.ToString(); }
        public static string test_gettype_name() { object o = new Puppy("x"); return o.GetType().Name; }
        public static string test_gettype_fullname() { object o = new Puppy("x"); return o.GetType().FullName; }
        public static string test_gettype_namespace() { object o = new Puppy("x"); return o.GetType().Namespace; }
        public static string test_gettype_nested_fullname() { return new Outer.Inner().GetType().FullName; }
        public static bool test_gettype_identity() { object a = new Dog("a"), b = new Dog("b"); return a.GetType() == b.GetType(); }
        public static bool test_gettype_differs() { object a = new Dog("a"), b = new Puppy("b"); return a.GetType() == b.GetType(); }
        public static bool test_gettype_typeof() { object a = new Dog("a"); return a.GetType() == typeof(Dog); }
        public static bool test_equals_default_same() { object a = new Plain(); return a.Equals(a); }
        public static bool test_equals_default_other() { object a = new Plain(), b = new Plain(); return a.Equals(b); }
        public static bool test_equals_default_null() { object a = new Plain(); return a.Equals(null); }
        public static bool test_equals_override() { object a = new Point(1, 2), b = new Point(1, 2); return a.Equals(b); }
        public static bool test_equals_override_differs() { object a = new Point(1, 2), b = new Point(2, 1); return a.Equals(b); }
        public static bool test_static_equals() { return object.Equals(new Point(3, 4), new Point(3, 4)) && !object.Equals(null, new Point(0, 0)) && object.Equals(null, null); }
        public static int test_gethashcode_override() { object a = new Point(2, 3); return a.GetHashCode(); }
        public static bool test_gethashcode_default_stable() { object a = new Plain(); return a.GetHashCode() == a.GetHashCode(); }
        public static bool test_gethashcode_runtimehelpers()
        {
            object a = new Point(2, 3);
            return System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(a) == System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(a);
        }
        public static bool test_reference_equals() { Point a = new Point(1, 1), b = new Point(1, 1); return object.ReferenceEquals(a, a) && !object.ReferenceEquals(a, b) && object.ReferenceEquals(null, null); }
        public static bool test_reference_equals_boxes() { int x = 5; return object.ReferenceEquals(x, x); }
        public static int test_memberwise_clone()
        {
            Point a = new Point(5, 6); Point b = a.Clone();
            b.X = 50;
            return a.X * 1000 + b.X + (object.ReferenceEquals(a, b) ? 1 : 0) + (a.GetType() == b.GetType() ? 10000 : 0);
        }
        public static bool test_memberwise_clone_shallow()
        {
            Plain a = new Plain(); a.Next = new Plain(); a.S = "s"; a.A = 3;
            Plain b = a.Copy();
            return b.Next == a.Next && (object)b.S == (object)a.S && b.A == 3 && b != a;
        }

        // string as a type
        public static bool test_string_is_object() { object o = "abc"; return o is string; }
        public static string test_string_gettype() { object o = "abc"; return o.GetType().FullName; }
        public static bool test_string_equals_virtual() { object a = "abc", b = new string(new char[] { 'a', 'b', 'c' }); return a.Equals(b) && !object.ReferenceEquals(a, b); }
        public static string test_string_tostring_virtual() { object o = "self"; return o.ToString(); }
        public static bool test_string_hash_equal() { object a = "abcdef", b = "abc" + "def".ToString(); return a.GetHashCode() == b.GetHashCode(); }
        public static bool test_string_sealed_cast() { object o = new Plain(); return (o as string) == null; }
    }
}
