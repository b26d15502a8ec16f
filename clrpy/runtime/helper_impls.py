"""The runtime helpers implemented in Python, exported to native code through ctypes.

Each helper of jit/helpers.py that is not native code is a Python function wrapped in a ctypes
callback whose address is bound to the helper's symbol. They are the slow paths: compiling a
method, starting an allocation region, raising an exception, running a class constructor. A
Python exception must never unwind through native frames (ctypes would print and swallow it), so
every helper catches clrpy's errors and turns them into a pending managed exception; anything else
is a bug in clrpy and ends the process with a message.
"""
import ctypes
import os
import sys
import traceback

from ..errors import ClrpyError, InvalidProgramError, UnsupportedFeatureError
from ..jit.helpers import BuiltinException as BX
from .gc.heap import HeapExhausted

C = ctypes
SIGNATURES = {
    "clrpy_jit_compile": C.CFUNCTYPE(C.c_void_p, C.c_int64),
    "clrpy_alloc_slow": C.CFUNCTYPE(C.c_void_p, C.c_void_p, C.c_int64),
    "clrpy_new_array": C.CFUNCTYPE(C.c_void_p, C.c_void_p, C.c_int64),
    "clrpy_new_mdarray": C.CFUNCTYPE(C.c_void_p, C.c_void_p, C.c_void_p, C.c_void_p),
    "clrpy_class_init": C.CFUNCTYPE(None, C.c_void_p),
    "clrpy_promote": C.CFUNCTYPE(None, C.c_int64),
    "clrpy_throw": C.CFUNCTYPE(None, C.c_void_p, C.c_int64, C.c_int32),
    "clrpy_throw_builtin": C.CFUNCTYPE(None, C.c_int32, C.c_int64, C.c_int32),
    "clrpy_throw_not_supported": C.CFUNCTYPE(None, C.c_int64, C.c_int64, C.c_int32),
    "clrpy_stack_overflow": C.CFUNCTYPE(None, C.c_int64, C.c_void_p),
    "clrpy_find_itable_slow": C.CFUNCTYPE(C.c_void_p, C.c_void_p, C.c_void_p),
    "clrpy_resolve_virtual": C.CFUNCTYPE(C.c_void_p, C.c_void_p, C.c_int64),
    "clrpy_cast_slow": C.CFUNCTYPE(C.c_int32, C.c_void_p, C.c_void_p),
    "clrpy_throw_invalid_cast": C.CFUNCTYPE(None, C.c_void_p, C.c_void_p, C.c_int64, C.c_int32),
}


def internal_error(exc: BaseException):
    """A bug in clrpy surfaced inside a helper called from native code: report it and stop."""
    sys.stderr.write(f"clrpy: internal error in a runtime helper: {type(exc).__name__}: {exc}\n")
    if os.environ.get("CLRPY_DEBUG"):
        traceback.print_exception(exc)
    sys.stderr.flush()
    os._exit(70)


class PythonHelpers:
    """Creates the ctypes callbacks of one execution engine and binds their symbols."""

    def __init__(self, engine):
        self.engine = engine
        self._callbacks = {}
        for name, proto in SIGNATURES.items():
            impl = getattr(self, name)
            cb = proto(self._guard(impl, name))
            self._callbacks[name] = cb
            engine.native.define_symbol(name, ctypes.cast(cb, ctypes.c_void_p).value)

    def _guard(self, impl, name):
        engine = self.engine

        def guarded(*args):
            try:
                return impl(*args)
            except (InvalidProgramError, UnsupportedFeatureError) as e:
                engine.raise_from_error(e)
            except HeapExhausted as e:
                engine.raise_builtin(BX.OUT_OF_MEMORY, None, 0, str(e))
            except ClrpyError as e:
                engine.raise_from_error(e)
            except BaseException as e:      # noqa: B902 - a boundary: nothing may unwind into native code
                internal_error(e)
            return None
        guarded.__name__ = name
        return guarded

    # -- the helpers ----------------------------------------------------------------------------------
    def clrpy_jit_compile(self, method_id):
        return self.engine.ensure_compiled(self.engine.methods[method_id])

    def clrpy_alloc_slow(self, type_handle, size):
        obj = self.engine.heap.allocate(size)
        ctypes.c_uint64.from_address(obj).value = type_handle
        return obj

    def clrpy_new_array(self, array_type, length):
        # As Mono: a count that is negative or does not fit 32 bits overflows; an array longer than
        # int.MaxValue (its Length is an int) cannot be allocated.
        if length < 0 or length > 0xFFFFFFFF:
            self.engine.raise_builtin(BX.OVERFLOW, None, 0, "Arithmetic operation resulted in an overflow.")
            return None
        if length > 0x7FFFFFFF:
            self.engine.raise_builtin(BX.OUT_OF_MEMORY, None, 0)
            return None
        th = self.engine.types.by_address[array_type]
        size = th.element.size_of_value
        return self.engine.heap.new_szarray(array_type, size, length)

    def clrpy_new_mdarray(self, array_type, lengths, lowers):
        th = self.engine.types.by_address[array_type]
        n = [C.c_int32.from_address(lengths + 4 * d).value for d in range(th.rank)]
        lo = [C.c_int32.from_address(lowers + 4 * d).value for d in range(th.rank)]
        if any(x < 0 for x in n):
            self.engine.raise_builtin(BX.OVERFLOW, None, 0, "Arithmetic operation resulted in an overflow.")
            return None
        return self.engine.heap.new_mdarray(array_type, th.element.size_of_value, n, lo)

    def clrpy_promote(self, method_id):
        self.engine.promote(self.engine.methods[method_id])

    def clrpy_class_init(self, type_handle):
        th = self.engine.types.by_address[type_handle]
        self.engine.class_init.ensure(th)

    def clrpy_throw(self, obj, method_id, il_offset):
        self.engine.raise_object(obj, method_id, il_offset)

    def clrpy_throw_builtin(self, kind, method_id, il_offset):
        self.engine.raise_builtin(kind, self.engine.methods[method_id], il_offset)

    def clrpy_throw_not_supported(self, message_id, method_id, il_offset):
        self.engine.raise_builtin(BX.NOT_SUPPORTED, self.engine.methods[method_id], il_offset,
                                  self.engine.messages[message_id])

    def clrpy_find_itable_slow(self, vt, iface):
        return self.engine.dispatch.find_itable_slow(vt, iface)

    def clrpy_resolve_virtual(self, obj, method_id):
        return self.engine.dispatch.resolve_virtual(obj, self.engine.methods[method_id])

    def clrpy_cast_slow(self, obj, target):
        return self.engine.dispatch.is_instance(obj, target)

    def clrpy_throw_invalid_cast(self, obj, target, method_id, il_offset):
        self.engine.dispatch.raise_invalid_cast(obj, target, self.engine.methods[method_id], il_offset)

    def clrpy_stack_overflow(self, method_id, frame):
        from .stack_traces import report_stack_overflow
        report_stack_overflow(self.engine, self.engine.methods[method_id], frame)
