"""Type tests and conversions between values and objects: isinst, castclass, box, unbox, unbox.any.

Inline tests decide the common cases from the object's native type handle (typesys/native_type.py):
* a sealed class, or a value type's box: the handle is exactly the target's;
* another class: the object's depth in the class hierarchy is at least the target's, and the
  ancestors array has the target at that depth (one compare, no loop);
* an interface: the native `clrpy_find_itable` finds it in the interface map (its slow path also
  handles variance and arrays, and caches what it finds);
* anything else (arrays, generic variance on delegates, after an exact match failed): the runtime
  decides, cached.

Boxing copies a value into a new object whose value starts after the object header. Nullable<T>
boxes to null or to a boxed T, and unboxes from either (ECMA-335 III.4.1, III.4.32).
"""
from ..abi import StackKind as K, type_rep
from ..ir_builder import Value, const
from ...typesys.native_type import NT_ANCESTORS, NT_DEPTH, NT_ELEMENT, NT_FLAGS, NativeTypeFlags
from ...typesys.object_layout import OBJECT_HEADER_SIZE, align


class CastMixin:
    def _type_token(self, token):
        return self.loader.resolve_type_token(self.module, token, self.ctx)

    def _depth(self, th) -> int:
        d = 0
        t = th.parent
        while t is not None:
            d += 1
            t = t.parent
        return d

    def instance_test(self, obj: Value, target) -> Value:
        """An i1 that is true when non-null `obj` is an instance of `target`."""
        fn = self.fn
        if target is self.loader.object_type:
            return Value("i1", "true")
        handle = self.mb.external_global(self.env.type_symbol(target if not target.is_nullable
                                                              else target.generic_args[0]))
        vt = fn.load("ptr", obj, 8, invariant=True)
        if target.is_delegate and _is_variant(target):
            # A Func<object> may be a Func<string>: an exact match, else the runtime's variance rule.
            same = fn.icmp("eq", vt, handle)
            start = fn.current
            slow, done = fn.block("var_slow"), fn.block("var_done")
            fn.cbr(same, done, slow)
            fn.at(slow)
            r = fn.call("i32", self.helper("clrpy_cast_slow"), [obj, handle])
            ok = fn.icmp("ne", r, const("i32", 0))
            slow_end = fn.current
            fn.br(done)
            fn.at(done)
            return fn.phi("i1", [(Value("i1", "true"), start), (ok, slow_end)])
        if target.is_value_type or (target.kind.name == "CLASS" and target.is_sealed):
            return fn.icmp("eq", vt, handle)
        if target.kind.name == "CLASS":
            depth = self._depth(target)
            d = fn.load("i32", fn.gep(vt, NT_DEPTH), 4, invariant=True)
            deep_enough = fn.icmp("uge", d, const("i32", depth))
            check, done = fn.block("anc"), fn.block("anc_done")
            start = fn.current
            fn.cbr(deep_enough, check, done)
            fn.at(check)
            anc = fn.load("ptr", fn.gep(vt, NT_ANCESTORS), 8, invariant=True)
            at_depth = fn.load("ptr", fn.gep(anc, 8 * depth), 8, invariant=True)
            same = fn.icmp("eq", at_depth, handle)
            check_end = fn.current
            fn.br(done)
            fn.at(done)
            return fn.phi("i1", [(Value("i1", "false"), start), (same, check_end)])
        if target.is_interface:
            return fn.icmp("ne", self.find_itable(vt, handle), Value("ptr", "null"))
        r = fn.call("i32", self.helper("clrpy_cast_slow"), [obj, handle])
        return fn.icmp("ne", r, const("i32", 0))

    def _object_operand(self, what):
        it = self.pop()
        if it.kind not in (K.O, K.BYREF, K.I):
            self.fail(f"{what} of a {it.kind.name}")
        v = it.value if it.kind != K.I else self.fn.cast("inttoptr", it.value, "ptr")
        return v

    def _test_nonnull(self, obj, target):
        """Branch on null first (null is never an instance); returns the i1 result and the join."""
        fn = self.fn
        nonnull, test_done = fn.block("nn"), fn.block("isinst_done")
        start = fn.current
        fn.cbr(fn.icmp("eq", obj, Value("ptr", "null")), test_done, nonnull)
        fn.at(nonnull)
        ok = self.instance_test(obj, target)
        end = fn.current
        fn.br(test_done)
        fn.at(test_done)
        return fn.phi("i1", [(Value("i1", "false"), start), (ok, end)]), start

    def op_isinst(self, i):
        target = self._type_token(i.operand)
        obj = self._object_operand("isinst")
        ok, _ = self._test_nonnull(obj, target)
        self.push(K.O, self.fn.select(ok, obj, Value("ptr", "null")), target if not target.is_value_type else None)

    def op_castclass(self, i):
        target = self._type_token(i.operand)
        obj = self._object_operand("castclass")
        self.cast_or_throw(obj, target)
        self.push(K.O, obj, target if not target.is_value_type else None)

    def cast_or_throw(self, obj: Value, target):
        fn = self.fn
        nonnull, done = fn.block("cc"), fn.block("cc_done")
        fn.cbr(fn.icmp("eq", obj, Value("ptr", "null")), done, nonnull)
        fn.at(nonnull)
        ok = self.instance_test(obj, target)
        bad = fn.block("cc_fail")
        fn.cbr(ok, done, bad, "likely")
        fn.at(bad)
        handle = self.mb.external_global(self.env.type_symbol(target))
        fn.call("void", self.helper("clrpy_throw_invalid_cast"),
                [obj, handle, self.method_id(), const("i32", self.il_offset)], attrs="nomerge")
        self.leave_raising()
        fn.at(done)

    # -- boxing ------------------------------------------------------------------------------------
    def box_value(self, th, src: Value) -> Value:
        """Box the value of type `th` at address `src`; returns the new object (or null for an
        empty Nullable)."""
        fn = self.fn
        if th.is_nullable:
            has_value, value_f = self._nullable_fields(th)
            flag = fn.load("i8", fn.gep(src, has_value.offset), 1)
            underlying = th.generic_args[0]
            empty, full, done = fn.block("nul_empty"), fn.block("nul_box"), fn.block("nul_done")
            fn.cbr(fn.icmp("eq", flag, const("i8", 0)), empty, full)
            fn.at(full)
            boxed = self.box_value(underlying, fn.gep(src, value_f.offset))
            full_end = fn.current
            fn.br(done)
            fn.at(empty)
            fn.br(done)
            fn.at(done)
            return fn.phi("ptr", [(Value("ptr", "null"), empty), (boxed, full_end)])
        rep = type_rep(th)
        size = align(OBJECT_HEADER_SIZE + rep.size, 8)
        obj = self.allocate_object(th, size)
        fn.memcpy(fn.gep(obj, OBJECT_HEADER_SIZE), src, rep.size, min(max(rep.align, 1), 8))
        return obj

    def _nullable_fields(self, th):
        fields = [f for f in th.fields if not f.is_static]
        has_value = next((f for f in fields if f.name in ("has_value", "hasValue")), None)
        value = next((f for f in fields if f.name == "value"), None)
        if has_value is None or value is None:
            self.unsupported(f"the layout of {th.full_name} (no has_value/value fields)")
        th.ensure_layout()
        return has_value, value

    def op_box(self, i):
        th = self._type_token(i.operand)
        it = self.pop()
        if not th.is_value_type:
            # box of a reference type (in generic code over a class): the object itself.
            if it.kind != K.O:
                self.fail(f"box of a {it.kind.name} as the reference type {th.full_name}")
            self.push(K.O, it.value, th)
            return
        rep = type_rep(th)
        if it.kind == K.VALUE:
            src = it.value
        else:
            src = self.fn.alloca(rep.storage, rep.align)
            self.fn.store(self.coerce(it, rep), src)
        self.push(K.O, self.box_value(th, src), th)

    def _unbox_address(self, obj: Value, th, exact: bool = False) -> Value:
        """Check that `obj` boxes a `th` and return the address of its value (`exact`: no enum
        and underlying type equivalence, as Mono unboxes to Nullable<T>)."""
        fn = self.fn
        self.null_check(obj)
        ok = self.instance_test(obj, th)
        slow, done = fn.block("ub_slow"), fn.block("ub_done")
        fn.cbr(ok, done, slow, "likely")
        fn.at(slow)
        handle = self.mb.external_global(self.env.type_symbol(th))
        bad = fn.block("ub_fail")
        key = self._unbox_key(th) if not exact else None
        if key is not None:
            # Not exactly a boxed th: an enum, its underlying type and the other enums over it
            # unbox as each other (ECMA-335 III.4.32 through I.8.7 "underlying type").
            vt = fn.load("ptr", obj, 8, invariant=True)
            flags = fn.load("i32", fn.gep(vt, NT_FLAGS), 4, invariant=True)
            is_enum = fn.icmp("ne", fn.binop("and", flags, const("i32", int(NativeTypeFlags.ENUM))), const("i32", 0))
            underlying = fn.load("ptr", fn.gep(vt, NT_ELEMENT), 8, invariant=True)
            src_key = fn.select(is_enum, underlying, vt)
            key_handle = self.mb.external_global(self.env.type_symbol(key))
            fn.cbr(fn.icmp("eq", src_key, key_handle), done, bad)
        else:
            fn.br(bad)
        fn.at(bad)
        fn.call("void", self.helper("clrpy_throw_invalid_cast"),
                [obj, handle, self.method_id(), const("i32", self.il_offset)], attrs="nomerge")
        self.leave_raising()
        fn.at(done)
        return fn.gep(obj, OBJECT_HEADER_SIZE)

    def _unbox_key(self, th):
        """The primitive type whose boxes (and whose enums' boxes) unbox as a `th`, or None."""
        if th.is_enum:
            th.ensure_layout()
            return th.element
        return th if th.is_primitive else None

    def _unbox_nullable(self, obj: Value, th) -> Value:
        """A temporary Nullable<T> built from a boxed T or null."""
        fn = self.fn
        rep = type_rep(th)
        tmp = self.temp_value(th)
        fn.memset(tmp, const("i8", 0), const("i64", rep.size), max(rep.align, 1))
        has_value, value_f = self._nullable_fields(th)
        some, done = fn.block("nul_some"), fn.block("nul_done")
        fn.cbr(fn.icmp("eq", obj, Value("ptr", "null")), done, some)
        fn.at(some)
        underlying = th.generic_args[0]
        src = self._unbox_address(obj, underlying, exact=True)
        urep = type_rep(underlying)
        fn.memcpy(fn.gep(tmp, value_f.offset), src, urep.size, 1)
        fn.store(const("i8", 1), fn.gep(tmp, has_value.offset), 1)
        fn.br(done)
        fn.at(done)
        return tmp

    def op_unbox(self, i):
        th = self._type_token(i.operand)
        obj = self._object_operand("unbox")
        if th.is_nullable:
            self.push(K.BYREF, self._unbox_nullable(obj, th), self.loader.byref_to(th))
            return
        if not th.is_value_type:
            self.fail(f"unbox to the reference type {th.full_name}")
        self.push(K.BYREF, self._unbox_address(obj, th), self.loader.byref_to(th))

    def op_unbox_any(self, i):
        th = self._type_token(i.operand)
        obj = self._object_operand("unbox.any")
        if not th.is_value_type:
            self.cast_or_throw(obj, th)
            self.push(K.O, obj, th)
            return
        if th.is_nullable:
            self.push(K.VALUE, self._unbox_nullable(obj, th), th)
            return
        addr = self._unbox_address(obj, th)
        self.stack.append(self.load_as_item(type_rep(th), addr))


def _is_variant(th) -> bool:
    """An instantiation of a generic type with covariant or contravariant parameters."""
    d = th.generic_definition
    if d is None:
        return False
    return any(gp.flags & 0x3 for gp in d.module.generic_params((0x02 << 24) | d.rid))
