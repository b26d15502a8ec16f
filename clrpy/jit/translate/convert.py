"""Conversions (conv.*, conv.ovf.*, conv.r.un, ckfinite), with the exact results Mono gives.

Floating-point to integer conversions that are out of range are unspecified in ECMA-335 and
*poison* in LLVM, so we spell out what Mono's x86-64 code produces (cvttsd2si semantics):
  conv.i4            out of range or NaN -> int.MinValue
  conv.i8 / conv.i   out of range or NaN -> long.MinValue
  conv.u4            the low 32 bits of conv.i8
  conv.u8 / conv.u   below 2^63: conv.i8; otherwise conv.i8(x - 2^63) with the top bit flipped
                     (NaN takes the second path and gives 0)
  conv.i1/u1/i2/u2   the low bits of conv.i4
The overflow-checked forms raise OverflowException instead, for NaN too.
"""
from ..abi import StackKind as K
from ..helpers import BuiltinException as BX
from ..ir_builder import Value, const, float_literal

# target: (bits, signed, stack kind)
TARGETS = {"i1": (8, True, K.I4), "u1": (8, False, K.I4), "i2": (16, True, K.I4), "u2": (16, False, K.I4),
           "i4": (32, True, K.I4), "u4": (32, False, K.I4), "i8": (64, True, K.I8), "u8": (64, False, K.I8),
           "i": (64, True, K.I), "u": (64, False, K.I)}

TWO63 = float(1 << 63)


def _fconst(v: float) -> Value:
    return Value("double", float_literal(v))


class ConvertMixin:
    def _int_source(self, it):
        """An integer stack item as an iN value (references and pointers by address)."""
        if it.kind in (K.O, K.BYREF):
            return self.fn.cast("ptrtoint", it.value, "i64")
        if it.kind in (K.I4, K.I8, K.I):
            return it.value
        self.fail(f"cannot convert a {it.kind.name}")

    def _as_double(self, it) -> Value:
        return self.fn.cast("fpext", it.value, "double") if it.kind == K.F4 else it.value

    # -- float to integer, the x86 way ------------------------------------------------------------------
    def _f2i32(self, d: Value) -> Value:
        fn = self.fn
        ok = fn.binop("and", fn.fcmp("ogt", d, _fconst(-2147483649.0)), fn.fcmp("olt", d, _fconst(2147483648.0)))
        return fn.select(ok, fn.cast("fptosi", d, "i32"), const("i32", -(1 << 31)))

    def _f2i64(self, d: Value) -> Value:
        fn = self.fn
        ok = fn.binop("and", fn.fcmp("oge", d, _fconst(-TWO63)), fn.fcmp("olt", d, _fconst(TWO63)))
        return fn.select(ok, fn.cast("fptosi", d, "i64"), const("i64", -(1 << 63)))

    def _f2u64(self, d: Value) -> Value:
        fn = self.fn
        low = fn.fcmp("olt", d, _fconst(TWO63))
        high = fn.binop("xor", self._f2i64(fn.binop("fsub", d, _fconst(TWO63))), const("i64", -(1 << 63)))
        return fn.select(low, self._f2i64(d), high)

    def _convert(self, target):
        bits, signed, kind = TARGETS[target]
        it = self.pop()
        fn = self.fn
        if it.kind in (K.F4, K.F8):
            d = self._as_double(it)
            if bits == 64:
                v = self._f2i64(d) if signed else self._f2u64(d)
            elif bits == 32 and not signed:
                v = fn.cast("trunc", self._f2i64(d), "i32")
            else:
                v = self._f2i32(d)
                if bits < 32:
                    v = fn.cast("sext" if signed else "zext", fn.cast("trunc", v, f"i{bits}"), "i32")
            self.push(kind, v)
            return
        v = self._int_source(it)
        width = int(v.type[1:])
        if bits < 32:
            v = fn.cast("trunc", v, f"i{bits}")
            v = fn.cast("sext" if signed else "zext", v, "i32")
        elif bits == 32:
            if width > 32:
                v = fn.cast("trunc", v, "i32")
        else:
            if width < 64:
                v = fn.cast("sext" if signed else "zext", v, "i64")
        self.push(kind, v)

    def op_conv_i1(self, i): self._convert("i1")
    def op_conv_u1(self, i): self._convert("u1")
    def op_conv_i2(self, i): self._convert("i2")
    def op_conv_u2(self, i): self._convert("u2")
    def op_conv_i4(self, i): self._convert("i4")
    def op_conv_u4(self, i): self._convert("u4")
    def op_conv_i8(self, i): self._convert("i8")
    def op_conv_u8(self, i): self._convert("u8")
    def op_conv_i(self, i): self._convert("i")
    def op_conv_u(self, i): self._convert("u")

    # -- to floating point ----------------------------------------------------------------------------
    def _to_float(self, llvm_type, kind, unsigned_source=False):
        it = self.pop()
        fn = self.fn
        if it.kind in (K.F4, K.F8):
            v = it.value
            if v.type != llvm_type:
                v = fn.cast("fpext" if llvm_type == "double" else "fptrunc", v, llvm_type)
        else:
            src = self._int_source(it)
            v = fn.cast("uitofp" if unsigned_source else "sitofp", src, llvm_type)
        self.push(kind, v)

    def op_conv_r4(self, i): self._to_float("float", K.F4)
    def op_conv_r8(self, i): self._to_float("double", K.F8)
    def op_conv_r_un(self, i): self._to_float("double", K.F8, unsigned_source=True)

    # -- overflow-checked conversions ---------------------------------------------------------------------
    def _convert_ovf(self, target, unsigned_source):
        bits, signed, kind = TARGETS[target]
        it = self.pop()
        fn = self.fn
        lo = -(1 << (bits - 1)) if signed else 0
        hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1
        if it.kind in (K.F4, K.F8):
            d = self._as_double(it)
            # The truncation fits <=> lo - 1 < d < hi + 1; for int64, lo - 1 is no double: d >= lo.
            above = (fn.fcmp("ogt", d, _fconst(float(lo) - 1.0)) if float(lo) - 1.0 != float(lo)
                     else fn.fcmp("oge", d, _fconst(float(lo))))
            ok = fn.binop("and", above, fn.fcmp("olt", d, _fconst(float(hi) + 1.0)))
            self.guard(fn.binop("xor", ok, Value("i1", "true")), BX.OVERFLOW)
            v = fn.cast("fptosi" if signed else "fptoui", d, f"i{bits}")
        else:
            src = self._int_source(it)
            width = int(src.type[1:])
            wide = src if width == 64 else fn.cast("zext" if unsigned_source else "sext", src, "i64")
            if unsigned_source:
                bad = fn.icmp("ugt", wide, const("i64", hi))
            elif signed:
                bad = fn.binop("or", fn.icmp("slt", wide, const("i64", lo)), fn.icmp("sgt", wide, const("i64", hi)))
            else:
                bad = fn.icmp("slt", wide, const("i64", 0))
                if bits < 64:
                    bad = fn.binop("or", bad, fn.icmp("sgt", wide, const("i64", hi)))
            self.guard(bad, BX.OVERFLOW)
            v = fn.cast("trunc", wide, f"i{bits}") if bits < 64 else wide
        if bits < 32:
            v = fn.cast("sext" if signed else "zext", v, "i32")
        self.push(kind, v)

    def op_conv_ovf_i1(self, i): self._convert_ovf("i1", False)
    def op_conv_ovf_u1(self, i): self._convert_ovf("u1", False)
    def op_conv_ovf_i2(self, i): self._convert_ovf("i2", False)
    def op_conv_ovf_u2(self, i): self._convert_ovf("u2", False)
    def op_conv_ovf_i4(self, i): self._convert_ovf("i4", False)
    def op_conv_ovf_u4(self, i): self._convert_ovf("u4", False)
    def op_conv_ovf_i8(self, i): self._convert_ovf("i8", False)
    def op_conv_ovf_u8(self, i): self._convert_ovf("u8", False)
    def op_conv_ovf_i(self, i): self._convert_ovf("i", False)
    def op_conv_ovf_u(self, i): self._convert_ovf("u", False)
    def op_conv_ovf_i1_un(self, i): self._convert_ovf("i1", True)
    def op_conv_ovf_u1_un(self, i): self._convert_ovf("u1", True)
    def op_conv_ovf_i2_un(self, i): self._convert_ovf("i2", True)
    def op_conv_ovf_u2_un(self, i): self._convert_ovf("u2", True)
    def op_conv_ovf_i4_un(self, i): self._convert_ovf("i4", True)
    def op_conv_ovf_u4_un(self, i): self._convert_ovf("u4", True)
    def op_conv_ovf_i8_un(self, i): self._convert_ovf("i8", True)
    def op_conv_ovf_u8_un(self, i): self._convert_ovf("u8", True)
    def op_conv_ovf_i_un(self, i): self._convert_ovf("i", True)
    def op_conv_ovf_u_un(self, i): self._convert_ovf("u", True)

    def op_ckfinite(self, i):
        it = self.pop()
        if it.kind not in (K.F4, K.F8):
            self.fail("ckfinite of a non-floating-point value")
        fn = self.fn
        d = self._as_double(it)
        # finite <=> |d| < infinity (false for NaN too)
        absd = fn.intrinsic("double", '"llvm.fabs.f64"', [d])
        self.mb.declare("llvm.fabs.f64", "double", ["double"])
        finite = fn.fcmp("olt", absd, Value("double", "0x7FF0000000000000"))
        self.guard(fn.binop("xor", finite, Value("i1", "true")), BX.ARITHMETIC)
        self.push(it.kind, it.value)
