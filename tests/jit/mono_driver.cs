// The Mono side of the JIT's differential tests: loads a test assembly, calls every public static
// parameterless method whose name starts with "test_", and prints one line per method:
//     Type::method <TAB> value
// in the canonical form tests/jit/harness.py also produces for clrpy's results.
using System;
using System.Globalization;
using System.Reflection;
using System.Text;

static class MonoDriver
{
    static string Format(object o, Type t)
    {
        if (t == typeof(void)) return "void";
        if (o == null) return "null";
        if (t == typeof(bool)) return (bool)o ? "1" : "0";
        if (t == typeof(char)) return ((int)(char)o).ToString(CultureInfo.InvariantCulture);
        if (t == typeof(float)) return "f:" + BitConverter.ToInt32(BitConverter.GetBytes((float)o), 0).ToString("x8");
        if (t == typeof(double)) return "d:" + BitConverter.DoubleToInt64Bits((double)o).ToString("x16");
        if (t == typeof(IntPtr)) return ((IntPtr)o).ToInt64().ToString(CultureInfo.InvariantCulture);
        if (t == typeof(UIntPtr)) return ((UIntPtr)o).ToUInt64().ToString(CultureInfo.InvariantCulture);
        if (t == typeof(string))
        {
            string s = (string)o;
            var sb = new StringBuilder("s:");
            for (int i = 0; i < s.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(((int)s[i]).ToString(CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }
        if (t.IsPrimitive) return Convert.ToString(o, CultureInfo.InvariantCulture);
        return "?" + t.FullName;
    }

    static int Main(string[] args)
    {
        // Load(byte[]), not LoadFrom: every test assembly and this driver are all named "prog" (the
        // test build cache compiles everything as prog.*), and LoadFrom would return this assembly.
        Assembly asm = Assembly.Load(System.IO.File.ReadAllBytes(args[0]));
        foreach (Type t in asm.GetTypes())
        {
            foreach (MethodInfo m in t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!m.Name.StartsWith("test_", StringComparison.Ordinal) || m.GetParameters().Length != 0) continue;
                string v;
                try
                {
                    v = Format(m.Invoke(null, null), m.ReturnType);
                }
                catch (TargetInvocationException e)
                {
                    v = "!" + e.InnerException.GetType().FullName;
                }
                catch (Exception e)
                {
                    v = "!" + e.GetType().FullName;
                }
                Console.WriteLine(t.FullName + "::" + m.Name + "\t" + v);
            }
        }
        return 0;
    }
}
