// Scenarios that end in an unhandled exception, one per command-line word; the test compares
// clrpy's stderr and exit code with Mono's. No Console: the output is the runtime's own report.
using System;

namespace Unhandled
{
    interface IWorker { int Work(int n); }

    class Base : IWorker
    {
        public virtual int Work(int n) { return Step(n) + 1; }
        protected virtual int Step(int n) { throw new InvalidOperationException("no step " + n); }
    }

    class Derived : Base
    {
        protected override int Step(int n) { return n > 2 ? base.Step(n - 1) : n; }
    }

    struct Meter
    {
        public int Value;
        public int Read(int scale) { if (scale == 0) throw new ArgumentException("scale is zero", "scale"); return Value / scale; }
    }

    class Box<T>
    {
        public T Item;
        public T Get(bool fail) { if (fail) throw new NotSupportedException("Box of " + typeof(T).Name); return Item; }
        public static U Convert<U>(T value, U fallback) { return new Box<U>().Get(true); }
    }

    class Holder
    {
        int size;
        public Holder(int size) { if (size < 0) throw new ArgumentOutOfRangeException("size", "negative"); this.size = size; }
        public int Size { get { if (size == 3) throw new FormatException("three"); return size; } }
    }

    class Broken
    {
        public static int Value = Compute();
        static int Compute() { throw new InvalidTimeZoneException("static state"); }
        public static int Touch() { return Value; }
    }

    class MyException : Exception
    {
        public int Code;
        public MyException(int code) : base("custom failure") { Code = code; }
        public override string Message { get { return base.Message + " (code " + Code + ")"; } }
    }

    struct Pair<A, B>
    {
        public A First; public B Second;
        public Pair(A a, B b) { First = a; Second = b; }
        public int Fail<C>(C extra) where C : class { if (extra == null) throw new ArgumentNullException("extra", "no " + typeof(C).Name); return 1; }
    }

    interface IShelf<T> { T Take(int n); }
    class Shelf<T> : IShelf<T> { T[] items = new T[2]; public T Take(int n) { return items[n]; } }

    class Node { public Node Next; public int Value; public int Sum() { return Value + Next.Sum(); } }

    static class Program
    {
        static int depth;

        static int Recurse(int n) { if (n == 0) throw new IndexOutOfRangeException(); return Recurse(n - 1) + 1; }

        static void Wrap()
        {
            try { new Meter().Read(0); }
            catch (ArgumentException e) { throw new ApplicationException("wrapped once", e); }
        }

        static void WrapTwice()
        {
            try { Wrap(); }
            catch (Exception e) { throw new Exception("wrapped twice", e); }
        }

        static void Rethrow()
        {
            try { new Derived().Work(5); }
            catch (InvalidOperationException) { depth++; throw; }
        }

        static void ThrowAgain()
        {
            try { new Derived().Work(5); }
            catch (InvalidOperationException e) { depth++; throw e; }
        }

        static void FinallyReplaces()
        {
            try { throw new ArgumentException("first"); }
            finally { depth = Divide(1, depth); }
        }

        static bool Never(Exception e) { depth++; return false; }

        static void Filtered()
        {
            try { Recurse(3); }
            catch (Exception e) when (Never(e)) { depth = -1; }
        }

        static int Divide(int a, int b) { return a / b; }

        // The scenario's number (a string switch would need Dictionary, which needs more of the
        // class library than this test is about).
        static readonly string[] Scenarios = { "virtual", "interface", "struct", "generic", "ctor", "property", "cctor", "cctor-twice", "inner", "rethrow", "throw-again", "finally", "filter", "custom", "null-field", "null-call", "throw-null", "index", "divide", "overflow", "cast", "unbox", "array-store", "negative-array", "no-message", "null-message", "deep", "delegate", "closure", "caught-trace", "to-string", "finally-exit", "finally-exitcode", "nested-finally", "generic-struct", "interface-generic", "catch-wrong-type", "rethrow-nested" };

        static int Scenario(string name)
        {
            for (int i = 0; i < Scenarios.Length; i++)
                if (Scenarios[i] == name) return i;
            return -1;
        }

        static int Main(string[] args)
        {
            switch (Scenario(args[0]))
            {
                case 0:  /* virtual */ return new Derived().Work(6);
                case 1:  /* interface */ { IWorker w = new Derived(); return w.Work(4); }
                case 2:  /* struct */ return new Meter { Value = 5 }.Read(0);
                case 3:  /* generic */ return Box<int>.Convert<string>(1, "x").Length;
                case 4:  /* ctor */ return new Holder(-1).Size;
                case 5:  /* property */ return new Holder(3).Size;
                case 6:  /* cctor */ return Broken.Touch();
                case 7:  /* cctor-twice */ { try { Broken.Touch(); } catch (TypeInitializationException) { depth++; } return Broken.Touch(); }
                case 8:  /* inner */ WrapTwice(); return 0;
                case 9:  /* rethrow */ Rethrow(); return 0;
                case 10:  /* throw-again */ ThrowAgain(); return 0;
                case 11:  /* finally */ FinallyReplaces(); return 0;
                case 12:  /* filter */ Filtered(); return 0;
                case 13:  /* custom */ throw new MyException(42);
                case 14:  /* null-field */ { Node n = new Node(); n.Next = new Node(); return n.Sum(); }
                case 15:  /* null-call */ { Holder h = null; return h.Size; }
                case 16:  /* throw-null */ throw null;
                case 17:  /* index */ { int[] a = new int[3]; return a[args.Length + 2]; }
                case 18:  /* divide */ return Divide(7, args.Length - 1);
                case 19:  /* overflow */ { int x = int.MaxValue - 1 + args.Length; return checked(x + 1); }
                case 20:  /* cast */ { object o = "text"; return ((Holder)o).Size; }
                case 21:  /* unbox */ { object o = 2L; return (int)o; }
                case 22:  /* array-store */ { object[] a = new string[2]; a[0] = new Node(); return 0; }
                case 23:  /* negative-array */ { int[] a = new int[args.Length - 2]; return a.Length; }
                case 24:  /* no-message */ throw new Exception();
                case 25:  /* null-message */ throw new ArgumentNullException("thing");
                case 26:  /* deep */ return Recurse(40);
                case 27:  /* delegate */ { Func<int, int> f = n => Divide(n, n - 1); return f(1); }
                case 28:  /* closure */ { int k = 0; Func<int> f = () => 10 / k; return f(); }
                case 29:  /* caught-trace */ { try { new Derived().Work(5); } catch (Exception e) { throw new Exception("caught:\n" + e.StackTrace); } return 0; }
                case 30:  /* to-string */ { try { Wrap(); } catch (Exception e) { throw new Exception("was:\n" + e.ToString()); } return 0; }
                case 31:  /* finally-exit */ { try { Recurse(2); } finally { Environment.Exit(3); } return 0; }
                case 32:  /* finally-exitcode */ { try { Recurse(2); } finally { Environment.ExitCode = 7; } return 0; }
                case 33:  /* nested-finally */ { try { try { Recurse(1); } finally { depth += 10; } } finally { if (depth == 10) Environment.Exit(depth + 1); } return 0; }
                case 34:  /* generic-struct */ return new Pair<long, string>(1, "x").Fail<Node>(null);
                case 35:  /* interface-generic */ { IShelf<int> s = new Shelf<int>(); return s.Take(3); }
                case 36:  /* catch-wrong-type */ { try { Divide(1, 0); } catch (InvalidCastException) { depth = 5; } return depth; }
                case 37:  /* rethrow-nested */ { try { Rethrow(); } catch (InvalidOperationException) { depth++; throw; } return 0; }
            }
            return 100;
        }
    }
}
