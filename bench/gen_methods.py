"""Generates a C# program with thousands of distinct small static methods, for measuring the JIT.

`generate(n, seed)` returns the source of a program whose `Main` calls each of `n` generated methods
exactly once, through a few group methods, and returns a checksum of their results (masked to 0..127)
as the exit code. The methods use no class library at all (no strings, no Console, no array
initialisers), only what the JIT compiles by itself: int, long and double arithmetic with branches,
loops, `switch`, arrays of primitives, static fields, and calls to other generated methods (leaf
methods only, so every method does a bounded amount of work). Every constant is drawn from a seeded
random generator, so the methods differ and a seed always gives the same program.

Run it to write a program: `python bench/gen_methods.py [--methods N] [--seed S] OUT.cs`.
"""
import argparse
import random

GROUP_SIZE = 100


class _Gen:
    def __init__(self, seed: int):
        self.rnd = random.Random(seed)
        self.leaves = []            # (name, kind) of methods that call nothing: "ii" (int,int)->int, ...
        self.fields = []

    def k(self, lo=1, hi=1000) -> int:
        return self.rnd.randint(lo, hi)

    # Each shape returns (source, call expression building an int from an int `x`, leaf kind or None).
    def arith(self, name):
        a, b, c, d = self.k(), self.k(2, 50), self.k(), self.k(1, 31)
        op = self.rnd.choice(["^", "|", "&", "+", "-"])
        src = (f"    static int {name}(int a, int b) {{\n"
               f"        int r = a * {b} + (b {op} {a});\n"
               f"        if (r > {c * 10}) r -= a << {d % 5}; else if (r < -{c}) r = -r; else r ^= b;\n"
               f"        r = (r >> 3) + (r % {self.k(3, 97)});\n"
               f"        return r + {c};\n    }}\n")
        return src, f"{name}(x, {self.k()})", "ii"

    def loop(self, name):
        a, b, c = self.k(1, 20), self.k(), self.k(1, 7)
        src = (f"    static int {name}(int n) {{\n"
               f"        int s = {b};\n"
               f"        for (int i = 0; i < (n & 15) + {a}; i++) {{\n"
               f"            s += i * {c};\n"
               f"            if ((s & 1) == 0) s ^= {self.k()}; else s -= i;\n"
               f"        }}\n"
               f"        int j = {self.k(1, 9)};\n"
               f"        while (j > 0) {{ s = s * 3 + j; j--; }}\n"
               f"        return s;\n    }}\n")
        return src, f"{name}(x)", "i"

    def switch(self, name):
        cases = self.rnd.randint(4, 10)
        body = []
        for i in range(cases):
            body.append(f"            case {i}: return x {self.rnd.choice(['+', '-', '*', '^'])} {self.k()};")
        src = (f"    static int {name}(int x) {{\n"
               f"        switch (x % {cases + 2} < 0 ? -(x % {cases + 2}) : x % {cases + 2}) {{\n"
               + "\n".join(body) + "\n"
               f"            default: return -x + {self.k()};\n"
               f"        }}\n    }}\n")
        return src, f"{name}(x)", "i"

    def longs(self, name):
        a, b, c = self.k(1000, 1000000), self.k(3, 1000), self.k(1, 40)
        src = (f"    static long {name}(long a, int b) {{\n"
               f"        long r = a * {a}L + b;\n"
               f"        r ^= r >> {c};\n"
               f"        if (r < 0) r = -r;\n"
               f"        for (int i = 0; i < {self.k(1, 6)}; i++) r = r * {self.k(2, 9)} + i;\n"
               f"        return r % {b}L + (r / {self.k(7, 100000)}L & 1023L);\n    }}\n")
        return src, f"(int){name}(x, {self.k()})", None

    def doubles(self, name):
        a, b, c = self.k(1, 100) / 8.0, self.k(100, 10000) * 1.0, self.k(1, 50) / 4.0
        src = (f"    static double {name}(double x, int n) {{\n"
               f"        double r = x * {a!r} + n;\n"
               f"        if (r > {b!r}) r = r / 3.0; else r = r * 1.5 - {c!r};\n"
               f"        for (int i = 0; i < {self.k(1, 8)}; i++) r = r * 0.5 + i;\n"
               f"        return r - {c!r};\n    }}\n")
        return src, f"(int){name}(x & 4095, {self.k(1, 100)})", None

    def arrays(self, name):
        t = self.rnd.choice(["int", "long", "double", "byte", "short"])
        cast = "" if t in ("int", "long", "double") else f"({t})"
        acc = "long" if t == "long" else "double" if t == "double" else "int"
        src = (f"    static int {name}(int n) {{\n"
               f"        {t}[] a = new {t}[(n & 31) + {self.k(1, 40)}];\n"
               f"        for (int i = 0; i < a.Length; i++) a[i] = {cast}(i * {self.k(1, 9)} + {self.k(0, 50)});\n"
               f"        {acc} s = 0;\n"
               f"        for (int i = a.Length - 1; i >= 0; i -= {self.k(1, 3)}) s += a[i];\n"
               f"        return (int)s + a.Length;\n    }}\n")
        return src, f"{name}(x)", "i"

    def statics(self, name):
        f1 = f"F_{name}"
        self.fields.append(f"    static int {f1};")
        other = self.rnd.choice(self.fields[:-1]).split()[-1].rstrip(";") if len(self.fields) > 1 else f1
        src = (f"    static int {name}(int x) {{\n"
               f"        {f1} += x * {self.k(1, 20)};\n"
               f"        {other} ^= {f1} >> {self.k(1, 5)};\n"
               f"        if ({f1} > {self.k(1000, 100000)}) {f1} = {f1} % {self.k(10, 1000)};\n"
               f"        return {f1} + {other};\n    }}\n")
        return src, f"{name}(x)", None

    def calls(self, name):
        if len(self.leaves) < 2:
            return self.arith(name)
        picks = self.rnd.sample(self.leaves, min(len(self.leaves), self.rnd.randint(1, 3)))
        terms = []
        for callee, kind in picks:
            terms.append(f"{callee}(x + {self.k(0, 9)}, {self.k()})" if kind == "ii" else f"{callee}(x ^ {self.k(0, 9)})")
        src = (f"    static int {name}(int x) {{\n"
               f"        int r = {' + '.join(terms)};\n"
               f"        if (r < 0) r = {picks[0][0]}({'r, 1' if picks[0][1] == 'ii' else 'r'});\n"
               f"        return r;\n    }}\n")
        return src, f"{name}(x)", None


SHAPES = ("arith", "loop", "switch", "longs", "doubles", "arrays", "statics", "calls")


def generate(n: int = 2000, seed: int = 1) -> str:
    """The C# source of the program (class `Generated`, methods M0..M{n-1})."""
    g = _Gen(seed)
    methods, calls = [], []
    for i in range(n):
        name = f"M{i}"
        shape = SHAPES[i % len(SHAPES)] if i < len(SHAPES) else g.rnd.choice(SHAPES)
        src, call, leaf = getattr(g, shape)(name)
        methods.append(src)
        calls.append(call)
        if leaf:
            g.leaves.append((name, leaf))
    groups = []
    for start in range(0, n, GROUP_SIZE):
        body = "\n".join(f"        acc = acc * 31 + {c};" for c in calls[start:start + GROUP_SIZE])
        groups.append(f"    static int Group{start // GROUP_SIZE}(int x) {{\n        int acc = x;\n{body}\n"
                      f"        return acc;\n    }}\n")
    main = ("    static int Main() {\n        int acc = 17;\n"
            + "\n".join(f"        acc = acc * 7 + Group{i}(acc & 1023);" for i in range(len(groups)))
            + "\n        return acc & 127;\n    }\n")
    return ("// Generated by bench/gen_methods.py: " f"{n} methods, seed {seed}. Uses no class library.\n"
            "static class Generated {\n" + "\n".join(g.fields) + "\n\n" + "".join(methods) + "".join(groups)
            + main + "}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("out", help="the .cs file to write")
    parser.add_argument("--methods", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with open(args.out, "w") as f:
        f.write(generate(args.methods, args.seed))


if __name__ == "__main__":
    main()
