// String literals (ldstr): contents, lengths, indexing, escapes and non-ASCII text, null strings,
// and string-typed locals, arguments, fields and results.
using System;

public static class StringTests
{
    static string Same(string s) { return s; }
    static int CountChar(string s, char c) { int n = 0; for (int i = 0; i < s.Length; i++) if (s[i] == c) n++; return n; }
    static int Hash(string s) { int h = 17; for (int i = 0; i < s.Length; i++) h = h * 31 + s[i]; return h; }

    public static string test_literal() { return "hello, world"; }
    public static string test_empty() { return ""; }
    public static string test_null() { string s = null; return s; }
    public static string test_escapes() { return "tab\there\nnew line \"quoted\" back\\slash \0 nul"; }
    public static string test_unicode() { return "héllo wörld — ☃ 日本語"; }
    public static string test_surrogate_pair() { return "\U0001F600 smile"; }
    public static string test_lone_surrogate() { return "a\uD800b"; }
    public static string test_bmp_edges() { return "\u0001\u007F\u0080\u07FF\u0800\uFFFE\uFFFF"; }
    public static int test_length() { return "hello".Length; }
    public static int test_length_unicode() { return "\U0001F600\u00E9".Length; }
    public static int test_length_of_empty() { return "".Length; }
    public static char test_index() { string s = "hello"; return s[4]; }
    public static char test_index_unicode() { string s = "日本語"; return s[1]; }
    public static char test_index_out_of_range() { string s = "abc"; int i = 3; return s[i]; }
    public static char test_index_negative() { string s = "abc"; int i = -1; return s[i]; }
    public static int test_null_length() { string s = null; return s.Length; }
    public static int test_count_char() { return CountChar("mississippi", 's'); }
    public static int test_hash() { return Hash("The quick brown fox jumps over the lazy dog"); }
    public static string test_through_call() { return Same("passed through"); }
    public static bool test_null_compare() { string s = Same(null); return s == null; }
    public static string test_choose() { int x = 3; string s = x > 2 ? "big" : "small"; return s; }
    public static string test_array_of_literals()
    {
        string[] a = new string[3];
        a[0] = "zero"; a[1] = "one"; a[2] = "two";
        int best = 0;
        for (int i = 1; i < a.Length; i++) if (a[i].Length > a[best].Length) best = i;
        return a[best];
    }
    public static int test_long_literal()
    {
        string s = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz"
                 + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return s.Length * 1000 + Hash(s) % 1000;
    }
    public static int test_digits_sum() { string s = "9081726354"; int t = 0; for (int i = 0; i < s.Length; i++) t += s[i] - '0'; return t; }
    public static int test_same_literal_twice() { string a = "dup", b = "dup"; return Hash(a) - Hash(b) + a.Length; }
}
