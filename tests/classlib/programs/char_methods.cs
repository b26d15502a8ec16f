// char: classification, case conversion, numeric values, surrogates, comparisons and conversions.
using System;
using System.Globalization;
using System.Text;

static class Program
{
    static void Main()
    {
        string sample = "aZ09 _\t\n.!€éßΣ中\u2028\u00a0";
        foreach (char c in sample)
        {
            Console.WriteLine("U+" + ((int)c).ToString("X4") + " letter " + char.IsLetter(c) + " digit " + char.IsDigit(c) + " letterOrDigit " + char.IsLetterOrDigit(c)
                + " white " + char.IsWhiteSpace(c) + " upper " + char.IsUpper(c) + " lower " + char.IsLower(c) + " punct " + char.IsPunctuation(c)
                + " symbol " + char.IsSymbol(c) + " control " + char.IsControl(c) + " separator " + char.IsSeparator(c) + " number " + char.IsNumber(c)
                + " category " + char.GetUnicodeCategory(c) + " toUpper U+" + ((int)char.ToUpperInvariant(c)).ToString("X4") + " toLower U+" + ((int)char.ToLowerInvariant(c)).ToString("X4"));
        }
        Console.WriteLine("numeric values " + char.GetNumericValue('7') + " " + char.GetNumericValue('x') + " " + char.GetNumericValue('½') + " " + CharUnicodeInfo.GetNumericValue('Ⅷ'));
        Console.WriteLine("string index forms " + char.IsDigit("a1", 1) + " " + char.IsUpper("aB", 1) + " " + char.IsWhiteSpace("x y", 1));
        string emoji = "a\U0001F600b";
        Console.WriteLine("emoji length " + emoji.Length + " high " + char.IsHighSurrogate(emoji[1]) + " low " + char.IsLowSurrogate(emoji[2]) + " pair " + char.IsSurrogatePair(emoji[1], emoji[2]) + " surrogate " + char.IsSurrogate(emoji, 2));
        int cp = char.ConvertToUtf32(emoji, 1);
        Console.WriteLine("code point " + cp.ToString("X") + " back " + (char.ConvertFromUtf32(cp) == emoji.Substring(1, 2)) + " utf8 bytes " + Encoding.UTF8.GetByteCount(emoji));
        Console.WriteLine("compare " + 'a'.CompareTo('b') + " " + 'z'.CompareTo('a') + " equals " + 'q'.Equals('q') + " " + 'q'.Equals((object)"q"));
        Console.WriteLine("arithmetic " + (char)('a' + 2) + " " + ('z' - 'a') + " " + (int)'A' + " " + Convert.ToChar(66) + " " + (char)0x263A);
        Console.WriteLine("parse " + char.Parse("x") + " tryparse " + (char.TryParse("xy", out char r) ? "ok" : "fail") + " " + (int)r);
        Console.WriteLine("tostring " + 'c'.ToString() + char.ToString('d') + " max " + (int)char.MaxValue + " min " + (int)char.MinValue);
        Console.WriteLine("upper culture " + char.ToUpper('i', CultureInfo.InvariantCulture) + char.ToUpper('ß') + char.ToLower('Σ') + char.ToUpper('é'));
        var sb = new StringBuilder();
        foreach (char c in "Hello, World 2024!")
            sb.Append(char.IsLetter(c) ? (char.IsUpper(c) ? char.ToLower(c) : char.ToUpper(c)) : char.IsDigit(c) ? '#' : c);
        Console.WriteLine("swapped " + sb);
        int vowels = 0, consonants = 0;
        foreach (char c in "The quick brown fox jumps over the lazy dog".ToLowerInvariant())
            if ("aeiou".IndexOf(c) >= 0) vowels++; else if (char.IsLetter(c)) consonants++;
        Console.WriteLine("vowels " + vowels + " consonants " + consonants);
        char[] chars = "dcba".ToCharArray();
        Array.Sort(chars);
        Console.WriteLine("sorted " + new string(chars) + " hash " + 'A'.GetHashCode() + " " + '\0'.GetHashCode());
        Console.WriteLine("caesar " + Caesar("Attack at Dawn!", 3) + " back " + Caesar(Caesar("Attack at Dawn!", 3), 23));
    }

    static string Caesar(string s, int shift)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (char.IsUpper(c)) chars[i] = (char)('A' + (c - 'A' + shift) % 26);
            else if (char.IsLower(c)) chars[i] = (char)('a' + (c - 'a' + shift) % 26);
        }
        return new string(chars);
    }
}
