// The Mono side of tests/test_jit_random.py: loads a generated library, calls every public static
// parameterless method of the type named on the command line and prints one line per method:
//     name <TAB> value
// integers in decimal, bool 0/1, char as its code, float as f:<hex of the 32 bits>, double as
// d:<hex of the 64 bits>, and an exception as ! and the full name of its type.
using System;
using System.Globalization;
using System.Reflection;

static class GenDriver
{
    static string Format(object o, Type t)
    {
        if (t == typeof(bool)) return (bool)o ? "1" : "0";
        if (t == typeof(char)) return ((int)(char)o).ToString(CultureInfo.InvariantCulture);
        if (t == typeof(float)) return "f:" + BitConverter.ToUInt32(BitConverter.GetBytes((float)o), 0).ToString("x8");
        if (t == typeof(double)) return "d:" + BitConverter.DoubleToInt64Bits((double)o).ToString("x16");
        return Convert.ToString(o, CultureInfo.InvariantCulture);
    }

    static int Main(string[] args)
    {
        // Load(byte[]): the test cache names every assembly "prog", this driver too.
        Assembly asm = Assembly.Load(System.IO.File.ReadAllBytes(args[0]));
        Type type = asm.GetType(args[1], true);
        foreach (MethodInfo m in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
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
                // Mono 6.8 does not wrap the exceptions its JIT'd code raises itself (overflow,
                // division by zero) in a TargetInvocationException.
                v = "!" + e.GetType().FullName;
            }
            Console.WriteLine(m.Name + "\t" + v);
        }
        return 0;
    }
}
