// Enums: every underlying type, arithmetic and comparisons, boxing and unboxing (to the enum and to
// its underlying type), casts between enums, Equals/GetHashCode/CompareTo/HasFlag, enums as fields,
// array elements and generic arguments. (Enum names need cultures and reflection: a later issue.)
using System;

namespace OO.Enums
{
    public enum Color { Red, Green, Blue }
    public enum B8 : byte { Zero = 0, Max = 255 }
    public enum S8 : sbyte { Min = -128, Minus = -1, Max = 127 }
    public enum S16 : short { Min = -32768, Max = 32767 }
    public enum U16 : ushort { Max = 65535 }
    public enum U32 : uint { Big = 0xFFFFFFF0 }
    public enum S64 : long { Min = long.MinValue, Big = 1L << 40 }
    public enum U64 : ulong { Max = ulong.MaxValue, One = 1 }
    [Flags] public enum Perm { None = 0, Read = 1, Write = 2, Exec = 4, All = Read | Write | Exec }
    public enum Unsorted { C = 3, A = 1, B = 2 }
    public enum Color2 { Red, Green, Blue }

    public class Paint { public Color C; public Perm P = Perm.Read; public static Color Default = Color.Blue; }

    public static class EnumTests
    {
        static T Id<T>(T x) { return x; }
        static bool Eq<T>(T a, T b) { return a.Equals(b); }
        static int Cmp<T>(T a, T b) where T : IComparable { return a.CompareTo(b); }

        public static int test_values() { return (int)Color.Red + (int)Color.Green * 10 + (int)Color.Blue * 100; }
        public static int test_byte_enum() { B8 b = B8.Max; b++; return (int)b + (int)B8.Max * 1000; }
        public static int test_sbyte_enum() { S8 s = S8.Min; s--; return (int)s * 1000 + (int)S8.Minus; }
        public static int test_short_enum() { return (int)S16.Min + (int)S16.Max; }
        public static int test_ushort_enum() { U16 u = U16.Max; return (int)u; }
        public static uint test_uint_enum() { return (uint)U32.Big; }
        public static long test_long_enum() { return (long)S64.Min + (long)S64.Big; }
        public static ulong test_ulong_enum() { return (ulong)U64.Max - (ulong)U64.One; }
        public static bool test_comparisons() { return Color.Red < Color.Blue && S8.Min < S8.Max && U64.Max > U64.One && S64.Min < S64.Big && U32.Big > (U32)5; }
        public static int test_flags_ops() { Perm p = Perm.Read | Perm.Exec; p &= ~Perm.Read; p |= Perm.Write; return (int)p + ((p & Perm.Write) != 0 ? 100 : 0); }
        public static int test_enum_switch()
        {
            int s = 0;
            foreach (Color c in new Color[] { Color.Blue, Color.Red, Color.Green, (Color)7 })
                switch (c) { case Color.Red: s += 1; break; case Color.Green: s += 10; break; case Color.Blue: s += 100; break; default: s += 1000; break; }
            return s;
        }
        public static int test_enum_field_defaults() { Paint p = new Paint(); return (int)p.C + (int)p.P * 10 + (int)Paint.Default * 100; }
        public static int test_enum_array() { Color[] a = new Color[3]; a[1] = Color.Blue; a[2]++; return (int)a[0] + (int)a[1] * 10 + (int)a[2] * 100; }
        public static long test_enum_array_long() { S64[] a = { S64.Big, S64.Min }; return (long)a[0] + (long)a[1]; }
        public static int test_enum_generic() { return (int)Id(Color.Green) + (int)Id(B8.Max); }

        // Boxing
        public static bool test_box_is_enum() { object o = Color.Green; return o is Color && o is Enum && o is ValueType && !(o is int) && o is IComparable && o is IFormattable; }
        public static int test_unbox_to_underlying() { object o = Color.Blue; return (int)o; }
        public static int test_unbox_underlying_to_enum() { object o = 1; return (int)(Color)o; }
        public static int test_unbox_wrong_size() { object o = Color.Blue; return (short)o; }
        public static int test_unbox_other_enum_same_type() { object o = Color.Blue; return (int)(Color2)o; }
        public static long test_unbox_long_enum() { object o = S64.Big; return (long)o; }
        public static int test_unbox_uint_from_int_enum() { object o = Color.Blue; return (int)(uint)o; }
        public static int test_unbox_byte_enum_from_sbyte() { object o = (sbyte)-1; return (int)(B8)o; }
        public static bool test_isinst_enum_vs_underlying() { object o = Color.Blue; object i = 2; return !(o is int) && !(i is Color); }
        public static int test_unbox_nullable_enum() { object o = Color.Green; Color? c = (Color?)o; return c.HasValue ? (int)c.Value : -1; }
        public static int test_unbox_nullable_enum_from_int() { object o = 2; Color? c = (Color?)o; return (int)c.Value; }
        public static int test_box_nullable_enum() { Color? c = Color.Blue; object o = c; return o is Color ? (int)(Color)o : -1; }

        // System.Enum / Object methods
        public static bool test_equals() { object a = Color.Red, b = Color.Red, c = Color2.Red; return a.Equals(b) && !a.Equals(c) && !a.Equals(0) && Color.Blue.Equals(Color.Blue); }
        public static bool test_equals_generic() { return Eq(Color.Red, Color.Red) && !Eq(S64.Big, S64.Min) && Eq(U64.Max, U64.Max); }
        public static bool test_hash_matches_underlying()
        {
            return Color.Blue.GetHashCode() == 2.GetHashCode() && S8.Minus.GetHashCode() == ((sbyte)-1).GetHashCode()
                && S16.Min.GetHashCode() == short.MinValue.GetHashCode() && S64.Big.GetHashCode() == (1L << 40).GetHashCode()
                && U64.Max.GetHashCode() == ulong.MaxValue.GetHashCode() && B8.Max.GetHashCode() == ((byte)255).GetHashCode();
        }
        public static int test_hash_values() { return S8.Minus.GetHashCode() + S16.Min.GetHashCode() + U64.Max.GetHashCode(); }
        public static int test_compare_to()
        {
            return Cmp(Color.Red, Color.Blue) * 100 + Cmp(S8.Max, S8.Min) * 10 + Cmp(U64.Max, U64.Max) + Cmp(U64.Max, U64.One) * 1000 + Cmp(S64.Min, S64.Big) * 10000;
        }
        public static bool test_has_flag() { Perm p = Perm.Read | Perm.Write; return p.HasFlag(Perm.Read) && p.HasFlag(Perm.None) && !p.HasFlag(Perm.Exec) && !p.HasFlag(Perm.All) && Perm.All.HasFlag(p); }
        public static string test_gettype() { object o = S16.Max; return o.GetType().FullName; }
        public static string test_underlying_type() { return Enum.GetUnderlyingType(typeof(S16)).Name + Enum.GetUnderlyingType(typeof(U64)).Name + Enum.GetUnderlyingType(typeof(Color)).Name; }
        public static bool test_typeof_enum() { return typeof(Color).IsEnum && !typeof(int).IsEnum && typeof(Color).IsValueType && typeof(Enum).IsClass; }
        public static int test_toobject() { object o = Enum.ToObject(typeof(S16), 7); return o is S16 ? (int)(S16)o : -1; }
    }
}
