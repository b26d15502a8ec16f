"""The registry of internal calls, keyed by the managed method's type, name and parameter types.

An icall module (one per class-library class: `system_object.py`, `system_delegate.py`, ...)
registers Python functions with the `@icall("System.Object::GetType()")` decorator. Each receives
the execution engine and the raw native arguments (addresses as ints, primitives as numbers) and
returns the raw result. When the JIT compiles a call to an icall, the registry wraps the function
in a ctypes callback with exactly the method's native signature and binds it to the symbol
`icall:KEY`, so generated code calls it like any native function.

Icall modules are imported lazily: looking up a method of class C imports the module named after C
(`module_name`), and only that one, so start-up does not pay for the dozens a program never calls.

An icall that is not registered gives None: the call site then raises NotSupportedException naming
the method when (and only when) it runs, so a program that merely *references* a missing icall on
a path it never takes still runs.
"""
import ctypes
import importlib
import os
import pkgutil

from ..errors import ClrpyError, ManagedExceptionPending
from ..runtime.native_icalls import LIBC_FUNCTIONS, NATIVE_ICALL_SYMBOLS, SLOW_PATHS
from ..runtime.gc.native_code import NATIVE_GC_ICALLS

_IMPLEMENTATIONS = {}       # key -> function(engine, *args)

# Internal calls implemented as native code in the runtime's native module (runtime/native_helpers.py):
# key -> symbol. These are the hot ones, where a call into Python would dominate.
NATIVE_ICALLS = {
    "System.String::FastAllocateString(System.Int32)": "clrpy_fast_allocate_string",
    **NATIVE_ICALL_SYMBOLS,
    **NATIVE_GC_ICALLS,
}
_loaded = False


_REPLACED = set()           # keys of IL methods whose bodies the runtime replaces
# The classes that have such methods: every compiled method asks for a replacement, and this keeps
# that question from importing its class's icall module (tests/test_icall_registry.py checks it).
CLASSES_WITH_REPLACEMENTS = frozenset({"System.Environment", "System.Threading.Timer+Scheduler"})


def replaces(key: str):
    """Register the decorated function as the runtime's implementation of an *IL* method `key`:
    for the few class-library methods whose managed bodies need what only the runtime knows
    (e.g. the frames of a stack trace). Callers reach it like the method itself."""
    def register(fn):
        _REPLACED.add(key)
        return icall(key)(fn)
    return register


def icall(key: str):
    """Register the decorated function as the implementation of the internal call `key`:
    "Namespace.Type::Method(ParamType, ...)" with full type names, as IcallRegistry.key spells it."""
    def register(fn):
        if key in _IMPLEMENTATIONS:
            raise ValueError(f"icall {key} registered twice")
        _IMPLEMENTATIONS[key] = fn
        return fn
    return register


# The classes whose internal calls live in another class's module (the exceptions to one module
# per class); tests/test_icall_registry.py checks that every registered icall is found this way.
_MODULE_OF_CLASS = {
    "System.Threading.Volatile": "system_threading_thread",
    "System.Threading.Interlocked": "system_threading_thread",
    "System.Threading.InternalThread": "system_threading_thread",
    "System.Threading.Timer+Scheduler": "system_threading_timer",
    "System.Reflection.Assembly": "system_reflection_runtimeassembly",
    "System.Reflection.AssemblyName": "system_reflection_runtimeassembly",
    "System.Reflection.RuntimeModule": "system_reflection_runtimeassembly",
    "System.Reflection.EventInfo": "system_reflection_runtimeeventinfo",
    "System.Reflection.FieldInfo": "system_reflection_runtimefieldinfo",
}
_ICALL_MODULE_PREFIXES = ("system", "mono", "interop", "microsoft")
_module_names = None        # the icall modules in this package
_classes_loaded = set()     # classes whose module has been looked for


def module_name(class_name: str) -> str:
    """The icall module of a class-library class: "System.IO.MonoIO" -> "system_io_monoio" (nested
    classes: "Interop+Sys" -> "interop_sys")."""
    return _MODULE_OF_CLASS.get(class_name) or class_name.replace(".", "_").replace("+", "_").lower()


def _icall_modules():
    global _module_names
    if _module_names is None:
        _module_names = {name[:-3] for name in os.listdir(os.path.dirname(__file__))
                         if name.endswith(".py") and name.startswith(_ICALL_MODULE_PREFIXES)}
    return _module_names


def _load_class(class_name: str):
    """Import the icall module of `class_name` (if there is one), registering its icalls."""
    if class_name in _classes_loaded:
        return
    _classes_loaded.add(class_name)
    name = module_name(class_name)
    if name in _icall_modules():
        importlib.import_module(f"{__package__}.{name}")


def _load_modules():
    """Import every icall module (for listing what is implemented)."""
    global _loaded
    if _loaded:
        return
    from .. import icalls
    for info in pkgutil.iter_modules(icalls.__path__):
        if info.name.startswith(_ICALL_MODULE_PREFIXES):
            importlib.import_module(f"{icalls.__name__}.{info.name}")
    _loaded = True


_CTYPES = {"i8": ctypes.c_int8, "i16": ctypes.c_int16, "i32": ctypes.c_int32, "i64": ctypes.c_int64,
           "float": ctypes.c_float, "double": ctypes.c_double, "ptr": ctypes.c_void_p, "void": None}


class IcallRegistry:
    def __init__(self, engine):
        self.engine = engine
        self._bound = {}            # key -> (symbol, ctypes callback kept alive)
        self._slow_paths = [self._bind_slow_path(symbol, key) for symbol, key in SLOW_PATHS.items()]
        libc = ctypes.CDLL(None)
        for name in LIBC_FUNCTIONS:
            engine.native.define_symbol(name, ctypes.cast(getattr(libc, name), ctypes.c_void_p).value)

    def _bind_slow_path(self, symbol, key):
        """Bind `symbol`, which a native icall calls for the cases it leaves to Python, to the
        Python implementation registered as `key` (same parameters)."""
        _load_class(key[:key.index("::")])
        impl = _IMPLEMENTATIONS[key]
        params = key[key.index("(") + 1:-1].split(",")
        argtypes = [ctypes.c_int32 if p == "System.Int32" else ctypes.c_void_p for p in params]
        callback = ctypes.CFUNCTYPE(ctypes.c_int8, *argtypes)(self._guard(impl, key, "i8"))
        self.engine.native.define_symbol(symbol, ctypes.cast(callback, ctypes.c_void_p).value)
        return callback

    @staticmethod
    def key(md) -> str:
        """"Ns.Type::Name(ParamType,...)"; generic methods are keyed by their open signature (!!0)."""
        spelled = md.generic_definition or md
        params = ",".join(p.full_name for p in spelled.param_types)
        return f"{md.owner.full_name}::{md.name}({params})"

    def implemented(self):
        _load_modules()
        return sorted(set(_IMPLEMENTATIONS) | set(NATIVE_ICALLS))

    def replacement(self, md):
        """The symbol of the runtime's replacement body for IL method `md`, or None."""
        owner = md.owner.full_name
        if owner not in CLASSES_WITH_REPLACEMENTS:
            return None
        _load_class(owner)
        return self.target(md) if self.key(md) in _REPLACED else None

    def target(self, md):
        """The symbol of the native function implementing `md`, or None if clrpy has none."""
        key = self.key(md)
        if key in NATIVE_ICALLS:
            return NATIVE_ICALLS[key]
        bound = self._bound.get(key)
        if bound is not None:
            return bound[0]
        _load_class(md.owner.full_name)
        impl = _IMPLEMENTATIONS.get(key)
        if impl is None:
            return None
        from ..jit.abi import method_llvm_signature
        ret, params, _attrs, _sret = method_llvm_signature(md)
        proto = ctypes.CFUNCTYPE(_CTYPES[ret], *[_CTYPES[p] for p in params])
        callback = proto(self._guard(impl, key, ret))
        symbol = "icall:" + key
        self.engine.native.define_symbol(symbol, ctypes.cast(callback, ctypes.c_void_p).value)
        self._bound[key] = (symbol, callback)
        return symbol

    def _guard(self, impl, key, ret):
        engine = self.engine
        zero = None if ret == "void" else 0

        def call(*args):
            try:
                return impl(engine, *args)
            except ManagedExceptionPending:
                pass                        # managed code it called raised; the exception stays pending
            except ClrpyError as e:
                managed_type = getattr(e, "managed_type", None)
                build = getattr(e, "build_exception", None)       # managed_errors.ManagedError
                if build is not None:
                    engine.pending.raise_object(build(engine))
                elif managed_type:
                    engine.raise_managed(managed_type, getattr(e, "message", "") or str(e))
                else:
                    engine.raise_from_error(e)
            except BaseException as e:      # noqa: B902 - nothing may unwind into native code
                from ..runtime.helper_impls import internal_error
                internal_error(RuntimeError(f"in icall {key}: {type(e).__name__}: {e}"))
            return zero
        call.__name__ = key
        return call
