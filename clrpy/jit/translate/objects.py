"""Objects: allocation (the inline fast path), ldstr, and the object-model instructions.

Allocation bumps a pointer through the current allocation region and falls back to the runtime
(`clrpy_alloc_slow`) when the region is exhausted; the memory comes zeroed. Every object gets its
type's native handle in its first word. The collector owns the region pointers (runtime/gc); objects
of classes with a finalizer are always allocated by `clrpy_alloc_finalizable`, which registers them.
"""
from ..abi import StackKind as K
from ..helpers import ALLOC_LIMIT, ALLOC_PTR
from ..ir_builder import Value, const
from ...typesys.object_layout import OBJECT_VTABLE_OFFSET


class ObjectMixin:
    def allocate_object(self, th, size: int = None) -> Value:
        """Emit the allocation of an object of class `th` (or of a box of `size` bytes for a value
        type); returns the new reference."""
        if size is None:
            size = th.ensure_layout().instance_size
        fn = self.fn
        handle = self.mb.external_global(self.env.type_symbol(th))
        if self.env.has_finalizer(th):
            obj = fn.call("ptr", self.helper("clrpy_alloc_finalizable"), [handle, const("i64", size)])
            self.check_pending()
            return obj
        ptr_g = self.mb.external_global(ALLOC_PTR)
        lim_g = self.mb.external_global(ALLOC_LIMIT)
        cur = fn.load("ptr", ptr_g, 8)
        end = fn.gep(cur, size)
        limit = fn.load("ptr", lim_g, 8)
        fits = fn.icmp("ule", end, limit)
        fast, slow, done = fn.block("alloc_fast"), fn.block("alloc_slow"), fn.block("alloc_done")
        fn.cbr(fits, fast, slow, "likely")
        fn.at(fast)
        fn.store(end, ptr_g, 8)
        fn.store(handle, fn.gep(cur, OBJECT_VTABLE_OFFSET), 8)
        fn.br(done)
        fn.at(slow)
        obj_slow = fn.call("ptr", self.helper("clrpy_alloc_slow"), [handle, const("i64", size)])
        self.check_pending()
        slow_end = fn.current
        fn.br(done)
        fn.at(done)
        return fn.phi("ptr", [(cur, fast), (obj_slow, slow_end)])

    def op_ldstr(self, i):
        cell = self.mb.external_global(self.env.string_literal_symbol(self.module, i.operand))
        self.push(K.O, self.fn.load("ptr", cell, 8), self.loader.string_type)

    def op_ldtoken(self, i):
        """Push a RuntimeTypeHandle, RuntimeFieldHandle or RuntimeMethodHandle: a struct holding the
        address of the runtime's record for the type (its native handle), field or method."""
        token = i.operand
        table = token >> 24
        loader = self.loader
        if table in (0x01, 0x02, 0x1B):
            th = loader.resolve_type_token(self.module, token, self.ctx)
            symbol, handle_type = self.env.type_symbol(th), loader.corlib_type("System", "RuntimeTypeHandle")
        elif table == 0x04 or (table == 0x0A and self._member_ref_is_field(token)):
            f = loader.resolve_field_token(self.module, token, self.ctx)
            symbol, handle_type = self.env.field_handle_symbol(f), loader.corlib_type("System", "RuntimeFieldHandle")
        elif table in (0x06, 0x0A, 0x2B):
            md = loader.resolve_method_token(self.module, token, self.ctx)
            symbol, handle_type = self.env.method_handle_symbol(md), loader.corlib_type("System", "RuntimeMethodHandle")
        else:
            self.fail(f"ldtoken of token 0x{token:08x}")
        tmp = self.temp_value(handle_type)
        self.fn.store(self.mb.external_global(symbol), tmp, 8)
        self.push(K.VALUE, tmp, handle_type)

    def _member_ref_is_field(self, token) -> bool:
        from ...metadata.signatures import FieldSig
        return isinstance(self.module.member_ref_sig(token & 0xFFFFFF), FieldSig)
