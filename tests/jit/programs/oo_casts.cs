// Casts and boxing: isinst/castclass to classes (sealed, deep hierarchies, generic), interfaces
// (including ones inherited through base classes and interfaces), arrays and System types;
// InvalidCastException (Mono's message differs by design: only the type is compared); box, unbox,
// unbox.any, and Nullable<T>'s boxing rules (a null box, a boxed T, unboxing from either).
using System;
using System.Collections;
using System.Collections.Generic;

namespace OO.Casts
{
    public class A { }
    public class B : A { }
    public class C : B { }
    public class D : C { }
    public class E : D { }
    public sealed class S : A { }
    public class G<T> : A { }
    public class H<T> : G<T> { }
    public interface I1 { }
    public interface I2 : I1 { }
    public interface I3 { }
    public class WithI2 : B, I2 { }
    public class InheritsI2 : WithI2 { }
    public struct SV : I3 { public int V; }
    public struct Pair { public long A; public byte B; }

    public static class CastTests
    {
        static bool Is<T>(object o) { return o is T; }
        static int Code(object o)
        {
            int r = 0;
            if (o is A) r |= 1; if (o is B) r |= 2; if (o is C) r |= 4; if (o is D) r |= 8; if (o is E) r |= 16;
            if (o is S) r |= 32; if (o is I1) r |= 64; if (o is I2) r |= 128; if (o is I3) r |= 256;
            return r;
        }

        public static int test_isinst_chain() { return Code(new A()) + Code(new C()) * 1000 + Code(new E()) * 1000000; }
        public static int test_isinst_sealed() { return Code(new S()); }
        public static int test_isinst_interfaces() { return Code(new WithI2()) + Code(new InheritsI2()) * 1000; }
        public static int test_isinst_boxed_struct() { return Code(new SV()); }
        public static int test_isinst_null() { return Code(null); }
        public static int test_isinst_string_and_array() { return Code("s") + Code(new A[0]); }
        public static bool test_isinst_generic_classes()
        {
            object g = new G<int>(), h = new H<string>();
            return g is A && g is G<int> && !(g is G<long>) && !(g is H<int>) && h is G<string> && !(h is G<object>) && h is H<string>;
        }
        public static bool test_isinst_system_types()
        {
            object i = 5, s = "x", a = new int[1], d = (Action)(() => { });
            return i is ValueType && !(s is ValueType) && a is Array && d is Delegate && d is MulticastDelegate && !(i is Enum)
                && s is IComparable && a is IList && !(i is IList) && d is ICloneable;
        }
        public static int test_castclass_ok() { object o = new E(); B b = (B)o; I1 i = (I1)(object)new InheritsI2(); return (b is D ? 1 : 0) + (i is I2 ? 10 : 0); }
        public static int test_castclass_fail_class() { object o = new B(); C c = (C)o; return 0; }
        public static int test_castclass_fail_sealed() { object o = new A(); S s = (S)o; return 0; }
        public static int test_castclass_fail_interface() { object o = new B(); I1 i = (I1)o; return 0; }
        public static int test_castclass_fail_string() { object o = 5; string s = (string)o; return 0; }
        public static int test_castclass_fail_array() { object o = new object[1]; string[] s = (string[])o; return 0; }
        public static int test_castclass_fail_generic() { object o = new G<int>(); G<uint> g = (G<uint>)o; return 0; }
        public static bool test_castclass_null() { object o = null; A a = (A)o; I1 i = (I1)o; string s = (string)o; return a == null && i == null && s == null; }
        public static bool test_as_operator() { object o = new C(); return (o as D) == null && (o as B) != null && (o as I1) == null && ((object)"s" as A) == null; }

        public static int test_primitive_array_casts()
        {
            object b = new byte[1], c = new char[1], i = new int[1], l = new long[1], p = new IntPtr[1], z = new bool[1], f = new float[1];
            int r = 0;
            if (b is sbyte[]) r |= 1; if (z is byte[]) r |= 2; if (c is ushort[]) r |= 4; if (c is short[]) r |= 8;
            if (i is float[]) r |= 16; if (f is int[]) r |= 32; if (l is ulong[]) r |= 64; if (p is long[]) r |= 128;
            if (l is IntPtr[]) r |= 256; if (p is UIntPtr[]) r |= 512; if (i is IList<uint>) r |= 1024; if (b is IList<sbyte>) r |= 2048;
            if (b is byte[]) r |= 4096; if (i is object[]) r |= 8192; if (new string[0] is IList<IComparable>) r |= 16384;
            return r;
        }
        // (SV[] as I3[]: Mono says yes, the standard no; tests/jit/test_oo_not_mono.py)
        public static int test_array_of_struct_casts() { object a = new SV[1]; return (a is object[] ? 2 : 0) + (a is ValueType[] ? 4 : 0) + (a is SV[] ? 8 : 0); }

        public static int test_catch_invalid_casts()
        {
            int r = 0; object o = "s", b = new B();
            try { int i = (int)o; r += i; } catch (InvalidCastException) { r += 1; }
            try { A a = (A)o; } catch (InvalidCastException) { r += 10; }
            try { long? l = (long?)o; } catch (InvalidCastException) { r += 100; }
            try { I1 i = (I1)b; } catch (InvalidCastException) { r += 1000; }
            try { string[] a = (string[])(object)new object[1]; } catch (InvalidCastException) { r += 10000; }
            try { object[] a = new string[1]; a[0] = b; } catch (ArrayTypeMismatchException) { r += 100000; }
            return r;
        }

        // Boxing and unboxing
        public static int test_box_unbox_int() { int x = 42; object o = x; x = 0; return (int)o + x; }
        public static long test_box_unbox_struct() { Pair p; p.A = 1L << 40; p.B = 7; object o = p; p.A = 0; Pair q = (Pair)o; return q.A + q.B + p.A; }
        public static int test_unbox_wrong_type() { object o = 42; long l = (long)o; return 0; }
        public static int test_unbox_wrong_struct() { object o = new SV(); Pair p = (Pair)o; return 0; }
        public static int test_unbox_null() { object o = null; int i = (int)o; return i; }
        public static int test_unbox_from_string() { object o = "5"; int i = (int)o; return i; }
        public static bool test_box_each_time_new() { int x = 1; object a = x, b = x; return !object.ReferenceEquals(a, b) && a.Equals(b); }
        public static int test_box_primitive_types()
        {
            object[] os = { (sbyte)-1, (byte)2, (short)-3, (ushort)4, -5, 6u, -7L, 8ul, 9.5f, 10.5, 'k', true, (IntPtr)12, (UIntPtr)13 };
            int r = 0;
            r += (sbyte)os[0] + (byte)os[1] + (short)os[2] + (ushort)os[3] + (int)os[4] + (int)(uint)os[5] + (int)(long)os[6] + (int)(ulong)os[7];
            r += (int)((float)os[8] * 2) + (int)((double)os[9] * 2) + (char)os[10] + ((bool)os[11] ? 1000 : 0) + (int)(IntPtr)os[12] + (int)(UIntPtr)os[13];
            return r;
        }
        public static string test_boxed_gettype() { object[] os = { 1, 1L, 1.0, 'c', true, new SV(), (byte)1 }; string s = ""; foreach (object o in os) s += o.GetType().Name + ","; return s; }
        public static int test_unbox_ldflda() { object o = new SV() { V = 5 }; return ((SV)o).V; }

        // Nullable<T>
        public static bool test_nullable_box_null() { int? n = null; object o = n; return o == null; }
        public static bool test_nullable_box_value() { int? n = 5; object o = n; return o is int && !(o is int?) == false && o.GetType() == typeof(int); }
        public static int test_nullable_unbox_from_boxed_t() { object o = 7; int? n = (int?)o; return n.Value; }
        public static bool test_nullable_unbox_from_null() { object o = null; int? n = (int?)o; return !n.HasValue; }
        public static int test_nullable_unbox_wrong() { object o = 7L; int? n = (int?)o; return 0; }
        public static int test_nullable_value_of_null() { int? n = null; return n.Value; }
        public static int test_nullable_struct() { Pair p; p.A = 3; p.B = 4; Pair? n = p; object o = n; Pair? m = (Pair?)o; return (int)m.Value.A * 10 + m.Value.B + (o is Pair ? 100 : 0); }
        public static bool test_nullable_isinst() { object o = 5; return o is int? && Is<int?>(o) && !Is<int?>(null) && !Is<long?>(o); }
        public static int test_nullable_interface_call() { int? n = 12; IComparable c = n; return c.CompareTo(10); }
        public static int test_nullable_gethashcode() { int? n = 12, m = null; return n.GetHashCode() + m.GetHashCode(); }
        public static bool test_nullable_equals() { int? n = 12, m = null; return n.Equals(12) && !n.Equals(13) && m.Equals(null) && !m.Equals(0); }
        public static string test_nullable_tostring() { int? m = null; return m.ToString() + "|" + ((bool?)true).ToString(); }
        public static int test_nullable_getvalueordefault() { int? a = null, b = 4; return a.GetValueOrDefault() + b.GetValueOrDefault() * 10 + a.GetValueOrDefault(9) * 100; }
        public static int test_nullable_lifted_ops() { int? a = 3, b = null, c = 4; int? x = a + c, y = a + b; return x.Value + (y.HasValue ? 100 : 0) + (a < c ? 10 : 0) + (a < b ? 1000 : 0); }
        public static int test_nullable_array_box() { int?[] a = { 1, null, 3 }; object[] o = new object[3]; for (int i = 0; i < 3; i++) o[i] = a[i]; return (o[1] == null ? 1 : 0) + (int)o[2] * 10; }
        public static int test_nullable_generic_box() { return (Box<int?>(null) == null ? 1 : 0) + (Box<int?>(5) is int ? 10 : 0); }
        static object Box<T>(T x) { return x; }
    }
}
