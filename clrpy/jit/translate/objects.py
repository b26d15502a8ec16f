"""Objects: allocation (the inline fast path), ldstr, and the object-model instructions.

Allocation bumps a pointer through the current allocation region and falls back to the runtime
(`clrpy_alloc_slow`) when the region is exhausted; the memory comes zeroed. Every object gets its
type's native handle in its first word. The collector (a later issue) owns the region pointers.
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
