// Events: field-like events (whose add/remove accessors swap the delegate with
// Interlocked.CompareExchange<T>), custom accessors, static events, events declared in interfaces,
// and the Interlocked operations themselves (on every type they take, and on a null reference).
using System;
using System.Threading;

namespace OO.Events
{
    public interface INotify { event EventHandler Changed; void Raise(); }

    public class Source : INotify
    {
        public event EventHandler Changed;
        public event Action<int> Valued;
        public static event Func<int, int> Transform;
        Action custom;
        public int CustomAdds;
        public event Action Custom { add { CustomAdds++; custom += value; } remove { custom -= value; } }
        public void Raise() { EventHandler h = Changed; if (h != null) h(this, EventArgs.Empty); }
        public void RaiseValued(int v) { if (Valued != null) Valued(v); }
        public void RaiseCustom() { if (custom != null) custom(); }
        public static int RaiseTransform(int x) { return Transform != null ? Transform(x) : -1; }
        public bool HasChanged { get { return Changed != null; } }
    }

    public static class EventTests
    {
        static int count;
        static string log = "";
        static void OnChanged(object sender, EventArgs e) { count++; }
        static void OnValued(int v) { log += v; }

        public static int test_field_like_event() { Source s = new Source(); count = 0; s.Changed += OnChanged; s.Changed += OnChanged; s.Raise(); s.Changed -= OnChanged; s.Raise(); return count; }
        public static bool test_event_remove_all() { Source s = new Source(); s.Changed += OnChanged; s.Changed -= OnChanged; return s.HasChanged; }
        public static string test_generic_event() { Source s = new Source(); log = ""; s.Valued += OnValued; s.Valued += v => log += "+" + v; s.RaiseValued(3); s.Valued -= OnValued; s.RaiseValued(4); return log; }
        public static int test_custom_accessors() { Source s = new Source(); count = 0; Action a = () => count += 10; s.Custom += a; s.Custom += a; s.RaiseCustom(); s.Custom -= a; s.RaiseCustom(); return count + s.CustomAdds * 1000; }
        public static int test_static_event() { Source.Transform += x => x * 2; Source.Transform += x => x + 100; int r = Source.RaiseTransform(5); return r; }
        public static int test_interface_event() { INotify n = new Source(); count = 0; n.Changed += OnChanged; n.Raise(); n.Raise(); return count; }
        public static int test_event_sender() { Source s = new Source(); object seen = null; s.Changed += (o, e) => seen = o; s.Raise(); return seen == s ? 1 : 0; }

        public static long test_interlocked_int()
        {
            int x = 5;
            int a = Interlocked.CompareExchange(ref x, 7, 5), b = Interlocked.CompareExchange(ref x, 9, 5);
            int c = Interlocked.Exchange(ref x, 11), d = Interlocked.Increment(ref x), e = Interlocked.Decrement(ref x), f = Interlocked.Add(ref x, -20);
            return a + b * 10L + c * 100L + d * 1000L + e * 10000L + (long)f * 100000L + x * 10000000L;
        }
        public static long test_interlocked_long()
        {
            long x = 1L << 40;
            long a = Interlocked.CompareExchange(ref x, 3, 1L << 40), b = Interlocked.Exchange(ref x, 4), c = Interlocked.Add(ref x, 1L << 33);
            return a + b + c + Interlocked.Increment(ref x) + Interlocked.Read(ref x);
        }
        public static double test_interlocked_floats()
        {
            double d = 1.5; float f = 2.5f;
            double a = Interlocked.CompareExchange(ref d, 3.5, 1.5), b = Interlocked.Exchange(ref d, 4.5);
            float c = Interlocked.CompareExchange(ref f, 0.5f, 9f), e = Interlocked.Exchange(ref f, 8f);
            return a + b * 10 + c * 100 + e * 1000 + d * 10000 + f * 100000;
        }
        public static long test_interlocked_intptr() { IntPtr p = new IntPtr(5); IntPtr a = Interlocked.CompareExchange(ref p, new IntPtr(6), new IntPtr(5)); IntPtr b = Interlocked.Exchange(ref p, IntPtr.Zero); return (long)a * 10 + (long)b + (long)p * 100; }
        public static string test_interlocked_object()
        {
            object o = "a"; string s = "x";
            object a = Interlocked.CompareExchange(ref o, "b", "a"), b = Interlocked.CompareExchange(ref o, "c", "zzz"), c = Interlocked.Exchange(ref o, "d");
            string d = Interlocked.CompareExchange(ref s, "y", "x"), e = Interlocked.Exchange(ref s, "z");
            return (string)a + b + c + o + d + e + s;
        }
        public static int test_interlocked_null() { int[] a = null; return Interlocked.Increment(ref a[0]); }
    }
}
