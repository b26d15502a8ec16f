"""Indirect loads and stores and raw memory: ldind.*, stind.*, ldobj, stobj, cpobj, initobj,
cpblk, initblk, localloc, sizeof. Honours the volatile. and unaligned. prefixes."""
from ..abi import StackKind as K, type_rep
from ..ir_builder import Value, const
from ...metadata.signatures import ElementType as E

_LDIND = {"i1": E.I1, "u1": E.U1, "i2": E.I2, "u2": E.U2, "i4": E.I4, "u4": E.U4, "i8": E.I8, "i": E.I,
          "r4": E.R4, "r8": E.R8}


class MemoryMixin:
    def address_of(self, it) -> Value:
        """A stack item used as an address: a managed pointer, a native int, or (unverifiable) an object."""
        if it.kind in (K.BYREF, K.O):
            return it.value
        if it.kind == K.I:
            return self.fn.cast("inttoptr", it.value, "ptr")
        if it.kind == K.I4:
            return self.fn.cast("inttoptr", self.fn.cast("sext", it.value, "i64"), "ptr")
        self.fail(f"a {it.kind.name} is not an address")

    def _access(self):
        volatile = "volatile." in self.prefixes
        align = self.prefixes.get("unaligned.", 0)
        return volatile, align

    def _ldind(self, rep):
        addr = self.address_of(self.pop())
        volatile, align = self._access()
        self.stack.append(self.load_as_item(rep, addr, volatile, align))

    def _stind(self, rep):
        value = self.pop()
        addr = self.address_of(self.pop())
        volatile, align = self._access()
        self.store_item(value, rep, addr, volatile, align)

    def _prim(self, key):
        return type_rep(self.loader.primitive(_LDIND[key]))

    def op_ldind_i1(self, i): self._ldind(self._prim("i1"))
    def op_ldind_u1(self, i): self._ldind(self._prim("u1"))
    def op_ldind_i2(self, i): self._ldind(self._prim("i2"))
    def op_ldind_u2(self, i): self._ldind(self._prim("u2"))
    def op_ldind_i4(self, i): self._ldind(self._prim("i4"))
    def op_ldind_u4(self, i): self._ldind(self._prim("u4"))
    def op_ldind_i8(self, i): self._ldind(self._prim("i8"))
    def op_ldind_i(self, i): self._ldind(self._prim("i"))
    def op_ldind_r4(self, i): self._ldind(self._prim("r4"))
    def op_ldind_r8(self, i): self._ldind(self._prim("r8"))
    def op_ldind_ref(self, i): self._ldind(type_rep(self.loader.object_type))

    def op_stind_i1(self, i): self._stind(self._prim("i1"))
    def op_stind_i2(self, i): self._stind(self._prim("i2"))
    def op_stind_i4(self, i): self._stind(self._prim("i4"))
    def op_stind_i8(self, i): self._stind(self._prim("i8"))
    def op_stind_i(self, i): self._stind(self._prim("i"))
    def op_stind_r4(self, i): self._stind(self._prim("r4"))
    def op_stind_r8(self, i): self._stind(self._prim("r8"))
    def op_stind_ref(self, i): self._stind(type_rep(self.loader.object_type))

    def _type_operand(self, token):
        return self.loader.resolve_type_token(self.module, token, self.ctx)

    def op_ldobj(self, i):
        self._ldind(type_rep(self._type_operand(i.operand)))

    def op_stobj(self, i):
        self._stind(type_rep(self._type_operand(i.operand)))

    def op_cpobj(self, i):
        rep = type_rep(self._type_operand(i.operand))
        src = self.address_of(self.pop())
        dst = self.address_of(self.pop())
        if rep.kind == K.VALUE:
            self.fn.memcpy(dst, src, rep.size, max(rep.align, 1))
        else:
            self.fn.store(self.fn.load(rep.storage, src), dst)

    def op_initobj(self, i):
        rep = type_rep(self._type_operand(i.operand))
        dst = self.address_of(self.pop())
        if rep.kind == K.VALUE:
            self.fn.memset(dst, const("i8", 0), const("i64", rep.size), max(rep.align, 1))
        else:
            self.fn.store(self.zero(rep.storage), dst)

    def _size_operand(self, it) -> Value:
        if it.kind == K.I4:
            return self.fn.cast("zext", it.value, "i64")
        if it.kind == K.I:
            return it.value
        self.fail(f"a {it.kind.name} is not a size")

    def op_cpblk(self, i):
        size = self._size_operand(self.pop())
        src = self.address_of(self.pop())
        dst = self.address_of(self.pop())
        volatile, align = self._access()
        self.fn.emit(f"call void @llvm.memmove.p0.p0.i64(ptr align {align or 1} {dst.ref}, ptr align {align or 1} "
                     f"{src.ref}, i64 {size.ref}, i1 {'true' if volatile else 'false'})")
        self.mb.declare("llvm.memmove.p0.p0.i64", "void", ["ptr", "ptr", "i64", "i1"])

    def op_initblk(self, i):
        size = self._size_operand(self.pop())
        value = self.pop()
        dst = self.address_of(self.pop())
        if value.kind != K.I4:
            self.fail("initblk's value must be an int32")
        volatile, align = self._access()
        self.fn.memset(dst, self.fn.cast("trunc", value.value, "i8"), size, align or 1, volatile)

    def op_localloc(self, i):
        if len(self.stack) != 1:
            self.fail("localloc requires an otherwise empty evaluation stack")
        size = self._size_operand(self.pop())
        fn = self.fn
        p = fn._value("ptr", f"alloca i8, i64 {size.ref}, align 16")
        if self.body.init_locals:
            fn.memset(p, const("i8", 0), size, 16)
        self.push(K.I, fn.cast("ptrtoint", p, "i64"))

    def op_sizeof(self, i):
        th = self._type_operand(i.operand)
        self.push(K.I4, const("i32", type_rep(th).size))
