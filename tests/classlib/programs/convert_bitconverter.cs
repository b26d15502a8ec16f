// Convert and BitConverter: conversions between types, bases, Base64, and the byte forms of values.
using System;
using System.Globalization;

static class Program
{
    static void Try(string label, Func<object> f)
    {
        try
        {
            object v = f();
            Console.WriteLine(label + " = " + (v is IFormattable x ? x.ToString(null, CultureInfo.InvariantCulture) : v));
        }
        catch (Exception e)
        {
            Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message);
        }
    }

    static string Hex(byte[] b) { return BitConverter.ToString(b); }

    static void Main()
    {
        Try("ToInt32 str", () => Convert.ToInt32("123"));
        Try("ToInt32 null", () => Convert.ToInt32((string)null));
        Try("ToInt32 double", () => Convert.ToInt32(2.5));
        Try("ToInt32 double 3.5", () => Convert.ToInt32(3.5));
        Try("ToInt32 -2.5", () => Convert.ToInt32(-2.5));
        Try("ToInt32 big", () => Convert.ToInt32(3e10));
        Try("ToByte 300", () => Convert.ToByte(300));
        Try("ToInt64 decimal", () => Convert.ToInt64(12345.6789m));
        Try("ToDouble str", () => Convert.ToDouble("1.5e2", CultureInfo.InvariantCulture));
        Try("ToDecimal", () => Convert.ToDecimal(0.1));
        Try("ToBoolean str", () => Convert.ToBoolean("TRUE"));
        Try("ToBoolean int", () => Convert.ToBoolean(0));
        Try("ToBoolean bad", () => Convert.ToBoolean("maybe"));
        Try("ToChar", () => Convert.ToChar(65));
        Try("ToChar str", () => Convert.ToChar("ab"));
        Try("ToString base2", () => Convert.ToString(42, 2));
        Try("ToString base8", () => Convert.ToString(-8, 8));
        Try("ToString base16", () => Convert.ToString(-1L, 16));
        Try("ToString base3", () => Convert.ToString(5, 3));
        Try("ToInt32 base16", () => Convert.ToInt32("ff", 16));
        Try("ToInt32 base2", () => Convert.ToInt32("101010", 2));
        Try("ToInt64 base16 neg", () => Convert.ToInt64("ffffffffffffffff", 16));
        Try("ToInt32 base16 0x", () => Convert.ToInt32("0x1A", 16));
        Try("ToInt32 base2 bad", () => Convert.ToInt32("102", 2));
        Try("ChangeType", () => Convert.ChangeType("42", typeof(int)));
        Try("ChangeType double", () => Convert.ChangeType(7, typeof(double)));
        Try("ToString double", () => Convert.ToString(1.25, CultureInfo.InvariantCulture));
        Try("ToString bool", () => Convert.ToString(true));
        var bytes = new byte[] { 0, 1, 2, 250, 251, 252, 253, 254, 255, 77, 97 };
        string b64 = Convert.ToBase64String(bytes);
        Console.WriteLine(b64);
        Console.WriteLine(Hex(Convert.FromBase64String(b64)));
        Console.WriteLine(Convert.ToBase64String(new byte[0]) + "|" + Convert.ToBase64String(new byte[] { 1 }) + "|" + Convert.ToBase64String(new byte[] { 1, 2 }));
        Console.WriteLine(Convert.ToBase64String(new byte[100], Base64FormattingOptions.InsertLineBreaks).Length);
        Try("FromBase64 bad", () => Convert.FromBase64String("abc"));
        char[] cs = new char[20];
        int n = Convert.ToBase64CharArray(bytes, 0, 5, cs, 0);
        Console.WriteLine(n + " " + new string(cs, 0, n));
        Console.WriteLine(Hex(BitConverter.GetBytes(0x12345678)));
        Console.WriteLine(Hex(BitConverter.GetBytes(-1L)));
        Console.WriteLine(Hex(BitConverter.GetBytes((short)-2)));
        Console.WriteLine(Hex(BitConverter.GetBytes(1.0)));
        Console.WriteLine(Hex(BitConverter.GetBytes(1.5f)));
        Console.WriteLine(Hex(BitConverter.GetBytes(true)));
        Console.WriteLine(Hex(BitConverter.GetBytes('A')));
        Console.WriteLine(Hex(BitConverter.GetBytes(ulong.MaxValue)));
        var buf = new byte[] { 0x78, 0x56, 0x34, 0x12, 0xEF, 0xCD, 0xAB, 0x90, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F };
        Console.WriteLine(BitConverter.ToInt32(buf, 0).ToString("X") + " " + BitConverter.ToUInt32(buf, 4).ToString("X"));
        Console.WriteLine(BitConverter.ToInt64(buf, 0).ToString("X") + " " + BitConverter.ToInt16(buf, 2));
        Console.WriteLine(BitConverter.ToDouble(buf, 8).ToString(CultureInfo.InvariantCulture) + " " + BitConverter.ToBoolean(buf, 1));
        Console.WriteLine(BitConverter.ToString(buf, 4) + " " + BitConverter.ToString(buf, 2, 3));
        Console.WriteLine(BitConverter.DoubleToInt64Bits(-0.0).ToString("X") + " " + BitConverter.Int64BitsToDouble(0x4009_21FB_5444_2D18).ToString(CultureInfo.InvariantCulture));
        Console.WriteLine(BitConverter.IsLittleEndian);
        Try("ToInt32 short buf", () => BitConverter.ToInt32(new byte[3], 0));
        Try("ToInt32 null", () => BitConverter.ToInt32(null, 0));
        Try("ToInt32 index", () => BitConverter.ToInt32(new byte[8], 9));
        Console.WriteLine(Convert.ToByte(true) + " " + Convert.ToSByte("-5") + " " + Convert.ToUInt16('z') + " " + Convert.ToInt16(-3.7f));
        Console.WriteLine(Convert.IsDBNull(DBNull.Value) + " " + Convert.GetTypeCode(1.5m) + " " + Convert.ToDateTime("2020-02-29", CultureInfo.InvariantCulture).DayOfWeek);
    }
}
