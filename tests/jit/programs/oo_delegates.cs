// Delegates: static and instance methods, closed and open, virtual targets (ldvirtftn), methods of
// value types (boxed targets), generic methods and generic delegate types, multicast combination
// and removal (order, duplicates, removing sublists), Equals/GetHashCode, Method/Target, variance of
// generic delegates, delegates captured by lambdas and used as callbacks, and null delegates.
using System;

namespace OO.Delegates
{
    public delegate int IntOp(int x);
    public delegate void Act();
    public delegate string Namer(Base b);
    public delegate T Maker<out T>();
    public delegate void Taker<in T>(T t);
    public delegate long Wide(long a, double b, string c, int d, byte e, short f, float g, long h);
    public delegate Big BigMaker(int n);
    public delegate int OpenInstance(Base b, int x);

    public struct Big { public long A, B, C; }

    public class Base
    {
        public int Factor = 2;
        public virtual string Name() { return "base"; }
        public int Times(int x) { return x * Factor; }
        public virtual int Virt(int x) { return x + 1; }
    }
    public class Derived : Base
    {
        public override string Name() { return "derived"; }
        public override int Virt(int x) { return x + 100; }
    }

    public struct Acc
    {
        public int Total;
        public int Add(int x) { Total += x; return Total; }
        public override string ToString() { return "Acc"; }
    }

    public static class Log
    {
        public static string Text = "";
        public static void A() { Text += "A"; }
        public static void B() { Text += "B"; }
        public static void C() { Text += "C"; }
        public static void Boom() { Text += "!"; int z = 0; z = 1 / z; }
    }

    public static class DelegateTests
    {
        static int Square(int x) { return x * x; }
        static int Neg(int x) { return -x; }
        static int AddTo(string s, int x) { return s.Length + x; }
        static T Echo<T>(T x) { return x; }
        static string Describe<T>(T x) { return typeof(T).Name; }
        static long WideImpl(long a, double b, string c, int d, byte e, short f, float g, long h) { return a + (long)b + c.Length + d + e + f + (long)g + h; }
        static Big MakeBig(int n) { Big b; b.A = n; b.B = n * 2; b.C = n * 3; return b; }
        static int Apply(IntOp op, int x) { return op(x); }
        static string Reset() { Log.Text = ""; return ""; }

        public static int test_static() { IntOp f = Square; return f(7); }
        public static int test_static_invoke_explicit() { IntOp f = new IntOp(Neg); return f.Invoke(3); }
        public static int test_instance_closed() { Base b = new Base(); b.Factor = 5; IntOp f = b.Times; b.Factor = 6; return f(7); }
        public static string test_virtual_target() { Base b = new Derived(); Func<string> f = b.Name; return f(); }
        public static int test_virtual_target_int() { Base b = new Derived(); IntOp f = b.Virt; return f(1); }
        public static int test_base_method_group_on_derived() { Derived d = new Derived(); IntOp f = d.Times; return f(4); }
        public static int test_closed_static_extension() { Func<int, int> f = "abc".AddLen; return f(10); }
        public static int test_struct_method_target() { Acc a = new Acc(); IntOp f = a.Add; f(1); f(2); return f(3) * 10 + a.Total; }
        public static string test_struct_tostring_target() { Acc a = new Acc(); Func<string> f = a.ToString; return f(); }
        public static int test_boxed_int_method() { int x = 41; Func<int> h = x.GetHashCode; return h(); }
        public static int test_generic_method_delegate() { Func<int, int> f = Echo<int>; Func<string, string> g = Echo<string>; return f(5) + g("abc").Length; }
        public static string test_generic_method_names() { Func<long, string> f = Describe; Func<Base, string> g = Describe; return f(1) + g(null); }
        public static int test_generic_delegate_types() { Func<string, int, int> f = AddTo; Action<int> a = delegate (int x) { Log.Text = "x" + x; }; a(3); return f("ab", 1) + Log.Text.Length * 10; }
        public static long test_many_args() { Wide w = WideImpl; return w(1, 2.5, "abc", 4, 5, 6, 7.5f, 8); }
        public static long test_struct_result() { BigMaker m = MakeBig; Big b = m(7); return b.A + b.B * 100 + b.C * 10000; }
        public static int test_as_argument() { return Apply(Square, 3) + Apply(x => x + 1, 3) * 100; }
        public static int test_lambda_capture()
        {
            int counter = 0;
            Func<int> next = () => ++counter;
            next(); next();
            return next() * 10 + counter;
        }
        public static int test_lambda_capture_loop()
        {
            Func<int>[] fs = new Func<int>[3];
            for (int i = 0; i < 3; i++) { int j = i; fs[i] = () => j * j; }
            return fs[0]() + fs[1]() * 10 + fs[2]() * 100;
        }
        public static int test_closure_over_this() { return new Holder(4).MakeAdder()(3); }
        class Holder { int n; public Holder(int n) { this.n = n; } public Func<int, int> MakeAdder() { return x => x + n; } }

        // Multicast
        public static string test_multicast_order() { Reset(); Act a = Log.A; a += Log.B; a += Log.C; a(); return Log.Text; }
        public static int test_multicast_last_result() { IntOp f = Square; f += Neg; return f(5); }
        public static string test_multicast_remove() { Reset(); Act a = Log.A; a += Log.B; a += Log.C; a -= Log.B; a(); return Log.Text; }
        public static string test_multicast_remove_last_occurrence() { Reset(); Act a = Log.A; a += Log.B; a += Log.A; a -= Log.A; a(); return Log.Text; }
        public static string test_multicast_remove_sublist()
        {
            Reset(); Act ab = Log.A; ab += Log.B; Act a = ab; a += Log.C; a += Log.A; a += Log.B;
            a -= ab; a(); return Log.Text;
        }
        public static string test_multicast_remove_non_contiguous() { Reset(); Act a = Log.A; a += Log.B; a += Log.C; Act ac = Log.A; ac += Log.C; a -= ac; a(); return Log.Text; }
        public static bool test_multicast_remove_all() { Act a = Log.A; a += Log.B; a -= Log.A; a -= Log.B; return a == null; }
        public static string test_multicast_remove_missing() { Reset(); Act a = Log.A; a -= Log.C; a(); return Log.Text; }
        public static string test_combine_with_null() { Reset(); Act a = null; a += Log.A; a += null; a(); return Log.Text; }
        public static string test_combine_multicasts() { Reset(); Act x = Log.A; x += Log.B; Act y = Log.C; y += Log.A; Act z = x + y; z(); return Log.Text; }
        public static string test_multicast_exception_stops() { Reset(); Act a = Log.A; a += Log.Boom; a += Log.C; a(); return Log.Text; }
        public static int test_invocation_list() { Act a = Log.A; a += Log.B; a += Log.C; return a.GetInvocationList().Length; }
        public static string test_invocation_list_call() { Reset(); Act a = Log.A; a += Log.B; Delegate[] l = a.GetInvocationList(); ((Act)l[1])(); ((Act)l[0])(); return Log.Text; }
        public static int test_multicast_instances()
        {
            Base b1 = new Base(), b2 = new Base(); b2.Factor = 10;
            IntOp f = b1.Times; f += b2.Times; f += b1.Times;
            return f(3) + f.GetInvocationList().Length * 100;
        }

        // Equality, Method, Target
        public static bool test_equals_same_static() { IntOp a = Square, b = Square, c = Neg; return a.Equals(b) && !a.Equals(c) && a == b && a != c; }
        public static bool test_equals_instance() { Base x = new Base(), y = new Base(); IntOp a = x.Times, b = x.Times, c = y.Times; return a.Equals(b) && !a.Equals(c); }
        public static bool test_equals_multicast() { Act a = Log.A; a += Log.B; Act b = Log.A; b += Log.B; Act c = Log.B; c += Log.A; return a.Equals(b) && !a.Equals(c); }
        public static bool test_hash_equal_delegates() { IntOp a = Square, b = Square; return a.GetHashCode() == b.GetHashCode(); }
        public static string test_method_name() { IntOp a = Square; Acc acc = new Acc(); IntOp b = acc.Add; Func<int, int> g = Echo<int>; return a.Method.Name + b.Method.Name + g.Method.Name; }
        public static bool test_method_identity() { IntOp a = Square, b = Square, c = Neg; return a.Method == b.Method && a.Method != c.Method; }
        public static bool test_virtual_method_identity()
        {
            Base x = new Derived(), y = new Derived(), z = new Base();
            Func<string> a = x.Name, b = y.Name, c = z.Name;
            return a.Method == b.Method && a.Method != c.Method && !a.Equals(b) && a.Method.Name == "Name";
        }
        public static bool test_target() { Base x = new Base(); IntOp a = x.Times, s = Square; return a.Target == (object)x && s.Target == null; }
        public static string test_gettype() { IntOp a = Square; return a.GetType().FullName + "," + new Func<int, string>(Describe).GetType().Name; }
        public static bool test_delegate_casts() { object o = (IntOp)Square; return o is IntOp && o is MulticastDelegate && o is Delegate && !(o is Act) && o is ICloneable; }

        // Variance
        public static string test_covariant_delegate() { Maker<Derived> md = () => new Derived(); Maker<Base> mb = md; return mb().Name(); }
        public static string test_contravariant_delegate() { Reset(); Taker<Base> tb = b => Log.Text = b.Name(); Taker<Derived> td = tb; td(new Derived()); return Log.Text; }
        public static bool test_variance_casts()
        {
            object m = (Maker<string>)(() => "s"), t = (Taker<object>)(o => { });
            return m is Maker<object> && !(m is Maker<int>) && t is Taker<string> && !(m is Taker<string>) && !((object)(Maker<int>)(() => 1) is Maker<object>);
        }
        public static bool test_func_variance() { Func<object, string> f = o => "x"; object g = f; return g is Func<string, object> && !(g is Func<object, int>); }
        public static int test_variant_cast_failure() { object m = (Maker<object>)(() => "s"); Maker<string> s = (Maker<string>)m; return 0; }

        // Null delegates
        public static int test_null_delegate_invoke() { IntOp f = null; return f(1); }
        public static bool test_null_remove() { Act a = null; a -= Log.A; return a == null; }
    }

    public static class Ext { public static int AddLen(this string s, int x) { return s.Length + x; } }
}
