"""Arithmetic and bitwise instructions, with the operand-type rules of ECMA-335 III.1.5
(binary numeric operations, integer operations, shifts, overflow arithmetic).

Integer division tests for a zero divisor (DivideByZeroException) and for MinValue / -1
(OverflowException, as the CLR and Mono raise for both div and rem), because LLVM, like the
hardware, leaves those undefined. Shift counts are masked to the operand width, which is what x86
does and what C# specifies; IL leaves larger counts unspecified and LLVM would make them poison.
"""
from ..abi import StackKind as K
from ..helpers import BuiltinException as BX
from ..ir_builder import Value, const

_FLOAT_OPS = {"add": "fadd", "sub": "fsub", "mul": "fmul", "div": "fdiv", "rem": "frem"}


class ArithMixin:
    def _binary_operands(self, allow_float=True, allow_byref=False):
        """Pop two operands and bring them to a common type; returns (kind, a, b, th)."""
        b = self.pop()
        a = self.pop()
        fn = self.fn
        ka, kb = a.kind, b.kind
        if ka == kb and ka in (K.I4, K.I8, K.I, K.F4, K.F8):
            if not allow_float and ka in (K.F4, K.F8):
                self.fail("integer operation on floating-point operands")
            return ka, a.value, b.value, None
        if {ka, kb} <= {K.F4, K.F8}:
            if not allow_float:
                self.fail("integer operation on floating-point operands")
            av = fn.cast("fpext", a.value, "double") if ka == K.F4 else a.value
            bv = fn.cast("fpext", b.value, "double") if kb == K.F4 else b.value
            return K.F8, av, bv, None
        if {ka, kb} <= {K.I4, K.I, K.I8}:
            # int32 with native int gives native int; int64 mixes appear only in unverifiable code.
            kind = K.I8 if K.I8 in (ka, kb) else K.I
            av = fn.cast("sext", a.value, "i64") if ka == K.I4 else a.value
            bv = fn.cast("sext", b.value, "i64") if kb == K.I4 else b.value
            return kind, av, bv, None
        if allow_byref and (ka == K.BYREF or kb == K.BYREF):
            return K.BYREF, a, b, None
        self.fail(f"invalid operand types {ka.name} and {kb.name}")

    def _arith(self, op, i):
        kind, a, b, _ = self._binary_operands(allow_byref=op in ("add", "sub"))
        fn = self.fn
        if kind == K.BYREF:
            return self._byref_arith(op, a, b)
        if kind in (K.F4, K.F8):
            self.push(kind, fn.binop(_FLOAT_OPS[op], a, b))
            return
        if op in ("div", "rem"):
            self._check_divisor(a, b, signed=True)
            self.push(kind, fn.binop("sdiv" if op == "div" else "srem", a, b))
            return
        self.push(kind, fn.binop(op, a, b))

    def _byref_arith(self, op, a, b):
        fn = self.fn
        if a.kind == K.BYREF and b.kind == K.BYREF:
            if op != "sub":
                self.fail("only sub takes two managed pointers")
            d = fn.binop("sub", fn.cast("ptrtoint", a.value, "i64"), fn.cast("ptrtoint", b.value, "i64"))
            self.push(K.I, d)
            return
        ptr, off = (a, b) if a.kind == K.BYREF else (b, a)
        if op == "sub" and ptr is b:
            if off.kind != K.I:
                self.fail("cannot subtract a managed pointer from an integer")
            # native int - & (an unmanaged pointer minus a pinned reference: the class library's
            # SpanHelpers compute offsets so): the distance in bytes, as Mono and CoreCLR accept.
            d = fn.binop("sub", off.value, fn.cast("ptrtoint", ptr.value, "i64"))
            self.push(K.I, d)
            return
        if off.kind not in (K.I4, K.I, K.I8):
            self.fail(f"managed pointer arithmetic with a {off.kind.name}")
        ov = fn.cast("sext", off.value, "i64") if off.kind == K.I4 else off.value
        if op == "sub":
            ov = fn.binop("sub", const("i64", 0), ov)
        self.push(K.BYREF, fn.gep(ptr.value, ov), ptr.th)

    def _check_divisor(self, a, b, signed):
        fn = self.fn
        t = b.type
        self.guard(fn.icmp("eq", b, const(t, 0)), BX.DIVIDE_BY_ZERO)
        if signed:
            minimum = -(1 << (int(t[1:]) - 1))
            overflow = fn.binop("and", fn.icmp("eq", a, const(t, minimum)), fn.icmp("eq", b, const(t, -1)))
            self.guard(overflow, BX.OVERFLOW)

    def op_add(self, i): self._arith("add", i)
    def op_sub(self, i): self._arith("sub", i)
    def op_mul(self, i): self._arith("mul", i)
    def op_div(self, i): self._arith("div", i)
    def op_rem(self, i): self._arith("rem", i)

    def _unsigned_divide(self, op):
        kind, a, b, _ = self._binary_operands(allow_float=False)
        self._check_divisor(a, b, signed=False)
        self.push(kind, self.fn.binop(op, a, b))

    def op_div_un(self, i): self._unsigned_divide("udiv")
    def op_rem_un(self, i): self._unsigned_divide("urem")

    def _bitwise(self, op):
        kind, a, b, _ = self._binary_operands(allow_float=False)
        self.push(kind, self.fn.binop(op, a, b))

    def op_and(self, i): self._bitwise("and")
    def op_or(self, i): self._bitwise("or")
    def op_xor(self, i): self._bitwise("xor")

    def _shift(self, op):
        amount = self.pop()
        value = self.pop()
        fn = self.fn
        if value.kind not in (K.I4, K.I8, K.I) or amount.kind not in (K.I4, K.I):
            self.fail(f"invalid shift operands {value.kind.name} and {amount.kind.name}")
        t = value.value.type
        n = amount.value
        if n.type != t:
            n = fn.cast("trunc" if int(n.type[1:]) > int(t[1:]) else "zext", n, t)
        n = fn.binop("and", n, const(t, int(t[1:]) - 1))
        self.push(value.kind, fn.binop(op, value.value, n))

    def op_shl(self, i): self._shift("shl")
    def op_shr(self, i): self._shift("ashr")
    def op_shr_un(self, i): self._shift("lshr")

    def op_neg(self, i):
        v = self.pop()
        if v.kind in (K.F4, K.F8):
            self.push(v.kind, self.fn._value(v.value.type, f"fneg {v.value.type} {v.value.ref}"))
        elif v.kind in (K.I4, K.I8, K.I):
            self.push(v.kind, self.fn.binop("sub", const(v.value.type, 0), v.value))
        else:
            self.fail(f"neg of a {v.kind.name}")

    def op_not(self, i):
        v = self.pop()
        if v.kind not in (K.I4, K.I8, K.I):
            self.fail(f"not of a {v.kind.name}")
        self.push(v.kind, self.fn.binop("xor", v.value, const(v.value.type, -1)))

    # -- overflow-checked arithmetic ---------------------------------------------------------------
    def _ovf(self, op, signed):
        kind, a, b, _ = self._binary_operands(allow_float=False, allow_byref=(op != "mul"))
        fn = self.fn
        if kind == K.BYREF:
            # Unsigned overflow checks on managed pointers: do the arithmetic on addresses.
            pa = fn.cast("ptrtoint", a.value, "i64") if a.kind == K.BYREF else (
                fn.cast("sext", a.value, "i64") if a.kind == K.I4 else a.value)
            pb = fn.cast("ptrtoint", b.value, "i64") if b.kind == K.BYREF else (
                fn.cast("sext", b.value, "i64") if b.kind == K.I4 else b.value)
            r = self._ovf_values(op, False, pa, pb)
            self.push(K.BYREF, fn.cast("inttoptr", r, "ptr"), (a if a.kind == K.BYREF else b).th)
            return
        self.push(kind, self._ovf_values(op, signed, a, b))

    def _ovf_values(self, op, signed, a: Value, b: Value) -> Value:
        fn = self.fn
        t = a.type
        name = f"llvm.{'s' if signed else 'u'}{op}.with.overflow.{t}"
        self.mb.declare(name, f"{{{t}, i1}}", [t, t])
        pair = fn._value(f"{{{t}, i1}}", f"call {{{t}, i1}} @\"{name}\"({t} {a.ref}, {t} {b.ref})")
        overflow = fn.extract(pair, 1, "i1")
        self.guard(overflow, BX.OVERFLOW)
        return fn.extract(pair, 0, t)

    def op_add_ovf(self, i): self._ovf("add", True)
    def op_add_ovf_un(self, i): self._ovf("add", False)
    def op_sub_ovf(self, i): self._ovf("sub", True)
    def op_sub_ovf_un(self, i): self._ovf("sub", False)
    def op_mul_ovf(self, i): self._ovf("mul", True)
    def op_mul_ovf_un(self, i): self._ovf("mul", False)
