// Stack traces with source lines (clrpy run --debug against mono --debug): throws in blocks Mono
// lays out of line, calls inside such blocks, #line directives naming other files (the symbol
// file's set-file opcode, line jumps backwards), loops, lambdas, iterators, and a trace read by
// the program itself.
using System;
using System.Collections.Generic;

namespace Symbols
{
    class Program
    {
        static int Twice(int x) {
            if (x > 3) throw new ArgumentException("too big: " + x);
            return x * 2;
        }

        static string Describe(int x) { throw new FormatException("cannot describe " + x); }

        static int InsideThrowBlock(int x) {
            if (x > 0)
                throw new InvalidOperationException(Describe(x));
            return 0;
        }

#line 200 "generated/other.cs"
        static int Elsewhere(int x) {
            int y = x + 1;
            y = Twice(y);
            return y;
        }
#line 40 "/abs/elsewhere.cs"
        static int Loop(int n) {
            int s = 0;
            for (int i = 0; i < n; i++)
                s += Elsewhere(i);
            return s;
        }
#line default

        static IEnumerable<int> Numbers(int n) {
            for (int i = 0; i < n; i++) {
                if (i == 2) throw new NotSupportedException("no two");
                yield return i;
            }
        }

        static int Switch(int k) {
            switch (k) {
                case 0: return 1;
                case 1: throw new TimeoutException("case one");
                default: return Twice(k + 10);
            }
        }

        static int Main(string[] args) {
            Func<int, int> f = n => Loop(n) + 1;
            switch (args[0]) {
                case "twice": return Twice(7);
                case "describe": return InsideThrowBlock(3);
                case "lines": return f(9);
                case "iterator": { int s = 0; foreach (int i in Numbers(5)) s += i; return s; }
                case "switch": return Switch(1) + Switch(5);
                case "caught":
                    try { f(6); }
                    catch (ArgumentException e) { throw new Exception("seen:\n" + e.StackTrace); }
                    return 0;
            }
            return 0;
        }
    }
}
