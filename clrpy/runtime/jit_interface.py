"""The runtime's side of the JIT/EE interface (jit/environment.py).

Symbol names are built from stable keys (assembly name and metadata token, plus generic
arguments), so the same method or type has the same symbol in every process; each symbol is bound
to this process's address when it is first named. The JIT thereby never sees an address.

Class initialisation is decided here, at JIT time, the way Mono does it:
* a type without a class constructor, or whose constructor has already run, needs nothing;
* a `beforefieldinit` type has its constructor run now, before the method that touches its
  statics is even compiled (ECMA-335 allows any time before the first static field access),
  and so before its own static methods and constructors (and a value type's methods) are;
* a type with *precise* semantics gets a test of its initialised flag in the generated code:
  at static field accesses from other types' methods, and in the prologue of its own static
  methods and instance constructors, and of a value type's instance methods (the first call of
  any of them triggers the constructor).
"""
from ..jit import intrinsics
from ..jit.environment import JitEnvironment
from ..jit.ir_builder import Value, const
from ..metadata.schema import TableId as T
from ..typesys.native_type import NT_INITIALIZED
from ..typesys.type_handle import TypeKind
from ..typesys.vtable import build_vtable


class RuntimeJitInterface(JitEnvironment):
    def __init__(self, engine):
        self.engine = engine
        self.loader = engine.loader
        self._messages = {}

    # -- symbols -----------------------------------------------------------------------------------
    def method_symbol(self, md) -> str:
        return "m:" + self.engine.method_key(md)

    def cell_symbol(self, md) -> str:
        self.engine.entry_cell(md)
        return "cell:" + self.engine.method_key(md)

    def method_id_symbol(self, md) -> str:
        self.engine.method_id(md)
        return "mid:" + self.engine.method_key(md)

    def type_symbol(self, th) -> str:
        self.engine.types.publish(th)
        return self.engine.types.symbol(th)

    def has_finalizer(self, th) -> bool:
        """Objects of `th` must be registered for finalization when allocated (gc/finalization.py)."""
        from ..typesys.native_type import NT_FLAGS, NativeTypeFlags
        from .native_memory import read_u32
        return bool(read_u32(self.engine.types.address(th) + NT_FLAGS) & NativeTypeFlags.HAS_FINALIZER)

    def statics_symbol(self, th, thread_static: bool) -> str:
        return self.engine.statics.symbol(th, thread_static)

    def field_handle_symbol(self, f) -> str:
        symbol = f"fieldhandle:{self.engine.type_key(f.owner)}::{f.token:08x}"
        self.engine.native.define_symbol(symbol, self.engine.type_objects.field_handle(f))
        return symbol

    def method_handle_symbol(self, md) -> str:
        symbol = "methodhandle:" + self.engine.method_key(md)
        self.engine.native.define_symbol(symbol, self.engine.type_objects.method_handle(md))
        return symbol

    def caller_object_symbol(self, what: str, md) -> str:
        """A cell holding the reflection object `what` ("assembly", "method") of method `md`."""
        return self.engine.type_objects.caller_object_cell(what, md)

    def unboxing_stub_symbol(self, md) -> str:
        symbol = "unbox:" + self.engine.method_key(md)
        self.engine.native.define_symbol(symbol, self.engine.unboxing_stub(md))
        return symbol

    def string_literal_symbol(self, module, token: int) -> str:
        return self.engine.strings.literal_symbol(module, token)

    def message_id(self, text: str) -> int:
        ids = self._messages
        if text not in ids:
            ids[text] = len(self.engine.messages)
            self.engine.messages.append(text)
        return ids[text]

    # -- decisions -------------------------------------------------------------------------------------
    def function_attrs(self, md) -> str:
        # Frame pointers let a throw walk the stack for its trace (runtime/native_helpers.py).
        return '"frame-pointer"="all"'

    def emit_prologue(self, imp):
        md = imp.method
        owner = md.owner
        if imp.tier == 0 and not md.is_class_constructor:
            self._emit_call_counting(imp)
        # ECMA-335 II.10.5.3.1: static methods and constructors trigger it, and so do a value
        # type's instance methods (a struct's value exists without any constructor call).
        if (md.is_static or md.is_constructor or owner.is_value_type) and not md.is_class_constructor:
            state = self.engine.class_init
            if not state.has_cctor(owner) or state.is_done(owner) or state.is_running_here(owner):
                return
            if owner.is_before_field_init and state.run_now(owner):
                return
            self._emit_init_check(imp, owner)

    def emit_epilogue(self, imp):
        pass

    def vtable_slot(self, md) -> int:
        build_vtable(self.loader, md.owner)
        return md.owner.slot_of[md]

    def interface_method_index(self, md) -> int:
        build_vtable(self.loader, md.owner)
        return md.owner.slot_of[md]

    def value_type_implementation(self, t, md):
        """The method value type `t` itself defines for a constrained call of `md`, or None when
        `t` inherits it (from Object, ValueType or Enum: the call then needs a box)."""
        if md.owner is t:
            return md
        build_vtable(self.loader, t)
        generic = md.generic_definition or md       # slots belong to generic methods' definitions
        if md.owner.is_interface:
            build_vtable(self.loader, md.owner)
            slots = t.interface_slots.get(md.owner)
            if slots is None:
                return None
            slot = slots[md.owner.slot_of[generic]]
            impl = t.vtable[slot] if slot >= 0 else None
        elif md.is_virtual:
            build_vtable(self.loader, md.owner)
            impl = t.vtable[md.owner.slot_of[generic]]
        else:
            return None
        if impl is None or impl.owner is not t:
            return None
        if md.generic_args:
            impl = self.loader.instantiate_method(impl, md.generic_args)
        return impl

    def devirtualize(self, md, receiver):
        """The method a virtual call of `md` reaches on every object whose static type is `receiver`,
        if only one can (the class is sealed, or its implementation is final), else None. An
        interface method is only resolved for a sealed class: a subclass could re-implement it."""
        if receiver is None or receiver.kind != TypeKind.CLASS or md.generic_args:
            return None
        owner = md.owner
        build_vtable(self.loader, receiver)
        if owner.is_interface:
            if not receiver.is_sealed:
                return None
            build_vtable(self.loader, owner)
            slots = receiver.interface_slots.get(owner)
            slot = slots[owner.slot_of[md]] if slots is not None else -1
        else:
            if receiver is not owner and not receiver.is_subclass_of(owner):
                return None
            build_vtable(self.loader, owner)
            slot = owner.slot_of[md]
        impl = receiver.vtable[slot] if slot >= 0 else None
        if impl is None or impl.is_abstract or not (receiver.is_sealed or impl.is_final):
            return None
        return impl

    def intrinsic(self, md):
        return intrinsics.lookup(md)

    def replacement(self, md):
        return self.engine.icalls.replacement(md)

    def native_target(self, md):
        return self.engine.icalls.target(md)

    def symbol_sequence_points(self, md):
        if not self.engine.options.debug or md.module is None:
            return None
        from ..metadata.debug_symbols import symbols_of
        symbols = symbols_of(md.module)
        if symbols is None:
            return None
        return [p.il_offset for p in symbols.sequence_points(md.token)] or None

    def ensure_class_initialized(self, imp, th):
        """Make sure `th`'s class constructor has run before the code being compiled touches its statics."""
        state = self.engine.class_init
        if not state.has_cctor(th) or state.is_done(th) or state.is_running_here(th):
            return
        if th.is_before_field_init and state.run_now(th):
            return
        if imp.method.owner is th:
            return      # its own methods run only after the constructor was triggered
        self._emit_init_check(imp, th)

    def _emit_call_counting(self, imp):
        """Tier-0 code counts its calls down; at zero it asks for the optimised tier (the call in
        progress, and any on other frames, finish in tier-0 code)."""
        fn = imp.fn
        self.engine.call_counter(imp.method)
        counter = imp.mb.external_global("count:" + self.engine.method_key(imp.method))
        n = fn.binop("sub", fn.load("i32", counter, 4), const("i32", 1))
        fn.store(n, counter, 4)
        hot, cont = fn.block("promote"), fn.block("counted")
        fn.cbr(fn.icmp("eq", n, const("i32", 0)), hot, cont, "unlikely")
        fn.at(hot)
        fn.call("void", imp.helper("clrpy_promote"), [imp.method_id()])
        fn.br(cont)
        fn.at(cont)

    def _emit_init_check(self, imp, th):
        fn = imp.fn
        handle = imp.mb.external_global(self.type_symbol(th))
        flag = fn.load("i32", fn.gep(handle, NT_INITIALIZED), 4)
        done = fn.icmp("ne", flag, const("i32", 0))
        run, cont = fn.block("cctor"), fn.block("inited")
        fn.cbr(done, cont, run, "likely")
        fn.at(run)
        fn.call("void", imp.helper("clrpy_class_init"), [handle])
        imp.check_pending()
        fn.br(cont)
        fn.at(cont)
