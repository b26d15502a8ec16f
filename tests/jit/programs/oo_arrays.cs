// Arrays of the object model: elements of reference, struct, enum, generic and array type; array
// covariance and its stelem.ref check (ArrayTypeMismatchException), ldelema on covariant arrays;
// multi-dimensional arrays (Get/Set/Address, bounds, lower bounds through Array.CreateInstance),
// jagged arrays, array initialisers (RuntimeHelpers.InitializeArray), arrays as IList<T> and the
// other generic collection interfaces, System.Array methods, casts between array types.
using System;
using System.Collections;
using System.Collections.Generic;

namespace OO.Arrays
{
    public class Animal { public int Id; public Animal(int id) { Id = id; } public virtual int Kind() { return 1; } }
    public class Cat : Animal { public Cat(int id) : base(id) { } public override int Kind() { return 2; } }
    public sealed class Lion : Cat { public Lion(int id) : base(id) { } public override int Kind() { return 3; } }
    public struct Pt { public int X; public long Y; public string Tag; }
    public enum E8 : byte { A = 1, B = 200 }
    public enum E64 : long { Big = 1L << 50 }
    public struct Gen<T> { public T V; }
    public interface IKind { int K(); }
    public class WithKind : IKind { public int K() { return 7; } }

    public static class ArrayTests
    {
        static void Store(object[] a, int i, object v) { a[i] = v; }
        static void StoreAnimal(Animal[] a, int i, Animal v) { a[i] = v; }
        static void Touch(ref Animal a) { a = new Animal(99); }
        static int Sum(IList<int> l) { int s = 0; for (int i = 0; i < l.Count; i++) s += l[i]; return s; }
        static int Len<T>(IReadOnlyList<T> l) { return l.Count; }
        static T First<T>(IEnumerable<T> e) { foreach (T x in e) return x; return default(T); }
        static T[] Make<T>(int n) { return new T[n]; }
        static void Set<T>(T[] a, int i, T v) { a[i] = v; }

        // Element kinds
        public static int test_class_elements() { Animal[] a = { new Animal(1), new Cat(2), null }; return a[0].Kind() + a[1].Kind() * 10 + (a[2] == null ? 100 : 0) + a.Length * 1000; }
        public static long test_struct_elements()
        {
            Pt[] a = new Pt[3];
            a[0].X = 1; a[1].Y = 1L << 40; a[2].Tag = "t"; Pt c = a[1]; c.Y = 0;
            return a[0].X + a[1].Y + (a[2].Tag == "t" ? 100 : 0) + (a[0].Tag == null ? 1000 : 0);
        }
        public static int test_enum_elements() { E8[] a = new E8[2]; a[0] = E8.B; a[1] = a[0] + 10; return (int)a[0] * 1000 + (int)a[1]; }
        public static long test_long_enum_elements() { E64[] a = { E64.Big, 0 }; a[1] = a[0] + 1; return (long)a[1]; }
        public static int test_generic_struct_elements() { Gen<int>[] a = new Gen<int>[2]; a[1].V = 5; Gen<string>[] b = new Gen<string>[1]; b[0].V = "x"; return a[1].V + b[0].V.Length * 10; }
        public static int test_generic_array_creation() { int[] a = Make<int>(4); string[] s = Make<string>(2); Set(a, 3, 7); Set(s, 1, "q"); return a[3] + a.Length * 10 + s[1].Length * 100; }
        public static int test_interface_elements() { IKind[] a = { new WithKind(), new WithKind() }; return a[0].K() + a[1].K(); }
        public static int test_array_of_arrays_of_structs() { Pt[][] a = new Pt[2][]; a[1] = new Pt[3]; a[1][2].X = 4; return a[1][2].X + a[1].Length * 10 + (a[0] == null ? 100 : 0); }
        public static int test_nullable_elements() { int?[] a = new int?[3]; a[1] = 5; return (a[0].HasValue ? 1 : 0) + a[1].Value * 10; }
        public static int test_object_array_boxes() { object[] a = { 1, "s", 2L, null, E8.A }; return (a[0] is int ? 1 : 0) + (a[1] is string ? 2 : 0) + (a[2] is long ? 4 : 0) + (a[3] == null ? 8 : 0) + (a[4] is E8 ? 16 : 0); }

        // Covariance
        public static int test_covariant_read() { object[] o = new string[] { "ab", "c" }; return ((string)o[0]).Length + o.Length * 10; }
        public static int test_covariant_store_ok() { object[] o = new string[2]; Store(o, 1, "x"); Store(o, 0, null); return ((string)o[1]).Length; }
        public static int test_covariant_store_wrong() { object[] o = new string[2]; Store(o, 0, 1); return 0; }
        public static int test_covariant_store_base_into_derived() { Animal[] a = new Cat[2]; StoreAnimal(a, 0, new Animal(1)); return 0; }
        public static int test_covariant_store_derived_into_derived() { Animal[] a = new Cat[2]; StoreAnimal(a, 0, new Lion(1)); return a[0].Kind(); }
        public static int test_covariant_store_sealed() { Animal[] a = new Lion[1]; StoreAnimal(a, 0, new Cat(1)); return 0; }
        public static int test_interface_array_store() { object[] a = new IKind[1]; Store(a, 0, new WithKind()); Store(a, 0, "not a kind"); return 0; }
        public static int test_ldelema_exact() { Animal[] a = new Animal[1]; Touch(ref a[0]); return a[0].Id; }
        public static int test_ldelema_covariant() { Animal[] a = new Cat[1]; Touch(ref a[0]); return 0; }
        public static int test_array_of_arrays_covariance() { object[] a = new string[1][]; Store(a, 0, new string[] { "z" }); Store(a, 0, new int[1]); return 0; }
        public static bool test_array_casts()
        {
            object a = new string[0], b = new Cat[0], c = new int[0], d = new E8[0], e = new int[0, 0];
            return a is object[] && a is IEnumerable<object> && b is Animal[] && !(b is Lion[]) && c is uint[] && !(c is long[])
                && !(c is object[]) && d is byte[] && !(d is sbyte[]) && !(e is int[]) && e is int[,] && e is Array && c is ICloneable;
        }
        public static int test_array_cast_fail() { object o = new Animal[1]; Cat[] c = (Cat[])o; return c.Length; }
        public static int test_array_cast_ok() { object o = new Cat[3]; Animal[] a = (Animal[])o; return a.Length; }

        // Generic collection interfaces
        public static int test_array_as_ilist() { int[] a = { 1, 2, 3 }; IList<int> l = a; l[0] = 10; return Sum(a) + l.Count * 100 + (l.Contains(3) ? 1000 : 0) + l.IndexOf(3) * 10000; }
        public static int test_array_as_ilist_covariant() { string[] a = { "a", "bb" }; IList<object> l = a; return ((string)l[1]).Length + l.Count * 10; }
        public static int test_array_as_readonly_list() { return Len(new Cat[4]) + Len<Animal>(new Cat[5]) * 10; }
        public static int test_array_ienumerable() { return First(new int[] { 8, 9 }) + First<object>(new string[] { "four" }).GetHashCode() * 0 + First(new Pt[1]).X; }
        public static int test_ilist_readonly_add() { IList<int> l = new int[2]; l.Add(1); return 0; }
        public static int test_icollection_copyto() { ICollection<int> c = new int[] { 5, 6 }; int[] dst = new int[4]; c.CopyTo(dst, 1); return dst[1] * 10 + dst[2]; }
        public static int test_nongeneric_ilist() { IList l = new string[] { "a", "b" }; l[1] = "cc"; return ((string)l[1]).Length + l.Count * 10 + (l.IsFixedSize ? 100 : 0); }
        public static int test_foreach_ienumerable_nongeneric() { IEnumerable e = new int[] { 1, 2, 3 }; int s = 0; foreach (object o in e) s += (int)o; return s; }

        // Multi-dimensional
        public static int test_rank2() { int[,] a = new int[3, 4]; for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) a[i, j] = i * 10 + j; return a[2, 3] + a.Length * 100 + a.Rank * 10000 + a.GetLength(1) * 100000; }
        public static long test_rank3_structs() { Pt[,,] a = new Pt[2, 3, 4]; a[1, 2, 3].Y = 5; a[1, 2, 3].X++; a[0, 0, 0].Tag = "t"; return a[1, 2, 3].Y * 10 + a[1, 2, 3].X + a.Length * 100 + a[0, 0, 0].Tag.Length * 10000; }
        public static int test_rank2_refs() { string[,] a = new string[2, 2]; a[1, 0] = "x"; object[,] o = a; return (o[1, 0] == (object)"x" ? 1 : 0) + (a[0, 1] == null ? 10 : 0); }
        public static int test_rank2_covariant_store() { object[,] o = new string[2, 2]; o[0, 0] = 1; return 0; }
        public static int test_rank2_address() { int[,] a = new int[2, 2]; Inc(ref a[1, 1]); Inc(ref a[1, 1]); return a[1, 1]; }
        static void Inc(ref int x) { x++; }
        public static int test_rank2_bounds() { int[,] a = new int[2, 3]; return a[1, 3]; }
        public static int test_rank2_negative_index() { int[,] a = new int[2, 3]; int i = -1; return a[i, 0]; }
        public static int test_rank2_initializer() { int[,] a = { { 1, 2, 3 }, { 4, 5, 6 } }; return a[0, 2] * 10 + a[1, 0] + a.GetLength(0) * 100 + a.GetLength(1) * 1000; }
        public static double test_rank2_double_initializer() { double[,] a = { { 1.5, 2.5 }, { 3.5, 4.5 } }; return a[1, 1] - a[0, 0]; }
        public static int test_rank2_negative_size() { int n = -1; int[,] a = new int[2, n]; return a.Length; }
        public static int test_rank2_enumerate() { int[,] a = { { 1, 2 }, { 3, 4 } }; int s = 0; foreach (int x in a) s = s * 10 + x; return s; }
        public static int test_rank2_as_array() { Array a = new long[3, 5]; return a.Rank * 100 + a.Length + a.GetUpperBound(1) * 1000; }
        public static int test_lower_bounds()
        {
            Array a = Array.CreateInstance(typeof(int), new int[] { 3, 2 }, new int[] { 5, -1 });
            int[,] m = (int[,])a;
            m[7, 0] = 42; m[5, -1] = 1;
            return m[7, 0] + m.GetLowerBound(0) * 100 + m.GetLowerBound(1) * 1000 + m.GetUpperBound(0) * 10000 + m[5, -1] * 100000;
        }
        public static int test_lower_bounds_outside() { int[,] m = (int[,])Array.CreateInstance(typeof(int), new int[] { 3, 2 }, new int[] { 5, 0 }); return m[4, 0]; }
        public static int test_create_instance_1d() { Array a = Array.CreateInstance(typeof(string), 3); string[] s = (string[])a; s[2] = "v"; return s.Length + s[2].Length * 10; }

        // Jagged
        public static int test_jagged()
        {
            int[][] j = new int[4][];
            for (int i = 0; i < j.Length; i++) { j[i] = new int[i]; for (int k = 0; k < i; k++) j[i][k] = i * k; }
            int s = 0; foreach (int[] row in j) foreach (int x in row) s += x;
            return s + j[3].Length * 100;
        }
        public static int test_jagged_of_rank2() { int[][,] j = new int[2][,]; j[1] = new int[2, 2]; j[1][1, 1] = 9; return j[1][1, 1] + (j[0] == null ? 10 : 0); }
        public static int test_rank2_of_jagged() { int[,][] m = new int[2, 2][]; m[1, 1] = new int[] { 3 }; return m[1, 1][0]; }
        public static int test_jagged_null_row() { int[][] j = new int[2][]; return j[1][0]; }

        // Initialisers (RuntimeHelpers.InitializeArray)
        public static int test_init_bytes() { byte[] a = { 1, 2, 3, 250, 251, 252, 253, 254, 255 }; int s = 0; foreach (byte b in a) s += b; return s; }
        public static long test_init_longs() { long[] a = { long.MinValue, 1, -2, long.MaxValue, 1L << 33 }; return a[0] + a[3] + a[4] + a[2]; }
        public static double test_init_doubles() { double[] a = { 0.5, -1.25, 1e300, 3.0, 4.5, 6.75 }; return a[0] + a[1] + a[5]; }
        public static int test_init_chars() { char[] a = { 'h', 'é', '☃', '\uffff', 'x', 'y', 'z' }; return a[1] + a[2] + a[3]; }
        public static int test_init_enums() { E8[] a = { E8.A, E8.B, E8.A, E8.B, E8.B, E8.B, E8.A }; int s = 0; foreach (E8 e in a) s += (int)e; return s; }
        public static bool test_init_bools() { bool[] a = { true, false, true, true, false, false, true, true, true, false }; return a[0] && !a[1] && a[8] && !a[9]; }
        public static int test_init_mixed_runtime_values() { int x = 5; int[] a = { 1, 2, x, 4, 5, 6, 7, x * 2 }; return a[2] + a[7]; }

        // System.Array methods
        public static int test_array_clone() { int[] a = { 1, 2, 3 }; int[] b = (int[])a.Clone(); b[0] = 9; return a[0] * 10 + b[0]; }
        public static int test_array_clone_refs() { Animal[] a = { new Animal(1) }; Animal[] b = (Animal[])a.Clone(); return (object.ReferenceEquals(a[0], b[0]) ? 1 : 0) + (a != b ? 10 : 0); }
        public static int test_array_clone_rank2() { int[,] a = { { 1, 2 }, { 3, 4 } }; int[,] b = (int[,])a.Clone(); b[1, 1] = 0; return a[1, 1] * 10 + b[1, 1] + b.GetLength(1) * 100; }
        public static int test_array_copy() { int[] a = { 1, 2, 3, 4 }; int[] b = new int[6]; Array.Copy(a, 1, b, 2, 3); return b[2] * 100 + b[3] * 10 + b[4]; }
        public static int test_array_copy_overlap() { int[] a = { 1, 2, 3, 4, 5 }; Array.Copy(a, 0, a, 1, 4); return a[0] * 10000 + a[1] * 1000 + a[2] * 100 + a[3] * 10 + a[4]; }
        public static int test_array_copy_covariant_fail() { object[] a = { "s", 1 }; string[] b = new string[2]; Array.Copy(a, b, 2); return 0; }
        public static int test_array_clear() { int[] a = { 1, 2, 3 }; Array.Clear(a, 1, 2); return a[0] + a[1] + a[2]; }
        public static int test_array_reverse() { int[] a = { 1, 2, 3 }; Array.Reverse(a); return a[0] * 100 + a[1] * 10 + a[2]; }
        public static int test_nullable_array_getvalue() { Array a = new int?[] { 4, null }; object x = a.GetValue(0), y = a.GetValue(1); return (x is int ? (int)x : -1) + (y == null ? 10 : 0); }
        public static int test_nullable_array_setvalue() { int?[] n = new int?[2]; Array a = n; a.SetValue(5, 0); a.SetValue(null, 1); return n[0].Value + (n[1].HasValue ? 100 : 10); }
        public static int test_enum_array_setvalue() { E8[] e = new E8[2]; Array a = e; a.SetValue(E8.B, 0); a.SetValue((byte)7, 1); return (int)e[0] + (int)e[1] * 1000; }
        public static int test_setvalue_widening()
        {
            long[] l = new long[3]; double[] d = new double[2]; Array a = l, b = d;
            a.SetValue(5, 0); a.SetValue((byte)6, 1); a.SetValue('c', 2); b.SetValue(7u, 0); b.SetValue(1.5f, 1);
            return (int)(l[0] + l[1] * 10 + l[2] * 100) + (int)(d[0] * 1000 + d[1] * 10000);
        }
        public static int test_setvalue_narrowing() { Array a = new int[1]; a.SetValue(5L, 0); return 0; }
        public static int test_setvalue_signed_to_unsigned() { Array a = new ulong[1]; a.SetValue(5, 0); return 0; }
        public static int test_setvalue_int_to_char() { Array a = new char[1]; a.SetValue(65, 0); return 0; }
        public static int test_setvalue_byte_to_char() { char[] c = new char[1]; Array a = c; a.SetValue((byte)65, 0); return c[0]; }
        public static int test_setvalue_bool_to_int() { Array a = new int[1]; a.SetValue(true, 0); return 0; }
        public static int test_setvalue_struct_mismatch() { Array a = new Pt[1]; a.SetValue(5, 0); return 0; }
        public static int test_setvalue_enum_into_int() { int[] i = new int[1]; Array a = i; a.SetValue(E8.B, 0); return i[0]; }
        public static int test_setvalue_rank2_out_of_range() { Array a = new int[2, 2]; a.SetValue(1, 2, 0); return 0; }
        public static int test_rank2_getvalue() { Array a = new int[,] { { 1, 2 }, { 3, 4 } }; a.SetValue(9, 0, 1); return (int)a.GetValue(1, 0) * 10 + (int)a.GetValue(0, 1); }
        public static string test_rank1_lower_bound()
        {
            Array a = Array.CreateInstance(typeof(long), new int[] { 4 }, new int[] { 10 });
            a.SetValue(7L, 12);
            return a.GetType().Name + (long)a.GetValue(12) + a.GetLowerBound(0) + a.Rank + (a is long[] ? "vector" : "general");
        }
        public static int test_array_getvalue() { Array a = new int[] { 4, 5 }; return (int)a.GetValue(1); }
        public static int test_array_setvalue_wrong_type() { Array a = new int[2]; a.SetValue("s", 0); return 0; }
        public static int test_array_resize() { int[] a = { 1, 2 }; Array.Resize(ref a, 4); a[3] = 9; return a.Length * 10 + a[3]; }
        public static string test_array_gettype() { return new Cat[0].GetType().FullName + ";" + new int[0, 0].GetType().Name + ";" + typeof(Pt[][]).Name; }
        public static bool test_array_type_identity() { return new int[1].GetType() == typeof(int[]) && new int[1].GetType() != typeof(uint[]) && new int[1, 1].GetType() == typeof(int[,]); }
        public static int test_length_of_null() { int[] a = null; return a.Length; }
        public static int test_negative_size() { int n = -5; object[] a = new object[n]; return a.Length; }
    }
}
