"""A seeded generator of random, type-correct C# arithmetic expressions, for differential tests of the JIT.

`generate(seed, count)` returns a `Program`: the C# source of a library with one class `G.T` holding
`count` methods `public static <type> m_<n>()`. Each method declares a few locals, initialised from
interesting constants of their type (zero, ±1, MinValue/MaxValue, powers of two ±1, NaN, ±Infinity,
-0.0, denormals, values at the edges of the integer ranges and of the float-to-integer conversions,
random values), computes one random expression over them and returns it. The same seed always gives
the same program.

The expressions cover every primitive type (sbyte, byte, short, ushort, int, uint, long, ulong, char,
bool, float, double) with the C# operators + - * / % & | ^ << >> ~, unary -, !, the comparisons,
== and !=, ?: (also with branches of different types that C# widens), && and ||, assignments
(=, op=, ++, --) whose value is used, explicit casts between all numeric types, `checked(...)` and
`unchecked(...)` (so checked casts and checked arithmetic: conv.ovf.*, add.ovf, ...), and the
System.Math methods Abs, Min, Max, Sqrt, Floor, Ceiling, Round and Truncate. A quarter of the
methods are chains of casts of one value, for the conversion matrix at its edges.

Every program must compile, so the generator follows C#'s typing rules: it builds each expression
top-down for a wanted static type, knows the result type of every operator (binary numeric promotion,
the operand types an operator rejects, e.g. ulong with a signed type, and unary minus of a ulong) and
adds an explicit cast wherever the operator's result type is not the wanted one. A left operand is
never a literal (a right one sometimes is, and then not a zero divisor), so no subexpression is a
constant expression: there are no compile-time errors for a constant division by zero or a constant
overflow in a checked context. Two quirks of mcs are avoided too: it parses `x < (F((T)(y), z))` as
the start of a generic type argument list, and it folds `x & 0` into a constant.

Half the methods copy their initial values from static fields of a second class `G.V` instead of
literals (and read and assign those fields directly too): neither Mono's JIT nor LLVM can then fold
the expression, so the machine instructions run; in the other half both JITs see constants, which
exercises their constant folding.

Mono 6.8's JIT (amd64), the oracle, has bugs that the generator steers around (each place says which);
in each case ECMA-335, Mono's own interpreter (mono --interpreter) and clrpy agree on the other result:
  M1  conv.ovf.u8 of a negative int32 that an arithmetic instruction has just computed zero-extends it
      instead of raising OverflowException (ECMA-335 III.3.19):
          int a = -5, b = 3; return checked((ulong)(a + b));                 // Mono: 4294967294
  M2  a 64-bit mul whose right operand is a constant -2^31 (a long or ulong literal or a local whose
      constant value Mono propagates, or the literal int.MinValue widened) multiplies by +2^31:
          long x = 70; return x * -2147483648L;                               // Mono: 150323855360
  M3  conv.r.un of a uint64 at or above 2^63 rounds a tie up instead of to even (ECMA-335 I.12.1.3:
      IEC 60559 round to nearest):
          ulong u = 0x8000000000000400; return (double)u;                     // Mono: 0x43E0000000000001
  M4  conv.ovf.u1 and conv.ovf.u1.un check all 64 bits of the register an int32 is in, so they raise
      OverflowException for an in-range value when the upper half holds garbage: after conv.u4 from a
      float (cvttsd2si's upper half), or after a shift Mono constant-folded in 64 bits:
          float f = 12884901888f; return checked((byte)unchecked((uint)f));  // Mono: overflow, not 0
          int a = 0x40000001, c = 2; return checked((byte)(a << c));          // Mono: overflow, not 4
  M5  a 32-bit mul.ovf.un (checked uint multiplication; x86 `mul` also writes EDX) can overwrite
      another value Mono keeps in a register:
          ushort b = 16385; uint a = 0;   // a read from a static field
          return checked((char)(a * b)) / (float)(byte)b;                     // Mono: NaN, not 0
  M6  Mono's JIT itself dies of SIGFPE when its constant folding divides by a 32-bit divisor that a
      folded shift or multiplication made zero:
          uint a = 780358755, b = 10; int c = 31; return a / ((b << c) + 0);  // Mono: crash
"""
import math
import random
import struct
from dataclasses import dataclass

# C# keyword -> (CLR name, bits, signed); floats and bool have bits 0.
TYPES = {
    "sbyte": ("System.SByte", 8, True), "byte": ("System.Byte", 8, False),
    "short": ("System.Int16", 16, True), "ushort": ("System.UInt16", 16, False),
    "int": ("System.Int32", 32, True), "uint": ("System.UInt32", 32, False),
    "long": ("System.Int64", 64, True), "ulong": ("System.UInt64", 64, False),
    "char": ("System.Char", 16, False), "bool": ("System.Boolean", 0, False),
    "float": ("System.Single", 0, True), "double": ("System.Double", 0, True),
}
ALL = list(TYPES)
INTEGRAL = ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "char"]
FLOATING = ["float", "double"]
NUMERIC = INTEGRAL + FLOATING
SIGNED_INTEGRAL = {"sbyte", "short", "int", "long"}
# Types implicitly convertible to int: the type of a shift count.
SHIFT_COUNT = ["sbyte", "byte", "short", "ushort", "char", "int"]
SMALL = {"sbyte", "byte", "short", "ushort", "char"}


def int_range(t):
    _, bits, signed = TYPES[t]
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


# -- C# typing rules -----------------------------------------------------------------------------------
def promote(a, b):
    """The operand type of a binary numeric operator on an `a` and a `b` (C# binary numeric promotion),
    or None if C# rejects the pair."""
    if "bool" in (a, b):
        return None
    if "double" in (a, b):
        return "double"
    if "float" in (a, b):
        return "float"
    if "ulong" in (a, b):
        other = b if a == "ulong" else a
        return None if other in SIGNED_INTEGRAL else "ulong"
    if "long" in (a, b):
        return "long"
    if "uint" in (a, b):
        other = b if a == "uint" else a
        return "long" if other in SIGNED_INTEGRAL else "uint"
    return "int"


# Implicit numeric conversions (C# 6.1.2): the types each type widens to.
IMPLICIT = {
    "sbyte": ["short", "int", "long", "float", "double"],
    "byte": ["short", "ushort", "int", "uint", "long", "ulong", "float", "double"],
    "short": ["int", "long", "float", "double"],
    "ushort": ["int", "uint", "long", "ulong", "float", "double"],
    "int": ["long", "float", "double"],
    "uint": ["long", "ulong", "float", "double"],
    "long": ["float", "double"],
    "ulong": ["float", "double"],
    "char": ["ushort", "int", "uint", "long", "ulong", "float", "double"],
    "float": ["double"],
    "double": [],
    "bool": [],
}


def unary_promote(t):
    """The operand type of ~ and of a shift's left operand."""
    return "int" if t in SMALL or t == "int" else t


def negate_type(t):
    """The result type of unary minus, or None (a ulong operand is ambiguous)."""
    if t in SMALL or t == "int":
        return "int"
    if t == "uint":
        return "long"
    return None if t == "ulong" else t


# -- constants -----------------------------------------------------------------------------------------
def f32(x: float) -> float:
    """The float32 nearest `x` (round to nearest even), as a Python float."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def _bits_to_f32(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def _bits_to_f64(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


_FLOAT_EDGES = [
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5, 0.49999997, 0.99999994,
    math.nan, math.inf, -math.inf,
    127.5, -128.5, 128.0, -129.0, 255.5, 256.0, 32767.5, -32768.5, 32768.0, 65535.5, 65536.0,
    2147483520.0, 2147483648.0, -2147483648.0, -2147483904.0, 4294967040.0, 4294967296.0,
    9223371487098961920.0, 9223372036854775808.0, -9223372036854775808.0, -9223373136366403584.0,
    18446742974197923840.0, 18446744073709551616.0, 1e10, -1e10, 1e20, 1e30, -1e38,
]
_FLOAT_BITS = [0x7F7FFFFF, 0xFF7FFFFF, 0x00800000, 0x80800000, 0x00000001, 0x80000001, 0x007FFFFF,
               0x34000000, 0x33800000]  # Max, -Max, smallest normal, denormals, epsilon-ish
_DOUBLE_EDGES = _FLOAT_EDGES + [
    1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308, 5e-324,
    -5e-324, 2.225073858507201e-308, 0.49999999999999994, 2147483647.0, 2147483647.5, 2147483647.9999998,
    -2147483648.9999998, -2147483649.0, 4294967295.0, 4294967295.5, 4294967296.0,
    9223372036854774784.0, -9223372036854777856.0, 18446744073709549568.0, 1e16, 4503599627370496.5,
    4503599627370497.0, 1e-300, 0.1, -0.1, 1.0000000000000002,
]


class _Values:
    def __init__(self, rnd: random.Random):
        self.rnd = rnd

    def integral(self, t) -> int:
        r = self.rnd
        lo, hi = int_range(t)
        bits = TYPES[t][1]
        k = r.random()
        if k < 0.35:
            v = r.choice([0, 1, -1, 2, -2, lo, hi, lo + 1, hi - 1, 3, 7, 10, 100, -100, 31, 32, 63, 64, 65])
        elif k < 0.65:
            p = 1 << r.randrange(0, bits)
            v = r.choice([p, p - 1, p + 1, -p, -p + 1, -p - 1])
        elif k < 0.85:
            v = r.randint(lo, hi)
        else:
            v = r.randint(-300, 300)
        return v if lo <= v <= hi else (v - lo) % (hi - lo + 1) + lo

    def floating(self, t) -> float:
        r = self.rnd
        single = t == "float"
        k = r.random()
        if k < 0.4:
            v = r.choice(_FLOAT_EDGES if single else _DOUBLE_EDGES)
        elif k < 0.5:
            v = (_bits_to_f32(r.choice(_FLOAT_BITS)) if single
                 else r.choice([1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e-320]))
        elif k < 0.65:
            e = r.randint(-5, 70)
            v = r.choice([1, -1]) * (2.0 ** e) * r.choice([1.0, 1.0, 1.0 + 2.0 ** -23, 1.0 - 2.0 ** -24, 1.5])
        elif k < 0.8:
            v = float(r.randint(-(1 << r.randint(1, 64)), 1 << r.randint(1, 64)))
        elif k < 0.9:
            v = r.uniform(-1000.0, 1000.0)
            if r.random() < 0.5:
                v = float(round(v * 2) / 2)          # halves: rounding ties
        else:
            v = (_bits_to_f32(r.getrandbits(32)) if single else _bits_to_f64(r.getrandbits(64)))
        if single and not math.isnan(v) and abs(v) < 3.4028235e38:
            v = f32(v)
        elif single and not math.isnan(v) and not math.isinf(v):
            v = math.copysign(3.4028234663852886e38, v)
        return v

    def value(self, t):
        if t == "bool":
            return self.rnd.random() < 0.5
        if t in FLOATING:
            return self.floating(t)
        return self.integral(t)


def literal(t, v) -> str:
    """C# source for the constant `v` of type `t` (an expression of type `t`, or one implicitly
    convertible to it in a declaration)."""
    if t == "bool":
        return "true" if v else "false"
    if t == "char":
        return "'\\u%04x'" % v
    if t in FLOATING:
        if math.isnan(v):
            return f"{t}.NaN"
        if math.isinf(v):
            return f"{t}.{'Positive' if v > 0 else 'Negative'}Infinity"
        if t == "float":
            text = "%.9g" % v
            if "e" not in text and "." not in text:
                text += ".0"
            return text + "f"
        text = repr(v)
        return text + "D"
    lo, _ = int_range(t)
    if t in ("int", "long") and v == lo:
        return f"{t}.MinValue"
    return str(v) + {"uint": "U", "long": "L", "ulong": "UL"}.get(t, "")


# -- the generator -------------------------------------------------------------------------------------
@dataclass
class Method:
    name: str
    return_type: str        # C# keyword
    source: str             # the method's declaration (and the static fields it reads, as a comment)


@dataclass
class Program:
    seed: int
    namespace: str
    class_name: str
    source: str
    methods: list           # of Method


class _MethodGen:
    def __init__(self, rnd, values, fields, name):
        self.rnd = rnd
        self.values = values
        self.fields = fields            # shared list of (field name, type, literal) for G.V
        self.name = name
        self.locals = []                # (name, type, initialiser)
        self.from_fields = rnd.random() < 0.5
        self.nodes = 0
        self.checked = False            # the lexical context: inside checked(...)?

    # leaves
    def local(self, t) -> str:
        same = [n for n, lt, _ in self.locals if lt == t]
        if same and self.rnd.random() < 0.3:
            return self.rnd.choice(same)
        name = f"{'abcdefghijklmnopqrstuvwxyz'[len(self.locals) % 26]}{len(self.locals) // 26 or ''}"
        lit = literal(t, self.value(t))
        if self.from_fields:
            field = f"{self.name}_{name}"
            self.fields.append((field, t, lit))
            init = f"V.{field}"
        else:
            init = lit
        self.locals.append((name, t, init))
        return name

    def value(self, t, literal=False):
        """A value of type `t` for a local or, if `literal`, for a literal."""
        v = self.values.value(t)
        while (v % (1 << 64) == (1 << 64) - (1 << 31)               # Mono bug M2
               and (literal or t in ("long", "ulong") and not self.from_fields)
               or t == "ulong" and v >> 63 and v & 0xFFF == 0x400):  # Mono bug M3 (see widened())
            v = self.values.value(t)
        return v

    def variable(self, name) -> str:
        """The local `name`, or sometimes (when the method's values come from static fields) the
        static field it was initialised from: reads and writes of fields of every type."""
        if self.from_fields and self.rnd.random() < 0.25:
            return f"V.{self.name}_{name}"
        return name

    def constant(self, t, nonzero=False) -> str:
        """A literal of type `t` (small integer types as a cast of an int literal)."""
        v = self.value(t, literal=True)
        if nonzero and t in INTEGRAL and v == 0:
            v = 1           # e.g. an integer division by a constant zero does not compile
        text = literal(t, v)
        if t in SMALL and t != "char":
            return f"(({t})({text}))"
        return f"({text})" if text.startswith("-") else text

    def divisor(self, t, depth, op_type) -> str:
        """The right operand of an integer / or % whose operator type is `op_type`."""
        d = self.operand(t, depth, True)
        if not self.from_fields and op_type in ("int", "uint") and ("<<" in d or "*" in d):
            d = self.variable(self.local(t))       # Mono bug M6: nothing Mono folds to a zero divisor
        return d

    def operand(self, t, depth, nonzero=False) -> str:
        """The right operand of a binary operator: an expression, or sometimes a literal. Left
        operands are never literals, so no operator has two constant operands and no subexpression
        is a constant expression."""
        if self.rnd.random() < 0.15:
            return self.constant(t, nonzero)
        return self.gen(t, depth)

    # checked/unchecked contexts are lexical: a wrapper is chosen before its operand is generated
    def in_context(self, keyword, build) -> str:
        """`build()` inside `keyword(...)` ("checked", "unchecked" or None for no wrapper)."""
        if keyword is None:
            return build()
        outer = self.checked
        self.checked = keyword == "checked"
        try:
            return f"{keyword}({build()})"
        finally:
            self.checked = outer

    def keyword(self, p, p_checked):
        """With probability `p` a wrapper keyword ("checked" with probability `p_checked`), else None."""
        r = self.rnd
        if r.random() < p:
            return "checked" if r.random() < p_checked else "unchecked"
        return None

    def maybe_wrapped(self, p, p_checked, build) -> str:
        return self.in_context(self.keyword(p, p_checked), build)

    # expressions: gen(t, depth) is C# source whose static type is exactly t
    def gen(self, t, depth) -> str:
        self.nodes += 1
        r = self.rnd
        if depth <= 0 or self.nodes > 40 or (self.nodes > 2 and r.random() < 0.12):
            return self.variable(self.local(t))
        if t == "bool":
            return self.gen_bool(depth)
        k = r.random()
        if k < 0.06:
            return self.in_context("checked" if k < 0.03 else "unchecked", lambda: self.gen(t, depth))
        choices = [(self.arith, 30), (self.cast, 22), (self.bitwise, 10 if t not in FLOATING else 2),
                   (self.shift, 8 if t not in FLOATING else 1), (self.unary, 8), (self.conditional, 6),
                   (self.math, 8), (self.assign, 6)]
        fns, weights = zip(*choices)
        return r.choices(fns, weights)[0](t, depth - 1)

    def cast_of(self, t, have, operand) -> str:
        """An explicit cast of the source `operand` (of type `have`) to `t`, in the current context."""
        if self.checked and t == "ulong" and have in ("sbyte", "short", "int") and not operand.isidentifier():
            # Mono bug M1: a signed int32 operand that is not a local goes to long first (conv.i8).
            operand = f"((long)({operand}))"
        if self.checked and t == "byte" and have in ("int", "uint"):
            # Mono bug M4: through short or ushort, whose checked conversions Mono gets right; they
            # overflow for a subset of the values that the conversion to byte overflows for.
            operand = f"(({'short' if have == 'int' else 'ushort'})({operand}))"
        return f"(({t})({self.widened(operand, have, t)}))"

    def widened(self, operand, have, t) -> str:
        """`operand` (of type `have`) ready for a conversion to `t`, explicit or implicit.

        Mono bug M3: a ulong converted to float or double is made odd first (Mono converts odd
        values correctly: its tie rounding goes wrong only for even ones); literals are no ties.
        """
        if have == "ulong" and t in FLOATING and not operand[0].isdigit():
            return f"({operand} | 1UL)"
        return operand

    def coerce(self, t, have, build) -> str:
        """The source `build()` makes (of type `have`) as a `t`: cast explicitly unless the types are
        the same; the cast may be in a checked or unchecked wrapper, chosen before the operand."""
        if have == t:
            return build()
        return self.maybe_wrapped(0.15, 0.5, lambda: self.cast_of(t, have, build()))

    def pick_operands(self, want, ok):
        """Two operand types whose operator type (by `ok(a, b)`) is `want` if possible, else any
        accepted pair; returns (a, b, result type)."""
        r = self.rnd
        pairs = [(a, b) for a in NUMERIC for b in NUMERIC if ok(a, b) is not None]
        exact = [(a, b) for a, b in pairs if ok(a, b) == want]
        a, b = r.choice(exact if exact and r.random() < 0.85 else pairs)
        return a, b, ok(a, b)

    def arith(self, t, depth):
        op = self.rnd.choices(["+", "-", "*", "/", "%"], [3, 3, 3, 2, 2])[0]
        a, b, res = self.pick_operands(t, promote)

        def build():
            keyword = self.keyword(0.12, 0.6)
            if op == "*" and res == "uint" and (keyword or ("checked" if self.checked else None)) == "checked":
                keyword = "unchecked"       # Mono bug M5: no checked uint multiplication
            return self.in_context(keyword, lambda: "({} {} {})".format(
                self.widened(self.gen(a, depth), a, res), op,
                self.widened(self.divisor(b, depth, res) if op in "/%" else self.operand(b, depth), b, res)))
        return self.coerce(t, res, build)

    def bitwise(self, t, depth):
        op = self.rnd.choice(["&", "|", "^"])
        a, b, res = self.pick_operands(t, lambda a, b: None if "float" in (a, b) or "double" in (a, b)
                                       else promote(a, b))
        # nonzero: mcs folds `x & 0` into the constant 0 (then a conversion of it can fail to compile)
        return self.coerce(t, res, lambda: f"({self.gen(a, depth)} {op} {self.operand(b, depth, op == '&')})")

    def shift(self, t, depth):
        r = self.rnd
        exact = [a for a in INTEGRAL if unary_promote(a) == t]
        a = r.choice(exact if exact and r.random() < 0.85 else INTEGRAL)
        count = r.choice(SHIFT_COUNT)
        op = r.choice(["<<", ">>"])
        return self.coerce(t, unary_promote(a), lambda: f"({self.gen(a, depth)} {op} {self.operand(count, depth)})")

    def unary(self, t, depth):
        r = self.rnd
        if t in FLOATING or r.random() < 0.5:
            exact = [a for a in NUMERIC if negate_type(a) == t]
            a = r.choice(exact if exact and r.random() < 0.85 else [a for a in NUMERIC if negate_type(a)])
            return self.coerce(t, negate_type(a), lambda: self.maybe_wrapped(
                0.2, 1.0, lambda: f"(-{self.gen(a, depth)})"))
        exact = [a for a in INTEGRAL if unary_promote(a) == t]
        a = r.choice(exact if exact and r.random() < 0.85 else INTEGRAL)
        return self.coerce(t, unary_promote(a), lambda: f"(~{self.gen(a, depth)})")

    def cast(self, t, depth):
        src = self.rnd.choice(NUMERIC)
        return self.maybe_wrapped(0.3, 0.5, lambda: self.cast_of(t, src, self.gen(src, depth)))

    def conditional(self, t, depth):
        """c ? x : y; sometimes one branch has a narrower type that C# widens implicitly (so the
        branches' IL differ: conv.i8, conv.r8, ... in one of them)."""
        r = self.rnd
        narrower = [n for n in NUMERIC if t in IMPLICIT[n]]
        x_type = y_type = t
        if narrower and r.random() < 0.35:
            if r.random() < 0.5:
                x_type = r.choice(narrower)
            else:
                y_type = r.choice(narrower)
        return (f"({self.gen_bool(depth)} ? {self.widened(self.gen(x_type, depth), x_type, t)} : "
                f"{self.widened(self.gen(y_type, depth), y_type, t)})")

    def math(self, t, depth):
        r = self.rnd
        options = []
        if t in ("sbyte", "short", "int", "long", "float", "double"):
            options.append("Abs")
        if t != "char":
            options += ["Min", "Max"]
        if t == "double":
            options += ["Sqrt", "Floor", "Ceiling", "Round", "Truncate"] * 2
        if not options:
            return self.cast(t, depth)
        name = r.choice(options)
        if name in ("Min", "Max"):
            return f"Math.{name}({self.gen(t, depth)}, {self.gen(t, depth)})"
        return f"Math.{name}({self.gen(t, depth)})"

    def assign(self, t, depth):
        """An assignment expression to a local (its value is the local's new value): =, op=, ++, --.
        Other reads of the local see the value before or after, in C#'s left-to-right order."""
        r = self.rnd
        same = [n for n, lt, _ in self.locals if lt == t]
        x = self.variable(r.choice(same) if same and r.random() < 0.7 else self.local(t))
        k = r.random()
        if k < 0.25:
            return f"({x} = {self.gen(t, depth)})"
        if k < 0.45:
            return r.choice([f"({x}++)", f"({x}--)", f"(++{x})", f"(--{x})"])
        op = r.choice(["+", "-", "*", "/", "%"] + (["&", "|", "^", "<<", ">>"] if t in INTEGRAL else []))

        def build():
            # y has x's own type (then x = (T)(x op y) compiles), or int for a shift
            if op in ("<<", ">>"):
                y = self.operand(r.choice(SHIFT_COUNT), depth)
            elif op in "/%":
                y = self.divisor(t, depth, promote(t, t))
            else:
                y = self.operand(t, depth, op == "&")
            return f"({x} {op}= {y})"
        if op == "*" and t == "uint" and self.checked:
            return self.in_context("unchecked", build)      # Mono bug M5: no checked uint multiplication
        if op == "<<" and t == "byte" and self.checked:
            return self.in_context("unchecked", build)      # Mono bug M4: x = checked((byte)(x << y))
        return build()

    def gen_bool(self, depth):
        r = self.rnd
        self.nodes += 1
        if depth <= 0 or self.nodes > 40 or (self.nodes > 2 and r.random() < 0.1):
            return self.variable(self.local("bool"))
        depth -= 1
        k = r.random()
        if k < 0.45:
            op = r.choice(["<", "<=", ">", ">=", "==", "!="])
            a, b, res = self.pick_operands(None, promote)
            left, right = self.widened(self.gen(a, depth), a, res), self.widened(self.operand(b, depth), b, res)
            if op == "<" and right.startswith("("):
                # mcs misparses `x < (y((T)(z), w))` as the start of a generic type argument list
                # (`x<(A, B)>`, a tuple type); a wrapper that keeps the current context avoids it.
                right = f"{'checked' if self.checked else 'unchecked'}({right})"
            return f"({left} {op} {right})"
        if k < 0.5:
            x = self.variable(self.local("bool"))
            return f"({x} {r.choice(['=', '&=', '|=', '^='])} {self.gen_bool(depth)})"
        if k < 0.57:
            return f"({self.gen_bool(depth)} {r.choice(['==', '!='])} {self.gen_bool(depth)})"
        if k < 0.65:
            return f"(!{self.gen_bool(depth)})"
        if k < 0.85:
            op = r.choice(["&&", "||", "&", "|", "^"])
            return f"({self.gen_bool(depth)} {op} {self.gen_bool(depth)})"
        return f"({self.gen_bool(depth)} ? {self.gen_bool(depth)} : {self.gen_bool(depth)})"

    def conversions(self, rtype) -> str:
        """A chain of one to three casts of one local ending in `rtype`, each checked or not: the
        conversion matrix at its edges, which whole expressions reach too rarely."""
        r = self.rnd
        chain = [r.choice(NUMERIC) for _ in range(r.randint(0, 2))] + [rtype]
        keywords = [r.choice(["checked", "checked", "unchecked", None]) for _ in chain]
        # A cast without a keyword of its own is in the context of the nearest enclosing one.
        contexts, context = [], self.checked
        for keyword in reversed(keywords):
            context = keyword == "checked" if keyword else context
            contexts.insert(0, context)
        have = r.choice(NUMERIC)
        expr = self.variable(self.local(have))
        outer = self.checked
        for t, keyword, context in zip(chain, keywords, contexts):
            self.checked = context
            expr = self.cast_of(t, have, expr)
            expr = f"{keyword}({expr})" if keyword else expr
            have = t
        self.checked = outer
        return expr

    def method(self) -> Method:
        rtype = self.rnd.choice(ALL)
        if rtype != "bool" and self.rnd.random() < 0.25:
            expr = self.conversions(rtype)
        else:
            expr = self.gen(rtype, self.rnd.randint(1, 5))
        lines = [f"    public static {rtype} {self.name}()", "    {"]
        for name, t, init in self.locals:
            lines.append(f"        {t} {name} = {init};")
        lines += [f"        return {expr};", "    }"]
        return Method(self.name, rtype, "\n".join(lines))


def generate(seed: int, count: int) -> Program:
    """A library of `count` random expression methods, the same for the same seed."""
    rnd = random.Random(seed)
    values = _Values(rnd)
    fields = []
    methods = []
    for n in range(count):
        start = len(fields)
        g = _MethodGen(rnd, values, fields, f"m_{n}")
        m = g.method()
        if len(fields) > start:       # show the fields' initial values with the method
            m.source = "\n".join(f"    // V.{f} = ({t}){lit}" for f, t, lit in fields[start:]) + "\n" + m.source
        methods.append(m)
    out = ["// Generated by tests/gen/expressions.py, seed %d." % seed, "using System;", "",
           "namespace G {", "", "public static class T", "{"]
    for m in methods:
        out += [m.source, ""]
    out += ["}", "", "public static class V", "{"]
    for f, t, lit in fields:
        out.append(f"    public static {t} {f} = {lit};")
    out += ["}", "", "}", ""]
    return Program(seed, "G", "T", "\n".join(out), methods)


if __name__ == "__main__":
    import sys
    print(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1,
                   int(sys.argv[2]) if len(sys.argv) > 2 else 20).source)
