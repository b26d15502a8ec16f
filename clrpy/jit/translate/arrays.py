"""Single-dimensional arrays: newarr, ldlen, ldelem*, stelem*, ldelema.

Arrays have Mono's layout (typesys/object_layout.py): the length is a word at offset 24 and the
elements start at 32. Every access tests for a null array and compares the index, as an unsigned
number, with the length (so negative indices fail too): IndexOutOfRangeException.
"""
from ..abi import StackKind as K, type_rep
from ..helpers import BuiltinException as BX
from ..ir_builder import Value, const
from ...metadata.signatures import ElementType as E
from ...typesys.object_layout import ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET

_SUFFIX = {"i1": E.I1, "u1": E.U1, "i2": E.I2, "u2": E.U2, "i4": E.I4, "u4": E.U4, "i8": E.I8, "i": E.I,
           "r4": E.R4, "r8": E.R8}


class ArrayMixin:
    def op_newarr(self, i):
        elem = self.loader.resolve_type_token(self.module, i.operand, self.ctx)
        count = self.pop()
        if count.kind == K.I4:
            n = self.fn.cast("sext", count.value, "i64")
        elif count.kind == K.I:
            n = count.value
        else:
            self.fail(f"newarr with a {count.kind.name} length")
        arr_type = self.loader.array_of(elem)
        th = self.mb.external_global(self.env.type_symbol(arr_type))
        r = self.fn.call("ptr", self.helper("clrpy_new_array"), [th, n])
        self.check_pending()
        self.push(K.O, r, arr_type)

    def op_ldlen(self, i):
        arr = self.pop()
        if arr.kind != K.O:
            self.fail(f"ldlen of a {arr.kind.name}")
        self.null_check(arr.value)
        self.push(K.I, self.fn.load("i64", self.fn.gep(arr.value, ARRAY_LENGTH_OFFSET), 8, invariant=True))

    def element_address(self, arr, index, rep) -> Value:
        fn = self.fn
        if arr.kind != K.O:
            self.fail(f"array access on a {arr.kind.name}")
        if index.kind == K.I4:
            idx = fn.cast("sext", index.value, "i64")
        elif index.kind == K.I:
            idx = index.value
        else:
            self.fail(f"array index of type {index.kind.name}")
        self.null_check(arr.value)
        length = fn.load("i64", fn.gep(arr.value, ARRAY_LENGTH_OFFSET), 8, invariant=True)
        self.guard(fn.icmp("uge", idx, length), BX.INDEX_OUT_OF_RANGE)
        data = fn.gep(arr.value, ARRAY_DATA_OFFSET)
        offset = fn.binop("mul", idx, const("i64", rep.size), "nuw nsw")
        return fn.gep(data, offset)

    def _ldelem(self, rep):
        index = self.pop()
        arr = self.pop()
        self.stack.append(self.load_as_item(rep, self.element_address(arr, index, rep)))

    def _stelem(self, rep):
        value = self.pop()
        index = self.pop()
        arr = self.pop()
        addr = self.element_address(arr, index, rep)
        if rep.kind == K.O:
            self.check_array_store(arr, value)
        self.store_item(value, rep, addr)

    def check_array_store(self, arr, value):
        """Array covariance: a reference stored into an array must fit its element type."""
        if arr.th is not None and arr.th.is_array and arr.th.element.is_sealed:
            return      # string[], sealed-class arrays: only that type (or null) fits, verified statically
        self.unsupported("stelem.ref into arrays of non-sealed element types (the covariance check)")

    def _prim(self, key):
        return type_rep(self.loader.primitive(_SUFFIX[key]))

    def op_ldelem_i1(self, i): self._ldelem(self._prim("i1"))
    def op_ldelem_u1(self, i): self._ldelem(self._prim("u1"))
    def op_ldelem_i2(self, i): self._ldelem(self._prim("i2"))
    def op_ldelem_u2(self, i): self._ldelem(self._prim("u2"))
    def op_ldelem_i4(self, i): self._ldelem(self._prim("i4"))
    def op_ldelem_u4(self, i): self._ldelem(self._prim("u4"))
    def op_ldelem_i8(self, i): self._ldelem(self._prim("i8"))
    def op_ldelem_i(self, i): self._ldelem(self._prim("i"))
    def op_ldelem_r4(self, i): self._ldelem(self._prim("r4"))
    def op_ldelem_r8(self, i): self._ldelem(self._prim("r8"))
    def op_ldelem_ref(self, i): self._ldelem(type_rep(self.loader.object_type))

    def op_stelem_i1(self, i): self._stelem(self._prim("i1"))
    def op_stelem_i2(self, i): self._stelem(self._prim("i2"))
    def op_stelem_i4(self, i): self._stelem(self._prim("i4"))
    def op_stelem_i8(self, i): self._stelem(self._prim("i8"))
    def op_stelem_i(self, i): self._stelem(self._prim("i"))
    def op_stelem_r4(self, i): self._stelem(self._prim("r4"))
    def op_stelem_r8(self, i): self._stelem(self._prim("r8"))
    def op_stelem_ref(self, i): self._stelem(type_rep(self.loader.object_type))

    def op_ldelem(self, i):
        th = self.loader.resolve_type_token(self.module, i.operand, self.ctx)
        self._ldelem(type_rep(th))

    def op_stelem(self, i):
        th = self.loader.resolve_type_token(self.module, i.operand, self.ctx)
        self._stelem(type_rep(th))

    def op_ldelema(self, i):
        th = self.loader.resolve_type_token(self.module, i.operand, self.ctx)
        index = self.pop()
        arr = self.pop()
        rep = type_rep(th)
        if rep.kind == K.O and "readonly." not in self.prefixes and not th.is_sealed:
            self.unsupported("ldelema of a non-sealed reference element type (the exact-type check)")
        self.push(K.BYREF, self.element_address(arr, index, rep), self.loader.byref_to(th))
