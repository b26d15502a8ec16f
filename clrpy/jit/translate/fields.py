"""Field access: ldfld, ldflda, stfld on objects, value types and pointers; ldsfld, ldsflda, stsfld.

Instance fields are at `FieldDesc.offset` from the object's start (reference types) or from the
value's start (value types: through a managed pointer, an unmanaged pointer, or a value on the
stack). Static fields live in their type's statics block, a runtime symbol; before a static field
is touched the type may need its class constructor, which the runtime decides (environment.py):
either it has already run, or it runs now at JIT time (beforefieldinit types, as Mono does), or
the code tests the type's initialised flag and calls the runtime if needed (precise types).
"""
from ..abi import StackKind as K, type_rep
from ..ir_builder import Value


class FieldMixin:
    def _field(self, token):
        return self.loader.resolve_field_token(self.module, token, self.ctx)

    def _field_address(self, f, obj) -> Value:
        """The address of instance field `f` in the object or value designated by stack item `obj`."""
        fn = self.fn
        if f.is_static:
            return self.static_field_address(f)
        f.owner.ensure_layout()
        if obj.kind == K.O:
            self.null_check(obj.value)
            return fn.gep(obj.value, f.offset)
        if obj.kind in (K.BYREF, K.VALUE):
            if obj.kind == K.BYREF:
                self.null_check(obj.value)
            return fn.gep(obj.value, f.offset)
        if obj.kind == K.I:
            return fn.gep(fn.cast("inttoptr", obj.value, "ptr"), f.offset)
        self.fail(f"field access on a {obj.kind.name}")

    def op_ldfld(self, i):
        f = self._field(i.operand)
        obj = self.pop()
        rep = type_rep(f.type)
        volatile, align = self._access()
        addr = self._field_address(f, obj)
        self.stack.append(self.load_as_item(rep, addr, volatile, align))

    def op_ldflda(self, i):
        f = self._field(i.operand)
        obj = self.pop()
        self.push(K.BYREF, self._field_address(f, obj), self.loader.byref_to(f.type))

    def op_stfld(self, i):
        f = self._field(i.operand)
        value = self.pop()
        obj = self.pop()
        rep = type_rep(f.type)
        volatile, align = self._access()
        addr = self._field_address(f, obj)
        self.store_item(value, rep, addr, volatile, align)

    def static_field_address(self, f) -> Value:
        if f.is_literal:
            self.fail(f"{f.owner.full_name}::{f.name} is a literal (const) field and has no storage")
        owner = f.owner
        owner.ensure_layout()
        self.env.ensure_class_initialized(self, owner)
        block = self.mb.external_global(self.env.statics_symbol(owner, f.is_thread_static))
        return self.fn.gep(block, f.offset)

    def op_ldsfld(self, i):
        f = self._field(i.operand)
        rep = type_rep(f.type)
        volatile, align = self._access()
        self.stack.append(self.load_as_item(rep, self.static_field_address(f), volatile, align))

    def op_ldsflda(self, i):
        f = self._field(i.operand)
        self.push(K.BYREF, self.static_field_address(f), self.loader.byref_to(f.type))

    def op_stsfld(self, i):
        f = self._field(i.operand)
        value = self.pop()
        rep = type_rep(f.type)
        volatile, align = self._access()
        self.store_item(value, rep, self.static_field_address(f), volatile, align)
