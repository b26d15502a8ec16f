"""Single-dimensional arrays: newarr, ldlen, ldelem*, stelem*, ldelema.

Arrays have Mono's layout (typesys/object_layout.py): the length is a word at offset 24 and the
elements start at 32. Every access tests for a null array and compares the index, as an unsigned
number, with the length (so negative indices fail too): IndexOutOfRangeException.
"""
from ..abi import StackKind as K, type_rep
from ..helpers import BuiltinException as BX
from ..ir_builder import Value, const
from ...metadata.signatures import ElementType as E
from ...typesys.native_type import NT_ELEMENT
from ...typesys.object_layout import (ARRAY_BOUND_LENGTH_OFFSET, ARRAY_BOUND_LOWER_OFFSET, ARRAY_BOUND_SIZE,
                                      ARRAY_BOUNDS_OFFSET, ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET)

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
        """Array covariance (III.4.28): a reference stored into an array must be an instance of the
        array's *actual* element type, which may be narrower than the static one (a string[] seen
        as object[]). Null always fits; an exact match or an object[] is decided inline."""
        if value.kind != K.O:
            return
        if value.value.ref == "null":
            return
        fn = self.fn
        check, done = fn.block("covar"), fn.block("covar_done")
        fn.cbr(fn.icmp("eq", value.value, Value("ptr", "null")), done, check)
        fn.at(check)
        avt = fn.load("ptr", arr.value, 8, invariant=True)
        elem = fn.load("ptr", fn.gep(avt, NT_ELEMENT), 8, invariant=True)
        vvt = fn.load("ptr", value.value, 8, invariant=True)
        obj = self.mb.external_global(self.env.type_symbol(self.loader.object_type))
        trivially = fn.binop("or", fn.icmp("eq", elem, vvt), fn.icmp("eq", elem, obj))
        slow = fn.block("covar_slow")
        fn.cbr(trivially, done, slow, "likely")
        fn.at(slow)
        ok = fn.call("i32", self.helper("clrpy_cast_slow"), [value.value, elem])
        self.guard(fn.icmp("eq", ok, const("i32", 0)), BX.ARRAY_TYPE_MISMATCH)
        fn.br(done)
        fn.at(done)

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
        addr = self.element_address(arr, index, rep)
        if rep.kind == K.O and "readonly." not in self.prefixes and not th.is_sealed:
            # A writable element address must be of exactly the array's element type (III.4.9):
            # otherwise a store through it could break covariance.
            fn = self.fn
            avt = fn.load("ptr", arr.value, 8, invariant=True)
            elem = fn.load("ptr", fn.gep(avt, NT_ELEMENT), 8, invariant=True)
            want = self.mb.external_global(self.env.type_symbol(th))
            self.guard(fn.icmp("ne", elem, want), BX.ARRAY_TYPE_MISMATCH)
        self.push(K.BYREF, addr, self.loader.byref_to(th))

    # -- general (multi-dimensional) arrays: the runtime-provided methods ----------------------------
    def md_element_address(self, arr: Value, indices, th) -> Value:
        """Address of element `indices` of general array `arr` of type `th`, with bounds checks
        against each dimension's lower bound and length (the bounds vector, object_layout.py)."""
        fn = self.fn
        self.null_check(arr)
        bounds = fn.load("ptr", fn.gep(arr, ARRAY_BOUNDS_OFFSET), 8, invariant=True)
        linear = None
        for d, idx in enumerate(indices):
            entry = fn.gep(bounds, ARRAY_BOUND_SIZE * d)
            length = fn.load("i64", fn.gep(entry, ARRAY_BOUND_LENGTH_OFFSET), 8, invariant=True)
            lower = fn.cast("sext", fn.load("i32", fn.gep(entry, ARRAY_BOUND_LOWER_OFFSET), 4, invariant=True), "i64")
            rel = fn.binop("sub", fn.cast("sext", idx, "i64"), lower)
            self.guard(fn.icmp("uge", rel, length), BX.INDEX_OUT_OF_RANGE)
            linear = rel if linear is None else fn.binop("add", fn.binop("mul", linear, length), rel)
        size = type_rep(th.element).size
        return fn.gep(fn.gep(arr, ARRAY_DATA_OFFSET), fn.binop("mul", linear, const("i64", size)))

    def array_method_call(self, md):
        """T[,]::Get / Set / Address, inline."""
        th = md.owner
        rank = th.rank
        kind = md.array_method
        nargs = rank + (1 if kind == "set" else 0)
        items = self.popn(nargs + 1)
        arr = items[0]
        if arr.kind != K.O:
            self.fail(f"{md.name} on a {arr.kind.name}")
        idx = []
        for it in items[1:1 + rank]:
            if it.kind != K.I4:
                self.fail(f"array index of type {it.kind.name}")
            idx.append(it.value)
        addr = self.md_element_address(arr.value, idx, th)
        rep = type_rep(th.element)
        if kind == "get":
            self.stack.append(self.load_as_item(rep, addr))
        elif kind == "set":
            value = items[-1]
            if rep.kind == K.O:
                self.check_array_store(arr, value)
            self.store_item(value, rep, addr)
        elif kind == "address":
            self.push(K.BYREF, addr, self.loader.byref_to(th.element))
        else:
            self.fail(f"call of array constructor {md.name}")

    def array_newobj(self, ctor):
        """newobj T[,]::.ctor(lengths) or (lower bound, length pairs)."""
        th = ctor.owner
        n = len(ctor.param_types)
        items = self.popn(n)
        fn = self.fn
        rank = th.rank
        lengths = fn.alloca(f"[{rank} x i32]", 4)
        lowers = fn.alloca(f"[{rank} x i32]", 4)
        for d in range(rank):
            if ctor.array_method == "ctor_bounds":
                lo, ln = items[2 * d], items[2 * d + 1]
            else:
                lo, ln = None, items[d]
            fn.store(ln.value, fn.gep(lengths, 4 * d), 4)
            fn.store(lo.value if lo is not None else const("i32", 0), fn.gep(lowers, 4 * d), 4)
        handle = self.mb.external_global(self.env.type_symbol(th))
        r = fn.call("ptr", self.helper("clrpy_new_mdarray"), [handle, lengths, lowers])
        self.check_pending()
        self.push(K.O, r, th)
