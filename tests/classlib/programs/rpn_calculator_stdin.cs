// A reverse-Polish calculator over standard input: parsing, a stack, errors reported per line.
// run: {"stdin": "3 4 +\n5 1 2 + 4 * + 3 -\n2 3 ^ 2 /\n1 0 /\n1 +\nfoo\n10 3 %\n2.5 4 *\n9 sqrt neg\n\n1 2 3\n"}
// run: {"stdin": "100 7 / 7 *\n-3 abs 4 max\n1e3 1 -"}
using System;
using System.Collections.Generic;
using System.Globalization;

static class Program
{
    static double Apply(string op, Stack<double> stack)
    {
        switch (op)
        {
            case "neg": return -stack.Pop();
            case "sqrt": return Math.Sqrt(stack.Pop());
            case "abs": return Math.Abs(stack.Pop());
        }
        double b = stack.Pop(), a = stack.Pop();
        switch (op)
        {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            case "/": if (b == 0) throw new DivideByZeroException(); return a / b;
            case "%": return a % b;
            case "^": return Math.Pow(a, b);
            case "max": return Math.Max(a, b);
            default: throw new FormatException("unknown operator '" + op + "'");
        }
    }

    static void Main()
    {
        string line;
        int number = 0;
        while ((line = Console.ReadLine()) != null)
        {
            number++;
            var tokens = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) { Console.WriteLine(number + ": (empty)"); continue; }
            var stack = new Stack<double>();
            try
            {
                foreach (var t in tokens)
                {
                    double v;
                    if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v))
                        stack.Push(v);
                    else
                        stack.Push(Apply(t, stack));
                }
                if (stack.Count != 1)
                    Console.WriteLine(number + ": error: " + stack.Count + " values left (" + string.Join(" ", stack) + ")");
                else
                    Console.WriteLine(number + ": " + line + " = " + stack.Pop().ToString(CultureInfo.InvariantCulture));
            }
            catch (InvalidOperationException ex) { Console.WriteLine(number + ": stack underflow: " + ex.Message); }
            catch (DivideByZeroException ex) { Console.WriteLine(number + ": " + ex.Message); }
            catch (FormatException ex) { Console.WriteLine(number + ": " + ex.Message); }
        }
        Console.WriteLine("done after " + number + " lines");
    }
}
