"""Calls: call, callvirt, newobj, calli, jmp, ldftn, and the tail. prefix.

Every call to a managed method goes through the callee's *entry cell*: generated code loads the
code address from the cell and calls it. Until the callee is compiled the cell holds its precode,
which enters the runtime's prestub to compile it (runtime/precode.py); then the cell holds the code,
so later calls never leave native code.

Value-type arguments are passed by reference to a caller-owned copy; value-type results come
back through a hidden pointer to a caller temporary (abi.py). After each call we test the
pending-exception word.

`tail.`: LLVM gets a `tail` hint when the signatures allow it. A call with the prefix runs as an
ordinary call otherwise; that is only a problem for unbounded mutual tail recursion, which the
C# compilers we run do not emit (docs/jit.md discusses it).
"""
from ..abi import StackKind as K, method_llvm_signature, type_rep
from ..delegates import is_synthesized
from ..helpers import BuiltinException as BX
from ..ir_builder import Value, const
from ...typesys.native_type import ITABLE_CACHE_ENTRIES, NT_ITABLE_CACHE, slot_offset


class CallMixin:
    def _resolve_method(self, token):
        return self.loader.resolve_method_token(self.module, token, self.ctx)

    def _pop_call_args(self, md, with_this: bool):
        """Pop the arguments of a call to `md` (and `this`), coerced to its parameter types."""
        params = md.param_types
        items = self.popn(len(params) + (1 if with_this else 0))
        values = []
        this_item = None
        if with_this:
            this_item = items[0]
            owner = md.owner
            if owner.is_value_type:
                if this_item.kind not in (K.BYREF, K.I):
                    if this_item.kind == K.VALUE:
                        values.append(this_item.value)       # a boxed-free value: its temp's address
                    else:
                        self.fail(f"'this' of {md.full_name} must be a managed pointer, found {this_item.kind.name}")
                else:
                    values.append(this_item.value if this_item.kind == K.BYREF
                                  else self.fn.cast("inttoptr", this_item.value, "ptr"))
            else:
                if this_item.kind not in (K.O, K.BYREF):
                    self.fail(f"'this' of {md.full_name} must be an object reference, found {this_item.kind.name}")
                values.append(this_item.value)
            items = items[1:]
        for it, th in zip(items, params):
            rep = type_rep(th)
            v = self.coerce(it, rep)
            if rep.kind == K.VALUE:
                copy = self.temp_value(th)
                self.fn.memcpy(copy, v, rep.size, max(rep.align, 1))
                v = copy
            values.append(v)
        return values, this_item

    def emit_managed_call(self, md, args, tail=False):
        """Call `md` directly (not virtually) with already-coerced args; push its result."""
        fn = self.fn
        intrinsic = self.env.intrinsic(md)
        if intrinsic is not None:
            result = intrinsic(self, md, args)
            if result is not None:
                self.stack.append(result)
            return
        ret, params, attrs, sret = method_llvm_signature(md)
        if md.is_internal_call or md.is_pinvoke or (md.is_runtime_implemented and not is_synthesized(md)):
            target = self.env.native_target(md)
            if target is None:
                kind = "P/Invoke" if md.is_pinvoke else "internal call"
                self.throw_not_supported(f"{kind} {md.display_signature()} is not implemented")
                # Code after this point is unreachable; keep the stack shape for the importer.
                self._push_dummy_result(md)
                fn.at(fn.block("dead"))
                return
            callee = self.mb.declare(target, ret, params)
        else:
            if md.is_abstract:
                self.fail(f"direct call to abstract method {md.full_name}")
            cell = self.mb.external_global(self.env.cell_symbol(md))
            callee = fn.load("ptr", cell).ref
        self.emit_call_through(md, callee, args, tail)

    def emit_call_through(self, md, callee: str, args, tail=False):
        """Call code at `callee` (an @symbol or a %register) with `md`'s signature; push the result."""
        fn = self.fn
        ret, params, attrs, sret = method_llvm_signature(md)
        out = None
        if sret:
            out = self.temp_value(md.return_type)
            args = [out] + list(args)
        call_args = [Value(p, a.ref) for p, a in zip(params, args)]
        for p, a in zip(params, args):
            if p != a.type:
                self.fail(f"internal error: argument type {a.type} for a {p} parameter of {md.full_name}")
        rattr = type_rep(md.return_type).ext_attr if md.return_type is not None and not sret else ""
        r = fn.call(f"{rattr + ' ' if rattr else ''}{ret}", callee, call_args, tail="tail" if tail else "",
                    arg_attrs=attrs)
        if ret != "void":
            r = Value(ret, r.ref)
        self.check_pending()
        rt = md.return_type
        if rt is None:
            return
        rep = type_rep(rt)
        if sret:
            self.push(K.VALUE, out, rt)
        elif rep.is_small:
            self.push(rep.kind, fn.cast("sext" if rep.signed else "zext", r, "i32"), rt)
        else:
            self.push(rep.kind, r, rt)

    def _push_dummy_result(self, md):
        rt = md.return_type
        if rt is None:
            return
        rep = type_rep(rt)
        if rep.kind == K.VALUE:
            self.push(K.VALUE, self.temp_value(rt), rt)
        else:
            llvm = {K.I4: "i32", K.I8: "i64", K.I: "i64", K.F4: "float", K.F8: "double"}.get(rep.kind, "ptr")
            self.push(rep.kind, self.zero(llvm), rt)

    # -- the call instructions -----------------------------------------------------------------
    def op_call(self, i):
        md = self._resolve_method(i.operand)
        if md.array_method:
            return self.array_method_call(md)
        if md.is_generic_method_definition:
            self.fail(f"call to the uninstantiated generic method {md.full_name}")
        args, _ = self._pop_call_args(md, md.has_this)
        self.emit_managed_call(md, args, tail="tail." in self.prefixes)

    def op_callvirt(self, i):
        md = self._resolve_method(i.operand)
        if md.array_method:
            return self.array_method_call(md)
        if not md.has_this:
            self.fail(f"callvirt to static method {md.full_name}")
        constrained = self.prefixes.get("constrained.")
        if constrained is not None:
            return self.constrained_call(md, constrained)
        args, this_item = self._pop_call_args(md, True)
        self.null_check(args[0])
        if md.is_virtual and not md.is_final and not md.owner.is_sealed:
            # Devirtualised when the receiver's static type has only one possible target (C#
            # compilers name the base method, Animal::Legs, even on a sealed Bird).
            target = self.env.devirtualize(md, this_item.th if this_item.kind == K.O else None)
            if target is None:
                return self.virtual_call(md, args)
            md = target
        self.emit_managed_call(md, args, tail="tail." in self.prefixes)

    def virtual_call(self, md, args):
        """callvirt of a virtual method: the object's vtable (or interface map) picks the code."""
        self.emit_call_through(md, self.virtual_target(md, args[0]).ref, args, tail="tail." in self.prefixes)

    def virtual_target(self, md, this: Value) -> Value:
        """The code address a virtual call of `md` on object `this` reaches."""
        fn = self.fn
        if md.generic_args:
            # Generic virtual methods have no vtable slot per instantiation: ask the runtime
            # (it caches the answer per receiver type).
            mid = self.env.method_id_symbol(md)
            g = self.mb.external_global(mid)
            code = fn.call("ptr", self.helper("clrpy_resolve_virtual"),
                           [this, Value("i64", f"ptrtoint (ptr {g.ref} to i64)")])
            self.check_pending()
            return code
        vt = fn.load("ptr", this, 8, invariant=True)
        owner = md.owner
        if owner.is_interface:
            index = self.env.interface_method_index(md)
            iface = self.mb.external_global(self.env.type_symbol(owner))
            itable = self.find_itable(vt, iface)
            return fn.load("ptr", fn.gep(itable, 8 * index), 8)
        slot = self.env.vtable_slot(md)
        return fn.load("ptr", fn.gep(vt, slot_offset(slot)), 8)

    def find_itable(self, vt: Value, iface: Value) -> Value:
        """The itable of `iface` for type handle `vt`: from the type's itable cache when the entry
        for this interface is there (two loads and a compare), else from clrpy_find_itable."""
        fn = self.fn
        h = fn.binop("and", fn.binop("lshr", Value("i64", f"ptrtoint (ptr {iface.ref} to i64)"), const("i64", 4)),
                     const("i64", ITABLE_CACHE_ENTRIES - 1))
        entry = fn.gep(vt, fn.binop("add", fn.binop("mul", h, const("i64", 16)), const("i64", NT_ITABLE_CACHE)))
        cached = fn.load("ptr", entry, 8)
        hit, miss, done = fn.block("it_hit"), fn.block("it_miss"), fn.block("it_done")
        fn.cbr(fn.icmp("eq", cached, iface), hit, miss, "likely")
        fn.at(hit)
        fast = fn.load("ptr", fn.gep(entry, 8), 8)
        fn.br(done)
        fn.at(miss)
        slow = fn.call("ptr", self.helper("clrpy_find_itable"), [vt, iface])
        miss_end = fn.current
        fn.br(done)
        fn.at(done)
        return fn.phi("ptr", [(fast, hit), (slow, miss_end)])

    def constrained_call(self, md, constrained_token):
        """callvirt with constrained. T (III.2.1): `this` is a managed pointer to a T."""
        t = self.loader.resolve_type_token(self.module, constrained_token, self.ctx)
        args, this_item = self._pop_call_args_constrained(md)
        fn = self.fn
        if not t.is_value_type:
            # A reference type: dereference the pointer and call virtually as usual.
            obj = fn.load("ptr", args[0], 8)
            args[0] = obj
            self.null_check(obj)
            if md.is_virtual and not md.is_final:
                return self.virtual_call(md, args)
            return self.emit_managed_call(md, args)
        impl = self.env.value_type_implementation(t, md)
        if impl is not None:
            # T implements the method itself: call it directly with the pointer as `this`.
            return self.emit_managed_call(impl, args)
        # Inherited from Object/ValueType/Enum: box the value and make a virtual call on the box.
        boxed = self.box_value(t, args[0])
        args[0] = boxed
        if md.is_virtual:
            return self.virtual_call(md, args)
        return self.emit_managed_call(md, args)

    def _pop_call_args_constrained(self, md):
        """Pop a constrained call's arguments: `this` stays a pointer (to a T), the rest are coerced."""
        params = md.param_types
        items = self.popn(len(params) + 1)
        this = items[0]
        if this.kind == K.BYREF:
            this_v = this.value
        elif this.kind == K.I:
            this_v = self.fn.cast("inttoptr", this.value, "ptr")
        else:
            self.fail(f"constrained. call with a {this.kind.name} `this` (a managed pointer is required)")
        values = [this_v]
        for it, th in zip(items[1:], params):
            rep = type_rep(th)
            v = self.coerce(it, rep)
            if rep.kind == K.VALUE:
                copy = self.temp_value(th)
                self.fn.memcpy(copy, v, rep.size, max(rep.align, 1))
                v = copy
            values.append(v)
        return values, this

    def op_ldvirtftn(self, i):
        md = self._resolve_method(i.operand)
        obj = self.pop()
        if obj.kind != K.O:
            self.fail(f"ldvirtftn on a {obj.kind.name}")
        self.null_check(obj.value)
        if md.is_virtual and not md.is_final:
            target = self.virtual_target(md, obj.value)
            fp = self.fn.cast("ptrtoint", target, "i64")
            self._virtual_ftns()[fp.ref] = md
        else:
            fp = self.function_pointer(md)
            self.ftn_methods[fp.ref] = md
        self.push(K.I, fp, self.loader.fnptr(md.signature))

    def _virtual_ftns(self):
        """SSA name of an ldvirtftn result -> the method named by its token (for Delegate.Method)."""
        d = getattr(self, "_virtual_ftn_methods", None)
        if d is None:
            d = self._virtual_ftn_methods = {}
        return d

    def op_newobj(self, i):
        ctor = self._resolve_method(i.operand)
        owner = ctor.owner
        if not ctor.is_constructor:
            self.fail(f"newobj with {ctor.full_name}, which is not an instance constructor")
        if owner.is_abstract or owner.is_interface:
            self.fail(f"newobj of abstract type {owner.full_name}")
        if owner.is_value_type:
            rep = type_rep(owner)
            tmp = self.temp_value(owner)
            self.fn.memset(tmp, const("i8", 0), const("i64", rep.size), max(rep.align, 1))
            self.stack.append(_ItemProxy(K.BYREF, tmp, self.loader.byref_to(owner)))
            # Arguments are below the pointer we just pushed; rotate it into the `this` position.
            this = self.stack.pop()
            n = len(ctor.param_types)
            self.stack.insert(len(self.stack) - n, this)
            args, _ = self._pop_call_args(ctor, True)
            self.emit_managed_call(ctor, args)
            # A primitive value type (IntPtr, Int32, ...) lives on the stack as its primitive.
            if rep.kind == K.VALUE:
                self.push(K.VALUE, tmp, owner)
            else:
                self.stack.append(self.load_as_item(rep, tmp))
            return
        if owner is self.loader.string_type or owner.is_array:
            return self.special_newobj(ctor, owner)
        origin = self._delegate_target_fixup() if owner.is_delegate else None
        n = len(ctor.param_types)
        obj = self.allocate_object(owner)
        this = _ItemProxy(K.O, obj, owner)
        self.stack.insert(len(self.stack) - n, this)
        args, _ = self._pop_call_args(ctor, True)
        self.emit_managed_call(ctor, args)
        if origin is not None:
            self._record_delegate_method(owner, obj, *origin)
        self.push(K.O, obj, owner)

    def _record_delegate_method(self, owner, obj, md, is_virtual):
        """Delegate.method (Mono's MonoMethod*; ours the method's handle record), which Delegate.Method,
        Equals and removal from invocation lists go by; `method_is_virtual` for ldvirtftn."""
        from ..delegates import _field
        method_f, virtual_f = _field(owner, "method"), _field(owner, "method_is_virtual")
        if method_f is None:
            return
        record = self.mb.external_global(self.env.method_handle_symbol(md))
        self.fn.store(record, self.fn.gep(obj, method_f.offset), 8)
        if is_virtual and virtual_f is not None:
            self.fn.store(const("i8", 1), self.fn.gep(obj, virtual_f.offset), 1)

    def _delegate_target_fixup(self):
        """new D(box, ldftn ValueType::M): M wants a pointer to the value, the delegate will pass the
        box, so the delegate gets M's unboxing stub instead of M itself. Returns (the method, made
        by ldvirtftn?) when the function pointer's origin is known."""
        fp = self.stack[-1] if self.stack else None
        if fp is None or fp.kind != K.I:
            return None
        md = self.ftn_methods.get(fp.value.ref)
        if md is None:
            virtual = self._virtual_ftns().get(fp.value.ref)
            return (virtual, True) if virtual is not None else None
        if md.has_this and md.owner.is_value_type:
            g = self.mb.external_global(self.env.unboxing_stub_symbol(md))
            fp.value = Value("i64", f"ptrtoint (ptr {g.ref} to i64)")
        return md, False

    def special_newobj(self, ctor, owner):
        if owner.is_array:
            if not ctor.array_method:
                self.fail(f"newobj of array type {owner.full_name} with {ctor.full_name}")
            return self.array_newobj(ctor)
        # Strings: Mono's corlib pairs each String constructor with a static String.Ctor(same
        # parameters) returning the new string; newobj calls that instead.
        factory = next((m for m in owner.methods if m.name == "Ctor" and m.is_static
                        and m.param_types == ctor.param_types), None)
        if factory is None:
            self.unsupported(f"the string constructor {ctor.display_signature()}")
        args, _ = self._pop_call_args(factory, False)
        self.emit_managed_call(factory, args)

    def op_calli(self, i):
        s = self.module.standalone_sig(i.operand & 0xFFFFFF)
        from ...metadata.signatures import MethodSig
        if not isinstance(s, MethodSig):
            self.fail("calli with a token that is not a method signature")
        ftn = self.pop()
        if ftn.kind not in (K.I, K.I4):
            self.fail(f"calli through a {ftn.kind.name}")
        ret_th = self.loader.from_sig(self.module, s.ret, self.ctx)
        params = [self.loader.from_sig(self.module, p, self.ctx) for p in s.params]
        if s.kind not in (0, 5):
            self.unsupported("calli with an unmanaged calling convention")
        items = self.popn(len(params) + (1 if s.has_this else 0))
        fn = self.fn
        values, types, attrs = [], [], []
        ret_rep = type_rep(ret_th) if ret_th is not self.loader.void_type else None
        out = None
        if ret_rep is not None and ret_rep.kind == K.VALUE:
            out = self.temp_value(ret_th)
            values.append(out)
            types.append("ptr")
            attrs.append("noalias")
        if s.has_this:
            this = items.pop(0)
            values.append(this.value if this.kind in (K.O, K.BYREF) else fn.cast("inttoptr", this.value, "ptr"))
            types.append("ptr")
            attrs.append("")
        for it, th in zip(items, params):
            rep = type_rep(th)
            v = self.coerce(it, rep)
            if rep.kind == K.VALUE:
                copy = self.temp_value(th)
                fn.memcpy(copy, v, rep.size, max(rep.align, 1))
                v = copy
            values.append(v)
            types.append(rep.arg_type)
            attrs.append(rep.ext_attr)
        target = fn.cast("inttoptr", ftn.value if ftn.kind == K.I else fn.cast("sext", ftn.value, "i64"), "ptr")
        if ret_rep is None or ret_rep.kind == K.VALUE:
            fn.call("void", target.ref, values, arg_attrs=attrs)
        else:
            r = fn.call(f"{ret_rep.ext_attr + ' ' if ret_rep.ext_attr else ''}{ret_rep.storage}", target.ref, values,
                        arg_attrs=attrs)
            r = Value(ret_rep.storage, r.ref)
        self.check_pending()
        if ret_rep is None:
            return
        if out is not None:
            self.push(K.VALUE, out, ret_th)
        elif ret_rep.is_small:
            self.push(ret_rep.kind, fn.cast("sext" if ret_rep.signed else "zext", r, "i32"), ret_th)
        else:
            self.push(ret_rep.kind, r, ret_th)

    def op_ldftn(self, i):
        md = self._resolve_method(i.operand)
        fp = self.function_pointer(md)
        self.ftn_methods[fp.ref] = md
        self.push(K.I, fp, self.loader.fnptr(md.signature))

    def function_pointer(self, md) -> Value:
        """The address to call `md` at: its compiled code, or its precode, which compiles it (an
        internal call's precode installs its native function or a wrapper: jit/icall_wrappers.py)."""
        if md.is_pinvoke or (md.is_runtime_implemented and not is_synthesized(md)):
            self.unsupported(f"taking the address of {md.full_name}")
        cell = self.mb.external_global(self.env.cell_symbol(md))
        return self.fn.cast("ptrtoint", self.fn.load("ptr", cell), "i64")

    def op_jmp(self, i):
        md = self._resolve_method(i.operand)
        if self.stack:
            self.fail("jmp with a non-empty evaluation stack")
        if len(md.param_types) != len(self.method.param_types) or md.has_this != self.method.has_this:
            self.fail(f"jmp to {md.full_name}, whose signature differs from the current method's")
        # Pass our own incoming arguments on, as the current values of the argument homes.
        args = []
        for home, rep in zip(self.arg_homes, self.arg_reps):
            args.append(home if rep.kind == K.VALUE else self.fn.load(rep.storage, home))
        sret_args = [self.sret_ptr] if self.sret else []
        cell = self.mb.external_global(self.env.cell_symbol(md))
        ret, params, attrs, sret = method_llvm_signature(md)
        fp = self.fn.load("ptr", cell)
        self.emit_frame_unlink()
        r = self.fn.call(ret, fp.ref, [Value(p, a.ref) for p, a in zip(params, sret_args + args)], arg_attrs=attrs)
        self.fn.ret(r if ret != "void" else None)


class _ItemProxy:
    """A stack entry built outside the normal push path (newobj's `this`)."""

    __slots__ = ("kind", "value", "th")

    def __init__(self, kind, value, th):
        self.kind, self.value, self.th = kind, value, th
