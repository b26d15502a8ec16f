// System.Text encodings: UTF-8/UTF-16/ASCII/Latin-1 bytes, round trips, invalid bytes, preambles, counting, StringReader/Writer.
using System;
using System.IO;
using System.Text;

static class Program
{
    static string Hex(byte[] b) { return BitConverter.ToString(b); }

    static void Main()
    {
        string s = "Aé€😀";
        Console.WriteLine("utf8 " + Hex(Encoding.UTF8.GetBytes(s)) + " count " + Encoding.UTF8.GetByteCount(s) + " chars " + s.Length);
        Console.WriteLine("utf16 " + Hex(Encoding.Unicode.GetBytes(s)) + " big endian " + Hex(Encoding.BigEndianUnicode.GetBytes("Aé")));
        Console.WriteLine("utf32 " + Hex(Encoding.UTF32.GetBytes("A😀")));
        Console.WriteLine("ascii " + Hex(Encoding.ASCII.GetBytes(s)) + " back " + Encoding.ASCII.GetString(Encoding.ASCII.GetBytes(s)));
        var latin1 = Encoding.GetEncoding("iso-8859-1");
        Console.WriteLine("latin1 " + Hex(latin1.GetBytes("Aé€")) + " name " + latin1.WebName + " back " + latin1.GetString(new byte[] { 0x41, 0xE9, 0xFF }));
        Console.WriteLine("round trip " + (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s) + " " + (Encoding.Unicode.GetString(Encoding.Unicode.GetBytes(s)) == s) + " " + (Encoding.UTF32.GetString(Encoding.UTF32.GetBytes(s)) == s));
        var invalid = new byte[] { 0x41, 0xC3, 0x28, 0xFF, 0xE2, 0x82, 0x42 };
        string decoded = Encoding.UTF8.GetString(invalid);
        Console.WriteLine("invalid utf8 length " + decoded.Length + " codes " + string.Join(" ", Array.ConvertAll(decoded.ToCharArray(), c => ((int)c).ToString("X4"))));
        try { new UTF8Encoding(false, true).GetString(invalid); }
        catch (DecoderFallbackException ex) { Console.WriteLine("strict decoder: " + ex.GetType().Name); }
        Console.WriteLine("preambles " + Hex(Encoding.UTF8.GetPreamble()) + " | " + Hex(Encoding.Unicode.GetPreamble()) + " | " + new UTF8Encoding(false).GetPreamble().Length);
        Console.WriteLine("names " + Encoding.UTF8.WebName + " " + Encoding.Unicode.WebName + " " + Encoding.ASCII.WebName + " " + Encoding.UTF8.CodePage + " " + Encoding.GetEncoding(65001).EncodingName);
        Console.WriteLine("max counts " + Encoding.UTF8.GetMaxByteCount(10) + " " + Encoding.UTF8.GetMaxCharCount(10) + " " + Encoding.Unicode.GetMaxByteCount(10));
        var chars = new char[10];
        int n = Encoding.UTF8.GetChars(new byte[] { 0x68, 0x69, 0xE2, 0x82, 0xAC }, 0, 5, chars, 0);
        Console.WriteLine("get chars " + n + " " + new string(chars, 0, n));
        var decoder = Encoding.UTF8.GetDecoder();
        var outChars = new char[4];
        int c1 = decoder.GetChars(new byte[] { 0xE2, 0x82 }, 0, 2, outChars, 0);
        int c2 = decoder.GetChars(new byte[] { 0xAC }, 0, 1, outChars, c1);
        Console.WriteLine("split sequence " + c1 + " " + c2 + " " + outChars[0]);
        using (var writer = new StringWriter())
        {
            writer.Write("abc");
            writer.WriteLine(42);
            writer.Write("{0:F1}|", 2.25);
            writer.WriteLine();
            Console.Write("string writer: " + writer.ToString().Replace("\n", "\\n"));
            Console.WriteLine();
        }
        using (var reader = new StringReader("first\nsecond\r\nthird"))
        {
            Console.WriteLine("peek " + (char)reader.Peek() + " read " + (char)reader.Read());
            string line;
            while ((line = reader.ReadLine()) != null)
                Console.WriteLine("line [" + line + "]");
            Console.WriteLine("end " + reader.Read());
        }
        var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, new UTF8Encoding(true), 16, true))
            w.Write("héllo");
        Console.WriteLine("stream bytes " + Hex(ms.ToArray()));
        ms.Position = 0;
        using (var r = new StreamReader(ms))
            Console.WriteLine("stream text " + r.ReadToEnd() + " encoding " + r.CurrentEncoding.WebName);
        var bw = new MemoryStream();
        using (var w = new BinaryWriter(bw, Encoding.UTF8, true))
        {
            w.Write(1); w.Write(2.5); w.Write("str"); w.Write(true); w.Write((byte)9); w.Write(-7L); w.Write('€');
        }
        Console.WriteLine("binary " + Hex(bw.ToArray()));
        bw.Position = 0;
        using (var r = new BinaryReader(bw))
            Console.WriteLine("read back " + r.ReadInt32() + " " + r.ReadDouble() + " " + r.ReadString() + " " + r.ReadBoolean() + " " + r.ReadByte() + " " + r.ReadInt64() + " " + r.ReadChar());
    }
}
