// Instance fields of classes created by newobj (non-virtual methods only), and structs as locals,
// fields, arguments, results and array elements (ldfld, stfld, ldflda, initobj, ldobj/stobj).
using System;

public class Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public int Dot(Point o) { return X * o.X + Y * o.Y; }
    public void Move(int dx, int dy) { X += dx; Y += dy; }
}

public class AllFields
{
    public bool B; public sbyte I1; public byte U1; public short I2; public ushort U2; public char C;
    public int I4; public uint U4; public long I8; public ulong U8; public float R4; public double R8;
    public string S; public AllFields Next; public IntPtr P;
}

public class Node
{
    public int Value;
    public Node Next;
    public Node(int v, Node next) { Value = v; Next = next; }
}

public class Base { public int A = 1; public int GetA() { return A; } }
public class Derived : Base { public int B = 2; public Derived() { A = 10; } public int Sum() { return A + B + GetA(); } }

public struct Vec
{
    public double X, Y;
    public Vec(double x, double y) { X = x; Y = y; }
    public double Length2() { return X * X + Y * Y; }
    public Vec Add(Vec o) { return new Vec(X + o.X, Y + o.Y); }
    public void Scale(double k) { X *= k; Y *= k; }
}

public struct Mixed { public byte A; public long B; public short C; public float D; public bool E; }
public struct Wrapper { public Mixed Inner; public int Tag; }
public class Holder { public Vec V; public Mixed M; public int After; }
public struct Small { public byte A, B; }

public static class ObjectTests
{
    static Vec Make(double x, double y) { return new Vec(x, y); }
    static double Len2(Vec v) { return v.Length2(); }
    static void ScaleRef(ref Vec v, double k) { v.Scale(k); }
    static Mixed MakeMixed(int seed) { Mixed m; m.A = (byte)seed; m.B = seed * 1000000007L; m.C = (short)-seed; m.D = seed / 4f; m.E = seed % 2 == 1; return m; }
    static long Digest(Mixed m) { return m.A + m.B + m.C + (long)(m.D * 8) + (m.E ? 1 : 0); }

    public static int test_newobj_fields() { Point p = new Point(3, 4); return p.X * 10 + p.Y; }
    public static int test_instance_call() { Point p = new Point(3, 4), q = new Point(-1, 2); return p.Dot(q); }
    public static int test_instance_mutation() { Point p = new Point(3, 4); p.Move(10, 20); p.Move(1, 1); return p.X * 100 + p.Y; }
    public static int test_null_field_access() { Point p = null; return p.X; }
    public static int test_null_instance_call() { Point p = null; p.Move(1, 1); return 0; }
    public static long test_default_field_values()
    {
        AllFields a = new AllFields();
        return (a.B ? 1 : 0) + a.I1 + a.U1 + a.I2 + a.U2 + a.C + a.I4 + a.U4 + a.I8 + (long)a.U8 + (long)a.R4 + (long)a.R8
             + (a.S == null ? 1000 : 0) + (a.Next == null ? 2000 : 0) + (long)a.P;
    }
    public static long test_all_field_types()
    {
        AllFields a = new AllFields();
        a.B = true; a.I1 = -5; a.U1 = 250; a.I2 = -30000; a.U2 = 65000; a.C = 'c'; a.I4 = -7; a.U4 = 0xFFFFFFFF;
        a.I8 = -1L << 40; a.U8 = 1UL << 63; a.R4 = 2.5f; a.R8 = -0.125; a.Next = a; a.P = new IntPtr(99);
        return (a.B ? 1 : 0) + a.I1 + a.U1 + a.I2 + a.U2 + a.C + a.I4 + a.U4 + a.I8 + (long)(a.U8 >> 40)
             + (long)(a.R4 * 4) + (long)(a.R8 * 16) + a.Next.Next.I4 + (long)a.P;
    }
    public static float test_float_field_rounding() { AllFields a = new AllFields(); a.R4 = 1f / 3f; return a.R4; }
    public static string test_string_field() { AllFields a = new AllFields(); a.S = "field"; return a.S; }
    public static int test_small_field_wraps() { AllFields a = new AllFields(); a.U1 = 255; a.U1++; a.I1 = 127; a.I1++; return a.U1 * 1000 + a.I1; }
    public static int test_linked_list()
    {
        Node head = null;
        for (int i = 1; i <= 100; i++) head = new Node(i, head);
        int s = 0;
        for (Node n = head; n != null; n = n.Next) s += n.Value;
        return s;
    }
    public static bool test_reference_equality() { Point a = new Point(1, 2), b = new Point(1, 2); Point c = a; return a == c && a != b; }
    public static int test_inheritance_fields() { Derived d = new Derived(); return d.Sum(); }
    public static int test_field_ref() { Point p = new Point(5, 6); Inc(ref p.X); Inc(ref p.Y); Inc(ref p.Y); return p.X * 10 + p.Y; }
    static void Inc(ref int x) { x++; }
    public static int test_many_objects()
    {
        int s = 0;
        for (int i = 0; i < 10000; i++) { Point p = new Point(i, -i); s += p.X + p.Y + 1; }
        return s;
    }

    // -- structs ------------------------------------------------------------------------------------------
    public static double test_struct_local() { Vec v = new Vec(3, 4); return v.Length2(); }
    public static double test_struct_default() { Vec v = new Vec(); v.X = 2; return v.Length2(); }
    public static double test_struct_copy_semantics() { Vec a = new Vec(1, 2); Vec b = a; b.X = 100; return a.X + b.X; }
    public static double test_struct_argument_is_copied() { Vec a = new Vec(3, 4); double r = Len2(a); a.X = 0; return r + a.X; }
    public static double test_struct_return() { Vec v = Make(5, 12); return v.Length2(); }
    public static double test_struct_method_returning_struct() { Vec a = new Vec(1, 2), b = new Vec(10, 20); return a.Add(b).Add(a).Y; }
    public static double test_struct_by_ref() { Vec v = new Vec(1, 2); ScaleRef(ref v, 3); return v.X * 10 + v.Y; }
    public static double test_struct_mutating_method() { Vec v = new Vec(1, 2); v.Scale(0.5); return v.X + v.Y; }
    public static long test_struct_mixed_layout() { Mixed m = MakeMixed(7); return Digest(m); }
    public static long test_nested_struct() { Wrapper w = new Wrapper(); w.Inner = MakeMixed(3); w.Tag = 5; w.Inner.B += 1; return Digest(w.Inner) * 10 + w.Tag; }
    public static double test_struct_in_class() { Holder h = new Holder(); h.V = new Vec(2, 3); h.V.X += 1; h.M = MakeMixed(2); h.After = 4; return h.V.Length2() + Digest(h.M) + h.After; }
    public static double test_struct_array()
    {
        Vec[] vs = new Vec[10];
        for (int i = 0; i < vs.Length; i++) vs[i] = new Vec(i, -i);
        vs[3].X = 100;
        double s = 0;
        for (int i = 0; i < vs.Length; i++) s += vs[i].X * 2 + vs[i].Y;
        return s;
    }
    public static int test_small_struct_array()
    {
        Small[] a = new Small[5];
        for (int i = 0; i < 5; i++) { a[i].A = (byte)(i * 60); a[i].B = (byte)(255 - i); }
        int s = 0;
        for (int i = 0; i < 5; i++) s = s * 7 + a[i].A + a[i].B;
        return s;
    }
    public static int test_struct_reinit() { Small s; s.A = 1; s.B = 2; s = new Small(); return s.A + s.B; }
    public static double test_struct_conditional() { Vec a = new Vec(1, 2), b = new Vec(3, 4); double s = 0; for (int i = 0; i < 5; i++) s += (i % 2 == 0 ? a : b).Length2(); return s; }
    public static double test_static_struct_field() { StructStatics.V = new Vec(6, 8); StructStatics.V.Scale(0.5); return StructStatics.V.Length2(); }
    public static long test_newobj_all_argument_types() { Everything e = new Everything(true, -3, 200, -300, 'k', 1 << 20, -1L << 40, 0.5f, 0.25); return e.Sum; }
    static double MutateParameter(Vec v) { v.X = 100; v.Scale(2); return v.X + v.Y; }
    public static double test_struct_parameter_mutation_stays_in_callee() { Vec a = new Vec(1, 2); double r = MutateParameter(a); return r * 1000 + a.X + a.Y; }
    static Vec Twice(Vec v) { v.Scale(2); return v; }
    public static double test_struct_result_into_array_and_field()
    {
        Vec[] vs = new Vec[2];
        vs[1] = Twice(new Vec(1, 3));
        Holder h = new Holder();
        h.V = Twice(vs[1]);
        return vs[1].X * 100 + vs[1].Y * 10 + h.V.Length2();
    }
    public static double test_struct_in_loop()
    {
        Vec acc = new Vec(0, 0);
        for (int i = 0; i < 100; i++) acc = acc.Add(new Vec(i, 1));
        return acc.X + acc.Y;
    }
}

public static class StructStatics { public static Vec V; }

public class Everything
{
    public long Sum;
    public Everything(bool b, sbyte i1, byte u1, short i2, char c, int i4, long i8, float r4, double r8)
    {
        Sum = (b ? 1 : 0) + i1 + u1 + i2 + c + i4 + i8 + (long)(r4 * 8) + (long)(r8 * 16);
    }
}
