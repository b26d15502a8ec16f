// More of the object model: struct constructors chaining (: this(...)), base calls from struct
// overrides (boxing `this`), struct properties through interfaces and constrained calls, ldflda of
// fields inside objects, arrays and nested structs, big structs through generics and List<T>,
// arrays of pointers, enum arrays copied to int arrays, and the Type questions typeof answers
// (IsValueType, BaseType, IsAssignableFrom, generic definitions, element types).
using System;
using System.Collections.Generic;

namespace OO.More
{
    public struct S { public int A; public S(int a) : this() { A = a * 2; } public S(int a, int b) : this(a) { A += b; } public override string ToString() { return "S" + A + "/" + base.ToString(); } public override int GetHashCode() { return base.GetHashCode() ^ A; } }
    public struct Prop : IProp { int x; public int X { get { return x; } set { x = value; } } int IProp.Y { get { return x * 10; } set { x = value / 10; } } }
    public interface IProp { int X { get; set; } int Y { get; set; } }
    public enum E { A = 1, B = 2 }
    public class C { public int F; public S St; public S[] Arr = new S[2]; public long L; }
    public struct Huge { public long A, B, C, D, E, F, G, H, I, J; }
    public static unsafe class MoreTests
    {
        static void Inc(ref int x) { x++; }
        static void IncL(ref long x) { x += 10; }
        static T Id<T>(T x) { return x; }
        static void SetY<T>(ref T p, int v) where T : IProp { p.Y = v; }
        public static int test_struct_ctor_chain() { return new S(3, 4).A; }
        public static string test_struct_base_tostring() { return new S(1).ToString(); }
        public static bool test_struct_base_hash() { return new S(1).GetHashCode() == new S(1).GetHashCode(); }
        public static int test_struct_property_interface() { Prop p = new Prop(); p.X = 4; IProp i = p; i.Y = 70; return p.X * 100 + i.X; }
        public static int test_struct_property_constrained() { Prop p = new Prop(); SetY(ref p, 50); return p.X; }
        public static int test_ldflda_object_fields() { C c = new C(); Inc(ref c.F); Inc(ref c.St.A); Inc(ref c.Arr[1].A); IncL(ref c.L); return c.F + c.St.A * 10 + c.Arr[1].A * 100 + (int)c.L * 1000; }
        public static long test_huge_struct_generic() { Huge h = new Huge(); h.J = 7; h.A = 1; Huge g = Id(h); List<Huge> l = new List<Huge>(); l.Add(g); l.Add(h); return l[1].J + l[0].A + l.Count; }
        public static long test_pointer_array() { int x = 5; int*[] a = new int*[2]; a[1] = &x; *a[1] += 1; return x + (a[0] == null ? 10 : 0); }
        public static int test_enum_array_copy() { E[] e = { E.A, E.B }; int[] i = new int[2]; Array.Copy(e, i, 2); return i[0] * 10 + i[1]; }
        public static bool test_object_equals_enums() { return object.Equals(E.A, E.A) && !object.Equals(E.A, 1) && object.Equals((object)E.B, E.B); }
        public static string test_bool_char_tostring() { object b = true, c = 'x'; return b.ToString() + c.ToString() + false.ToString(); }
        public static string test_concat_objects() { return string.Concat(new object[] { "a", 1, 'c', true, null, E.A == E.A }); }
        public static bool test_is_nullable_generic() { return Is<int?>(5) && !Is<int?>("s") && Is<E?>(E.A); }
        static bool Is<T>(object o) { return o is T; }
        public static string test_enum_gettype_name() { object o = E.B; return o.GetType().Name + o.GetType().BaseType.Name + typeof(E).BaseType.FullName; }
        public static int test_enum_icomparable() { IComparable c = E.B; return c.CompareTo(E.A); }
        public static string test_type_of_nested_generic_struct() { return typeof(KeyValuePair<int, E>).ToString() + typeof(E[]).Name + typeof(List<int>.Enumerator).FullName.Length; }
        public static bool test_type_properties() { return typeof(S).IsValueType && !typeof(C).IsValueType && typeof(IProp).IsInterface && typeof(C).IsClass && !typeof(S).IsClass && typeof(int[]).IsArray && typeof(E).IsEnum && typeof(int*).IsPointer; }
        public static bool test_base_types() { return typeof(S).BaseType == typeof(ValueType) && typeof(C).BaseType == typeof(object) && typeof(object).BaseType == null && typeof(int[]).BaseType == typeof(Array); }
        public static bool test_is_assignable() { return typeof(object).IsAssignableFrom(typeof(C)) && typeof(IProp).IsAssignableFrom(typeof(Prop)) && !typeof(C).IsAssignableFrom(typeof(object)) && typeof(IEnumerable<object>).IsAssignableFrom(typeof(List<string>)); }
        public static bool test_is_instance_of_type() { return typeof(IProp).IsInstanceOfType(new Prop()) && !typeof(string).IsInstanceOfType(1); }
        public static bool test_generic_type_def() { return typeof(List<int>).GetGenericTypeDefinition() == typeof(List<>) && typeof(List<int>).IsGenericType && typeof(List<>).IsGenericTypeDefinition && !typeof(List<int>).IsGenericTypeDefinition; }
        public static string test_element_type() { return typeof(int[][]).GetElementType().Name + typeof(S[,]).GetElementType().Name; }
    }
}
