// Value types: locals, arguments, returns, fields, array elements and statics with value semantics;
// `this` as a managed pointer in struct methods (mutating methods, readonly fields, copies);
// nested structs, structs holding references, explicit layout with overlapping fields, sizeof,
// default values (initobj), boxing copies, Equals/GetHashCode/ToString on structs.
using System;
using System.Runtime.InteropServices;

namespace OO.ValueTypes
{
    public struct Point
    {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
        public void Move(int dx, int dy) { X += dx; Y += dy; }
        public Point Moved(int dx, int dy) { Point p = this; p.Move(dx, dy); return p; }
        public void Reset() { this = new Point(); }
        public int Sum { get { return X + Y; } }
        public override string ToString() { return "P"; }
    }

    public struct Line { public Point A, B; public string Label; }
    public struct Big { public long A, B, C, D, E; public double F; public Line L; }
    public struct WithRef { public string S; public int[] Arr; public object O; public int N; }
    public struct Empty { }
    public enum Color : short { Red = 1, Blue = -2 }
    public struct Assorted { public double D; public float F; public long L; public Color C; public int? N; public Point P; public object O; }
    public struct PointAndByte { public Point P; public byte B; }
    public struct OneByte { public byte B; }
    public struct Mixed { public byte A; public long B; public byte C; }

    [StructLayout(LayoutKind.Explicit)]
    public struct Union
    {
        [FieldOffset(0)] public long L;
        [FieldOffset(0)] public int Lo;
        [FieldOffset(4)] public int Hi;
        [FieldOffset(0)] public double D;
        [FieldOffset(0)] public byte B0;
        [FieldOffset(7)] public byte B7;
        [FieldOffset(2)] public short Mid;
    }

    [StructLayout(LayoutKind.Explicit, Size = 32)]
    public struct Sized { [FieldOffset(4)] public int A; [FieldOffset(20)] public int B; }

    [StructLayout(LayoutKind.Explicit)]
    public struct FloatBits { [FieldOffset(0)] public float F; [FieldOffset(0)] public uint U; }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Packed { public byte A; public int B; public short C; }

    [StructLayout(LayoutKind.Sequential, Pack = 2)]
    public struct Packed2 { public byte A; public long B; }

    public struct Counter
    {
        public int N;
        public int Inc() { return ++N; }
    }

    public class Holder
    {
        public Counter C;
        public readonly Counter RO;
        public Point P;
        public static Point SP;
        public static Counter SC;
    }

    public struct Recursive
    {
        public int Depth;
        public Point[] Points;
        public Recursive Deeper() { Recursive r = this; r.Depth++; return r; }
    }

    public struct Rational : IEquatable<Rational>
    {
        public int Num, Den;
        public Rational(int n, int d) { Num = n; Den = d; }
        public bool Equals(Rational o) { return (long)Num * o.Den == (long)o.Num * Den; }
        public override bool Equals(object o) { return o is Rational && Equals((Rational)o); }
        public override int GetHashCode() { return (Num * 1000) / (Den == 0 ? 1 : Den); }
        public static Rational operator +(Rational a, Rational b) { return new Rational(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den); }
        public static bool operator ==(Rational a, Rational b) { return a.Equals(b); }
        public static bool operator !=(Rational a, Rational b) { return !a.Equals(b); }
    }

    public struct Generic<T> { public T A; public T B; public T Pick(bool first) { return first ? A : B; } }

    public static unsafe class ValueTypeTests
    {
        static Point Twice(Point p) { p.X *= 2; p.Y *= 2; return p; }
        static void MoveRef(ref Point p) { p.Move(1, 1); }
        static void MakeOut(out Point p) { p = new Point(7, 8); }
        static Big MakeBig(long seed) { Big b = new Big(); b.A = seed; b.E = seed * 5; b.F = seed / 2.0; b.L.B.Y = (int)seed; b.L.Label = "big"; return b; }
        static long Digest(Big b) { return b.A + b.B + b.C + b.D + b.E + (long)(b.F * 2) + b.L.B.Y + b.L.Label.Length; }
        static int ModifyCopy(Big b) { b.A = 1000; return (int)b.A; }

        public static int test_value_semantics_local() { Point a = new Point(1, 2); Point b = a; b.X = 10; return a.X * 100 + b.X; }
        public static int test_value_semantics_argument() { Point a = new Point(1, 2); Point b = Twice(a); return a.X * 1000 + a.Y * 100 + b.X * 10 + b.Y; }
        public static int test_ref_argument() { Point a = new Point(1, 2); MoveRef(ref a); MoveRef(ref a); return a.X * 10 + a.Y; }
        public static int test_out_argument() { Point a; MakeOut(out a); return a.X * 10 + a.Y; }
        public static int test_this_mutation() { Point a = new Point(1, 1); a.Move(2, 3); a.Move(2, 3); return a.X * 10 + a.Y; }
        public static int test_this_copy() { Point a = new Point(1, 1); Point b = a.Moved(5, 5); return a.X * 10 + b.X; }
        public static int test_this_assignment() { Point a = new Point(4, 4); a.Reset(); return a.X + a.Y; }
        public static int test_property_on_struct() { Point a = new Point(4, 5); return a.Sum; }
        public static long test_big_struct_roundtrip() { Big b = MakeBig(6); Big c = b; c.A = 99; return Digest(b) * 1000 + Digest(c); }
        public static int test_big_struct_arg_is_copy() { Big b = MakeBig(3); int r = ModifyCopy(b); return (int)b.A + r; }
        public static int test_nested_struct_fields() { Line l = new Line(); l.A.X = 1; l.B.Y = 2; l.A.Move(10, 10); Line m = l; m.A.X = 0; return l.A.X * 100 + l.A.Y * 10 + l.B.Y + m.A.X; }
        public static string test_struct_with_refs()
        {
            WithRef w = new WithRef(); w.S = "s"; w.Arr = new int[] { 1, 2 }; w.O = w.S;
            WithRef v = w; v.S = "t"; v.Arr[0] = 5;
            return w.S + v.S + w.Arr[0] + (w.O == (object)"s" ? "same" : "diff");
        }
        public static int test_struct_field_in_class()
        {
            Holder h = new Holder();
            h.C.Inc(); h.C.Inc(); h.RO.Inc(); h.RO.Inc();
            Counter copy = h.C; copy.Inc();
            return h.C.N * 100 + h.RO.N * 10 + copy.N;
        }
        public static int test_struct_static_field()
        {
            Holder.SP = new Point(3, 4); Holder.SP.Move(1, 1); Holder.SC.Inc(); Holder.SC.Inc();
            Point p = Holder.SP; p.X = 100;
            return Holder.SP.X * 100 + Holder.SP.Y * 10 + Holder.SC.N;
        }
        public static int test_struct_array_elements()
        {
            Point[] a = new Point[3];
            a[0].X = 1; a[1] = new Point(2, 3); a[2].Move(4, 5);
            Point c = a[1]; c.X = 100;
            return a[0].X * 1000 + a[1].X * 100 + a[2].X * 10 + a[2].Y + a[0].Y;
        }
        public static int test_struct_array_method_in_place() { Counter[] a = new Counter[2]; a[1].Inc(); a[1].Inc(); foreach (Counter c in a) c.Equals(null); return a[1].N * 10 + a[0].N; }
        public static int test_struct_foreach_copy() { Point[] a = { new Point(1, 1), new Point(2, 2) }; int s = 0; foreach (Point p in a) { Point q = p; q.Move(10, 10); s += q.X; } return s * 10 + a[0].X; }
        public static int test_default_struct() { Big b = default(Big); return (int)(b.A + b.E) + (b.L.Label == null ? 7 : 0); }
        public static int test_initobj_reinit() { Point p = new Point(5, 5); p = default(Point); return p.X + p.Y; }
        public static int test_recursive_struct_method() { Recursive r = new Recursive(); Recursive s = r.Deeper().Deeper(); return r.Depth * 10 + s.Depth; }
        public static int test_generic_struct() { Generic<int> g; g.A = 1; g.B = 2; Generic<string> h = new Generic<string>(); h.B = "bb"; return g.Pick(false) * 10 + h.Pick(false).Length + (h.Pick(true) == null ? 100 : 0); }
        public static int test_operator_overloads() { Rational a = new Rational(1, 2), b = new Rational(1, 3); Rational c = a + b; return c.Num * 100 + c.Den + (c == new Rational(10, 12) ? 1000 : 0); }

        // Explicit layout.
        public static long test_union_write_long() { Union u = new Union(); u.L = 0x1122334455667788; return u.Lo * 10L + u.Hi + u.B0 + u.B7 + u.Mid; }
        public static long test_union_write_halves() { Union u = new Union(); u.Lo = -1; u.Hi = 0x7FFFFFFF; return u.L; }
        public static long test_union_double() { Union u = new Union(); u.D = 1.0; return u.L; }
        public static double test_union_bits_to_double() { Union u = new Union(); u.L = 0x400921FB54442D18; return u.D; }
        public static int test_union_bytes() { Union u = new Union(); u.B0 = 0xFF; u.B7 = 0x80; return (int)(u.L >> 32) + u.Lo; }
        public static uint test_float_bits() { FloatBits f = new FloatBits(); f.F = -2.5f; return f.U; }
        public static float test_bits_float() { FloatBits f = new FloatBits(); f.U = 0x3F800001; return f.F; }
        public static int test_sized_struct() { Sized s = new Sized(); s.A = 1; s.B = 2; Sized t = s; return t.A * 10 + t.B + sizeof(Sized); }
        public static long test_union_in_array() { Union[] a = new Union[2]; a[1].Hi = 1; a[1].Lo = 2; return a[1].L + a[0].L; }
        public static int test_union_boxed() { Union u = new Union(); u.L = -1; object o = u; Union v = (Union)o; return v.Mid + v.B7; }

        // sizeof
        public static int test_sizeof_primitives() { return sizeof(byte) + sizeof(short) * 10 + sizeof(int) * 100 + sizeof(long) * 1000 + sizeof(char) * 10000 + sizeof(bool) * 100000; }
        public static int test_sizeof_structs() { return sizeof(Point) + sizeof(Empty) * 100 + sizeof(OneByte) * 1000 + sizeof(Mixed) * 10000; }
        public static int test_sizeof_packed() { return sizeof(Packed) * 100 + sizeof(Packed2); }
        public static int test_sizeof_union() { return sizeof(Union) + sizeof(FloatBits) * 100; }
        public static int test_sizeof_decimal_guid() { return sizeof(decimal) * 100 + sizeof(Guid); }
        public static int test_sizeof_nested() { return sizeof(PointAndByte) * 100 + sizeof(Packed); }
        public static int test_packed_fields() { Packed p = new Packed(); p.A = 1; p.B = 0x01020304; p.C = -2; Packed q = p; return q.A + q.B + q.C; }
        public static long test_pointer_to_struct() { Point p = new Point(3, 4); Point* pp = &p; pp->X = 30; (*pp).Y += 1; return p.X * 10 + p.Y; }
        public static long test_stackalloc_structs() { Point* a = stackalloc Point[4]; for (int i = 0; i < 4; i++) { a[i].X = i; a[i].Y = i * i; } return a[3].X * 10 + a[3].Y + a[0].Y; }

        // Boxing copies and System.Object methods on structs.
        public static int test_box_copies() { Point p = new Point(1, 2); object o = p; p.X = 50; Point q = (Point)o; return q.X * 100 + p.X; }
        public static int test_box_interface_mutation() { Counter c = new Counter(); object o = c; ((Counter)o).Inc(); return ((Counter)o).N + c.N; }
        public static bool test_struct_equals_default() { Point a = new Point(1, 2), b = new Point(1, 2), c = new Point(2, 1); return a.Equals(b) && !a.Equals(c) && !a.Equals(null) && !a.Equals("P"); }
        public static bool test_struct_equals_with_refs()
        {
            WithRef a = new WithRef(), b = new WithRef(); a.S = "x"; b.S = "x"; a.N = b.N = 3;
            bool same = a.Equals(b); b.S = "y";
            return same && !a.Equals(b);
        }
        public static bool test_struct_equals_boxed() { object a = new Point(3, 4), b = new Point(3, 4); return a.Equals(b) && !object.ReferenceEquals(a, b); }
        public static bool test_struct_equals_override() { object a = new Rational(1, 2), b = new Rational(2, 4); return a.Equals(b) && new Rational(1, 2).Equals(new Rational(3, 6)); }
        public static bool test_struct_hash_equal_values() { Point a = new Point(5, 6), b = new Point(5, 6); return a.GetHashCode() == b.GetHashCode(); }
        public static bool test_struct_hash_with_refs() { WithRef a = new WithRef(), b = new WithRef(); a.S = "q"; b.S = "q"; return a.GetHashCode() == b.GetHashCode(); }
        public static int test_struct_hash_override() { return new Rational(3, 4).GetHashCode(); }
        public static string test_struct_tostring_override() { Point p = new Point(); return p.ToString() + ((object)p).ToString(); }
        public static string test_struct_tostring_default() { Line l = new Line(); return l.ToString(); }
        public static string test_struct_gettype() { Point p = new Point(); return p.GetType().FullName; }
        public static string test_generic_struct_tostring() { return new Generic<int>().ToString(); }
        public static bool test_primitive_equals() { return 5.Equals(5) && !5.Equals(5L) && 2.5.Equals(2.5) && 'a'.Equals('a') && !((object)1).Equals((object)(short)1); }
        public static bool test_primitive_hash() { return 5.GetHashCode() == 5 && true.GetHashCode() == 1 && 'a'.GetHashCode() == ('a' | ('a' << 16)); }
        static Assorted MakeAssorted() { Assorted a = new Assorted(); a.D = 1.5; a.F = -0.0f; a.L = 1L << 40; a.C = Color.Blue; a.N = 4; a.P = new Point(1, 2); a.O = "o"; return a; }
        public static bool test_struct_equals_assorted() { Assorted a = MakeAssorted(), b = MakeAssorted(); return a.Equals(b); }
        public static int test_struct_equals_assorted_each()
        {
            int r = 0;
            Assorted a = MakeAssorted(), b;
            b = MakeAssorted(); b.D = double.NaN; a.D = double.NaN; r += a.Equals(b) ? 1 : 0; a = MakeAssorted();
            b = MakeAssorted(); b.F = 0.0f; r += a.Equals(b) ? 2 : 0;
            b = MakeAssorted(); b.L++; r += a.Equals(b) ? 4 : 0;
            b = MakeAssorted(); b.C = Color.Red; r += a.Equals(b) ? 8 : 0;
            b = MakeAssorted(); b.N = null; r += a.Equals(b) ? 16 : 0;
            b = MakeAssorted(); b.N = 4; r += a.Equals(b) ? 32 : 0;
            b = MakeAssorted(); b.P.Y = 0; r += a.Equals(b) ? 64 : 0;
            b = MakeAssorted(); b.O = new string('o', 1); r += a.Equals(b) ? 128 : 0;
            b = MakeAssorted(); b.O = 1; r += a.Equals(b) ? 256 : 0;
            return r;
        }
        public static bool test_struct_hash_assorted() { return MakeAssorted().GetHashCode() == MakeAssorted().GetHashCode(); }
        // Mono seeds struct hash codes per process; how fields combine is still observable.
        public static int test_struct_hash_int_field_xor() { WithRef a = new WithRef(), b = new WithRef(); a.N = 0x1234; b.N = 0x0034; return a.GetHashCode() ^ b.GetHashCode(); }
        public static int test_struct_hash_string_field_xor() { WithRef a = new WithRef(), b = new WithRef(); a.S = "hash"; return a.GetHashCode() ^ b.GetHashCode(); }
        public static int test_struct_hash_long_field_xor() { Assorted a = MakeAssorted(), b = MakeAssorted(); b.L = 7; return a.GetHashCode() ^ b.GetHashCode(); }
        public static int test_long_hash() { return 0x100000001L.GetHashCode() + (-1L).GetHashCode(); }
    }
}
