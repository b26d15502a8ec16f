"""Arguments, locals, constants and plain stack shuffling (ldarg*, ldloc*, st*, ld*a, ldc.*, dup, pop)."""
from ..abi import StackKind as K
from ..ir_builder import Value, const, float_literal


class LocalsMixin:
    # -- arguments ---------------------------------------------------------------------------------
    def _arg(self, n):
        if not 0 <= n < len(self.arg_homes):
            self.fail(f"argument {n} does not exist (the method has {len(self.arg_homes)})")
        return self.arg_homes[n], self.arg_reps[n]

    def _ldarg(self, n):
        home, rep = self._arg(n)
        self.stack.append(self.load_as_item(rep, home))

    def op_ldarg_0(self, i): self._ldarg(0)
    def op_ldarg_1(self, i): self._ldarg(1)
    def op_ldarg_2(self, i): self._ldarg(2)
    def op_ldarg_3(self, i): self._ldarg(3)
    def op_ldarg_s(self, i): self._ldarg(i.operand)
    def op_ldarg(self, i): self._ldarg(i.operand)

    def _ldarga(self, n):
        home, rep = self._arg(n)
        self.push(K.BYREF, home, self.loader.byref_to(rep.th))

    def op_ldarga_s(self, i): self._ldarga(i.operand)
    def op_ldarga(self, i): self._ldarga(i.operand)

    def _starg(self, n):
        home, rep = self._arg(n)
        self.store_item(self.pop(), rep, home)

    def op_starg_s(self, i): self._starg(i.operand)
    def op_starg(self, i): self._starg(i.operand)

    # -- locals ------------------------------------------------------------------------------------
    def _local(self, n):
        if not 0 <= n < len(self.local_homes):
            self.fail(f"local {n} does not exist (the method has {len(self.local_homes)})")
        return self.local_homes[n], self.local_reps[n]

    def _ldloc(self, n):
        home, rep = self._local(n)
        self.stack.append(self.load_as_item(rep, home))

    def op_ldloc_0(self, i): self._ldloc(0)
    def op_ldloc_1(self, i): self._ldloc(1)
    def op_ldloc_2(self, i): self._ldloc(2)
    def op_ldloc_3(self, i): self._ldloc(3)
    def op_ldloc_s(self, i): self._ldloc(i.operand)
    def op_ldloc(self, i): self._ldloc(i.operand)

    def _ldloca(self, n):
        home, rep = self._local(n)
        self.push(K.BYREF, home, self.loader.byref_to(rep.th))

    def op_ldloca_s(self, i): self._ldloca(i.operand)
    def op_ldloca(self, i): self._ldloca(i.operand)

    def _stloc(self, n):
        home, rep = self._local(n)
        self.store_item(self.pop(), rep, home)

    def op_stloc_0(self, i): self._stloc(0)
    def op_stloc_1(self, i): self._stloc(1)
    def op_stloc_2(self, i): self._stloc(2)
    def op_stloc_3(self, i): self._stloc(3)
    def op_stloc_s(self, i): self._stloc(i.operand)
    def op_stloc(self, i): self._stloc(i.operand)

    # -- constants ---------------------------------------------------------------------------------
    def _ldc_i4(self, v):
        self.push(K.I4, const("i32", v))

    def op_ldc_i4_m1(self, i): self._ldc_i4(-1)
    def op_ldc_i4_0(self, i): self._ldc_i4(0)
    def op_ldc_i4_1(self, i): self._ldc_i4(1)
    def op_ldc_i4_2(self, i): self._ldc_i4(2)
    def op_ldc_i4_3(self, i): self._ldc_i4(3)
    def op_ldc_i4_4(self, i): self._ldc_i4(4)
    def op_ldc_i4_5(self, i): self._ldc_i4(5)
    def op_ldc_i4_6(self, i): self._ldc_i4(6)
    def op_ldc_i4_7(self, i): self._ldc_i4(7)
    def op_ldc_i4_8(self, i): self._ldc_i4(8)
    def op_ldc_i4_s(self, i): self._ldc_i4(i.operand)
    def op_ldc_i4(self, i): self._ldc_i4(i.operand)

    def op_ldc_i8(self, i):
        self.push(K.I8, const("i64", i.operand))

    def op_ldc_r4(self, i):
        self.push(K.F4, Value("float", float_literal(i.operand, "float")))

    def op_ldc_r8(self, i):
        self.push(K.F8, Value("double", float_literal(i.operand, "double")))

    def op_ldnull(self, i):
        self.push(K.O, Value("ptr", "null"), self.loader.object_type)

    # -- stack shuffling ---------------------------------------------------------------------------
    def op_dup(self, i):
        it = self.pop()
        self.stack.append(it)
        if it.kind == K.VALUE:
            # A value on the stack is a temporary; the copy must be independent of it.
            from ..abi import type_rep
            rep = type_rep(it.th)
            tmp = self.temp_value(it.th)
            self.fn.memcpy(tmp, it.value, rep.size, max(rep.align, 1))
            self.push(K.VALUE, tmp, it.th)
        else:
            self.push(it.kind, it.value, it.th)

    def op_pop(self, i):
        self.pop()

    def op_nop(self, i):
        pass

    def op_break(self, i):
        # A debugger breakpoint; with no debugger attached it does nothing (as in the CLR).
        pass
