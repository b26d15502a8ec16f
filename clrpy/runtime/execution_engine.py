"""The execution engine: one runtime instance (one AppDomain) and the glue between its parts.

It owns the binder and type loader, the JIT and the native engine, the native memory for cells,
statics and type handles, the managed heap, the string table, class initialisation and the
pending-exception state, and it implements the lazy-compilation protocol:

* Every method that code may call gets an *entry cell* (8 bytes) named `cell:KEY`.
* A caller loads the cell and calls through it. Until the method is compiled, the cell holds the
  address of the method's precode, which enters the prestub, which calls `clrpy_jit_compile`
  (precode.py).
* `ensure_compiled` compiles the method once, stores the code address into its cell and into every
  vtable slot that held its precode, and returns it; from then on every caller reaches the code
  directly, with no Python involved.

Managed code is entered from Python through ctypes (`invoke`), on a thread with a large stack
(threads.py) so that deep managed recursion has room.
"""
import ctypes
import os
import sys
import time

from ..errors import (ClrpyError, InvalidProgramError, ManagedExceptionPending, TypeResolutionError,
                      UnsupportedFeatureError)
from ..icalls.registry import IcallRegistry
from ..jit.abi import StackKind, method_llvm_signature, type_rep
from ..jit.compiler import JitCompiler
from ..jit.engine import NativeEngine
from ..jit.delegates import is_synthesized
from ..jit.helpers import STACK_LIMIT, BuiltinException as BX
from ..jit.intrinsics import LIBM_FUNCTIONS
from ..metadata.schema import TableId as T
from ..typesys.type_handle import TypeKind
from ..typesys.type_loader import TypeLoader
from .array_interfaces import array_interface_methods, array_interfaces
from .class_init import ClassInitializer
from .dispatch import Dispatch
from .type_objects import TypeObjects
from .exceptions import ExceptionRecord, ExceptionState, ManagedException
from .helper_impls import PythonHelpers
from .jit_interface import RuntimeJitInterface
from .gc.collector import GarbageCollector
from .native_memory import NativeArena, read_u64, write_u64
from .native_types import NativeTypeTable
from .native_helpers import native_helpers_ir
from .native_icalls import NATIVE_ICALLS_IR
from .precode import PRESTUB_ASM, PrecodeHeap, check_host
from .stack_traces import CodeMap
from .statics import StaticsTable
from .threads import STACK_OVERFLOW_MARGIN, stack_bounds
from .strings import StringTable, read_string


PROMOTION_CALLS = 30      # calls of a tier-0 method before it is recompiled optimised (CoreCLR: 30)


class RuntimeOptions:
    """How the runtime runs code. `tiered` (the default) compiles a method first at the quick tier
    (opt level 0) and again at `opt_level` once it has been called PROMOTION_CALLS times; methods
    with loops start at `opt_level`. Without tiering every method is compiled at `opt_level`.
    `debug` (as `mono --debug`): stack traces name source files and lines from the modules' debug
    symbols, and their IL offsets follow the symbols' sequence points (docs/debug-symbols.md)."""

    def __init__(self, trace=(), opt_level=2, max_heap=None, trace_stream=None, tiered=True, gc_stress=None,
                 debug=False):
        self.trace = set(trace)
        self.debug = debug
        self.opt_level = opt_level
        self.tiered = tiered and opt_level > 0
        self.max_heap = max_heap          # bytes, or None: $CLRPY_MAX_HEAP, else no limit (gc/collector.py)
        self.gc_stress = gc_stress        # collect at every Nth allocation; None: $CLRPY_GC_STRESS
        self.trace_stream = trace_stream or sys.stderr


class ExecutionEngine:
    def __init__(self, binder, options: RuntimeOptions = None):
        self.options = options or RuntimeOptions()
        self._type_keys = {}
        self._method_keys = {}
        self.binder = binder
        self.loader = TypeLoader(binder)
        self.arena = NativeArena()
        symbols = {}
        self.native = NativeEngine(self.options.opt_level, symbols)      # the optimising tier
        self.native_quick = NativeEngine(0, symbols) if self.options.tiered else self.native
        self.types = NativeTypeTable(self)
        self.python_roots = {}          # object address -> references held by Python (GC roots)
        self.gc = GarbageCollector(self, self.options)
        self.heap = self.gc.heap
        self.statics = StaticsTable(self.arena, self.native.define_symbol, self.type_key)
        self.strings = StringTable(self)
        self.pending = ExceptionState(self)
        self.class_init = ClassInitializer(self)
        self.icalls = IcallRegistry(self)
        self.dispatch = Dispatch(self)
        self.type_objects = TypeObjects(self)
        self.messages = []
        self.exit_code = 0              # Environment.ExitCode
        self.command_line = []          # Environment.GetCommandLineArgs(): the program's path, its arguments
        self.methods = [None]           # method id -> MethodDesc (id 0 is never used)
        self.jit_env = RuntimeJitInterface(self)
        self.jit = JitCompiler(self.jit_env, {0: self.native_quick, 1: self.native},
                               keep_ir="ir" in self.options.trace)
        self.helpers = PythonHelpers(self)
        self.gc.start()                 # the native allocator and collector (replace Python's slow paths)
        self._bind_libm()
        check_host()
        string_type_cell = self.arena.alloc(8, 8)
        self.native.define_symbol("clrpy_string_type", string_type_cell)
        self.stack_hi_cell = self.arena.alloc(8, 8)
        self.native.define_symbol("clrpy_stack_hi", self.stack_hi_cell)
        self.stack_limit_cell = self.arena.alloc(8, 8)
        self.native.define_symbol(STACK_LIMIT, self.stack_limit_cell)
        intptr_array_cell = self.arena.alloc(8, 8)
        self.native.define_symbol("clrpy_intptr_array_type", intptr_array_cell)
        exception_type_cell = self.arena.alloc(8, 8)
        self.native.define_symbol("clrpy_exception_type", exception_type_cell)
        exception_type = self.loader.corlib_type("System", "Exception")
        trace_field = next(f for f in exception_type.fields if f.name == "_stackTrace")
        exception_type.ensure_layout()
        self.trace_field_offset = trace_field.offset
        self.code_map = CodeMap()
        runtime_module = self.native.compile(PRESTUB_ASM + native_helpers_ir(trace_field.offset) + NATIVE_ICALLS_IR,
                                             "clrpy_runtime")
        for name, address in runtime_module.addresses.items():
            self.native.define_symbol(name, address)       # native helpers JIT'd code calls
        self.precodes = PrecodeHeap(self.native.ee.get_function_address("clrpy_prestub"))
        write_u64(string_type_cell, self.types.address(self.loader.string_type))
        write_u64(intptr_array_cell, self.types.address(self.loader.array_of(self.loader.primitive(_E.I))))
        write_u64(exception_type_cell, self.types.address(exception_type))
        self._set_runtime_statics()

    def _set_runtime_statics(self):
        """Statics the runtime sets, not a class constructor: String.Empty (System.String has no
        .cctor in Mono's class library; `mcs -optimize` compiles "" as a load of it)."""
        string_type = self.loader.string_type
        empty = next(f for f in string_type.fields if f.is_static and f.name == "Empty")
        write_u64(self.statics.field_address(empty), self.strings.intern(""))

    def _bind_libm(self):
        libm = ctypes.CDLL("libm.so.6")
        for name in LIBM_FUNCTIONS:
            fn = getattr(libm, name, None)
            if fn is not None:
                self.native.define_symbol(name, ctypes.cast(fn, ctypes.c_void_p).value)

    # -- stable keys for symbols ------------------------------------------------------------------
    def type_key(self, th) -> str:
        key = self._type_keys.get(th)
        if key is None:
            k = th.kind
            if k == TypeKind.ARRAY:
                key = self.type_key(th.element) + ("[]" if th.is_szarray else f"[{th.rank}]")
            elif k == TypeKind.POINTER:
                key = self.type_key(th.element) + "*"
            elif k == TypeKind.BYREF:
                key = self.type_key(th.element) + "&"
            elif k == TypeKind.FNPTR:
                key = f"fnptr{th.type_id}"
            elif k == TypeKind.GENERIC_PARAM:
                key = th.name
            else:
                d = th.definition
                asm = d.module.assembly_name.name if d.module.assembly_name else d.module.name
                key = f"{asm}.{0x02000000 | d.rid:08x}"
                if th.generic_args:
                    key += "<" + ",".join(self.type_key(a) for a in th.generic_args) + ">"
            self._type_keys[th] = key
        return key

    def method_key(self, md) -> str:
        key = self._method_keys.get(md)
        if key is None:
            key = f"{self.type_key(md.owner)}::{md.token:08x}"
            if md.generic_args:
                key += "<" + ",".join(self.type_key(a) for a in md.generic_args) + ">"
            self._method_keys[md] = key
        return key

    # -- cells, ids, compilation -------------------------------------------------------------------
    def method_id(self, md) -> int:
        mid = getattr(md, "runtime_id", 0)
        if not mid:
            mid = md.runtime_id = len(self.methods)
            self.methods.append(md)
            self.native.define_symbol("mid:" + self.method_key(md), mid)
        return mid

    def entry_cell(self, md) -> int:
        """The method's entry cell: its code once compiled, until then its precode (precode.py)."""
        if not md.entry_cell:
            md.entry_cell = self.arena.alloc(8, 8)
            md.precode = self.precodes.new(self.method_id(md))
            write_u64(md.entry_cell, md.code or md.precode)
            self.native.define_symbol("cell:" + self.method_key(md), md.entry_cell)
        return md.entry_cell

    def callable_address(self, md) -> int:
        """What to store where code will call `md` (a vtable slot, a delegate): code or precode.
        Slots registered with `add_code_reference` are backpatched when the method is compiled."""
        self.entry_cell(md)
        return md.code or md.precode

    def unboxing_stub(self, md) -> int:
        """The entry for calling value-type method `md` on a box (vtable slots of boxed values)."""
        stub = getattr(md, "unboxing_stub", 0)
        if not stub:
            sret = method_llvm_signature(md)[3]
            stub = md.unboxing_stub = self.precodes.unboxing_stub(self.entry_cell(md), sret)
        return stub

    # -- objects for the embedding API -------------------------------------------------------------
    def construct(self, th, ctor, args) -> int:
        """Allocate an object (or a box, for a value type) and run constructor `ctor` on it."""
        from ..typesys.object_layout import OBJECT_HEADER_SIZE
        if th.is_value_type:
            obj = self.heap.new_object(self.types.address(th), self.object_size_of_box(th))
            self.invoke(ctor, [obj + OBJECT_HEADER_SIZE] + list(args))
            return obj
        if th is self.loader.string_type or th.kind == TypeKind.ARRAY:
            raise UnsupportedFeatureError(f"constructing a {th.full_name} from Python")
        self.class_init.ensure(th)
        self.take_exception()
        obj = self.heap.new_object(self.types.address(th), th.ensure_layout().instance_size)
        self.invoke(ctor, [obj] + list(args))
        return obj

    def static_field_address(self, f) -> int:
        """The address of a static field, running its type's class constructor first if needed."""
        self.class_init.ensure(f.owner)
        self.take_exception()
        return self.statics.field_address(f)

    def add_python_root(self, address: int):
        self.python_roots[address] = self.python_roots.get(address, 0) + 1

    def remove_python_root(self, address: int):
        n = self.python_roots.get(address, 0) - 1
        if n > 0:
            self.python_roots[address] = n
        else:
            self.python_roots.pop(address, None)

    def object_size(self, obj: int) -> int:
        """Bytes an object occupies (strings and arrays by their length; a general array's bounds
        vector is at its end)."""
        th = self.types.type_of_object(obj)
        if th.kind == TypeKind.ARRAY:
            from ..typesys.object_layout import ARRAY_BOUND_SIZE, ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET, align
            n = read_u64(obj + ARRAY_LENGTH_OFFSET)
            size = ARRAY_DATA_OFFSET + n * th.element.size_of_value
            return size if th.is_szarray else align(size, 8) + ARRAY_BOUND_SIZE * th.rank
        if th is self.loader.string_type:
            from ..typesys.object_layout import STRING_LENGTH_OFFSET, string_size
            return string_size(ctypes.c_int32.from_address(obj + STRING_LENGTH_OFFSET).value)
        if th.is_value_type:
            from ..typesys.object_layout import OBJECT_HEADER_SIZE, align
            return align(OBJECT_HEADER_SIZE + th.ensure_layout().instance_size, 8)
        return th.ensure_layout().instance_size

    def extra_interfaces(self, th):
        """Interfaces a type implements beyond its metadata (arrays' generic collection interfaces),
        as (interface, itable MethodDescs)."""
        if th.kind != TypeKind.ARRAY:
            return []
        return array_interfaces(self.loader, th)

    def add_code_reference(self, md, address: int):
        """Remember a word holding `md`'s entry (precode or code), to overwrite whenever the method
        gets new code (compiled, or promoted to the optimising tier)."""
        if md.code:
            write_u64(address, md.code)
        refs = getattr(md, "code_references", None)
        if refs is None:
            refs = md.code_references = []
        refs.append(address)

    def ensure_compiled(self, md) -> int:
        """The address of `md`'s native code, compiling it on first use."""
        if md.code:
            return md.code
        if md.is_abstract:
            raise InvalidProgramError(f"cannot call abstract method {md.full_name}")
        self.method_id(md)
        native = md.is_pinvoke or (md.is_runtime_implemented and not is_synthesized(md))
        if native or (md.is_internal_call and self.icalls.target(md) is not None):
            # Reached through a vtable slot or itable (RuntimeType::get_Name overrides Type's), or
            # by ldftn: the "code" is the native implementation itself. An internal call without
            # one (a JIT intrinsic, or one clrpy lacks) gets a compiled wrapper (jit/icall_wrappers.py).
            self._install_native(md)
            return md.code
        self._install(md, self.jit.compile(md, self._first_tier(md)))
        return md.code

    def _install_native(self, md):
        symbol = self.icalls.target(md) if not md.is_pinvoke else None
        if symbol is None:
            kind = "P/Invoke" if md.is_pinvoke else "internal call"
            raise UnsupportedFeatureError(f"{kind} {md.display_signature()} is not implemented")
        md.code = self.native.symbols[symbol]
        md.tier = 1
        write_u64(self.entry_cell(md), md.code)
        for address in getattr(md, "code_references", ()):
            write_u64(address, md.code)

    def _first_tier(self, md) -> int:
        """Tier 0 (quick) for most methods; tier 1 at once for methods with loops, whose one call
        may run long (CoreCLR makes the same choice), and for class constructors' callees' sake
        never for a method that cannot be promoted later."""
        if not self.options.tiered or md.is_runtime_implemented:
            return 1
        return 1 if self.jit.has_loops(md) else 0

    def promote(self, md):
        """Recompile a hot tier-0 method at tier 1 and point every caller at the new code."""
        if getattr(md, "tier", 1) != 0:
            return
        md.tier = 1                       # also stops a second request while this one compiles
        try:
            cm = self.jit.compile(md, 1)
        except ManagedExceptionPending:
            self.pending.clear()          # a class constructor failed again: keep the tier-0 code
            return
        except (InvalidProgramError, UnsupportedFeatureError, TypeResolutionError):
            return                        # keep running the tier-0 code
        self._install(md, cm)

    def _install(self, md, cm):
        if cm.linked is not None:
            self.code_map.add(md, cm.linked)
        md.code = cm.code
        md.code_size = cm.code_size
        md.tier = cm.tier
        write_u64(self.entry_cell(md), cm.code)
        for address in getattr(md, "code_references", ()):
            write_u64(address, cm.code)         # vtable slots, itables: backpatch them too
        if "jit" in self.options.trace:
            self.options.trace_stream.write(
                f"[jit] {md.display_signature()}: IL {cm.il_size} bytes, native {cm.code_size} bytes, "
                f"tier {cm.tier}, {cm.seconds * 1000:.2f} ms\n")
        if "ir" in self.options.trace:
            self.options.trace_stream.write(cm.ir)

    def call_counter(self, md) -> int:
        """The word a tier-0 method's prologue counts its calls down in (promotion at zero)."""
        counter = getattr(md, "call_counter", 0)
        if not counter:
            counter = md.call_counter = self.arena.alloc(4, 4)
            ctypes.c_int32.from_address(counter).value = PROMOTION_CALLS
            self.native.define_symbol("count:" + self.method_key(md), counter)
        return counter

    # -- exceptions ---------------------------------------------------------------------------------
    def new_exception(self, type_name: str, message: str = None, inner: int = 0) -> int:
        """A new exception object of class-library type `type_name` for the runtime to raise.

        The object is built by setting its fields, not by running a constructor: the runtime
        raises exceptions in states where running managed code is unwise (a class constructor
        just failed; the class library's resources may not be usable), and Exception's
        constructors only store the message and inner exception anyway."""
        ns, _, name = type_name.rpartition(".")
        th = self.loader.corlib_type(ns, name)
        obj = self.heap.new_object(self.types.address(th), th.ensure_layout().instance_size)
        if type_name == "System.TypeInitializationException":
            self._set_field(obj, th, "_typeName", self.strings.new(message))
            message = f"The type initializer for '{message}' threw an exception."
        self._set_field(obj, th, "_message", self.strings.new(message) if message is not None else 0)
        self._set_field(obj, th, "_innerException", inner)
        return obj

    def _set_field(self, obj: int, th, name: str, value: int):
        t = th
        while t is not None:
            for f in t.fields:
                if f.name == name and not f.is_static:
                    t.ensure_layout()
                    write_u64(obj + f.offset, value)
                    return
            t = t.parent

    def raise_builtin(self, kind: int, method, il_offset: int, message: str = None):
        frames = [self._frame_text(method, il_offset)] if method is not None else []
        obj = self.new_exception(BX.NAMES[kind], message or BX.MESSAGES[kind])
        self.pending.raise_object(obj, frames)

    def raise_managed(self, type_name: str, message: str):
        """Raise an exception of class-library type `type_name` (from an icall)."""
        if not message:
            message = {v: BX.MESSAGES[k] for k, v in BX.NAMES.items()}.get(type_name, "")
        self.pending.raise_object(self.new_exception(type_name, message))

    def managed_error(self, type_name: str, message: str = "") -> ClrpyError:
        """An error an icall raises to have managed code see `type_name`."""
        e = ClrpyError(message or type_name)
        e.managed_type = type_name
        e.message = message
        return e

    def box(self, th, address: int) -> int:
        """A new box holding a copy of the `th` value at `address`."""
        from ..typesys.object_layout import OBJECT_HEADER_SIZE
        size = self.object_size_of_box(th)
        obj = self.heap.new_object(self.types.address(th), size)
        ctypes.memmove(obj + OBJECT_HEADER_SIZE, address, th.ensure_layout().instance_size)
        return obj

    def object_size_of_box(self, th) -> int:
        from ..typesys.object_layout import OBJECT_HEADER_SIZE, align
        return align(OBJECT_HEADER_SIZE + th.ensure_layout().instance_size, 8)

    def raise_from_error(self, e: ClrpyError):
        """Raise the managed exception that corresponds to a runtime error (JIT, loader, icall)."""
        if isinstance(e, ManagedExceptionPending):
            return                  # raised already (a class constructor run while compiling)
        if isinstance(e, UnsupportedFeatureError):
            type_name = BX.NAMES[BX.NOT_SUPPORTED]
        elif isinstance(e, InvalidProgramError):
            type_name = BX.NAMES[BX.INVALID_PROGRAM]
        else:
            type_name = getattr(e, "managed_type", "System.TypeLoadException")
        self.pending.raise_object(self.new_exception(type_name, str(e)))

    def raise_object(self, obj: int, method_id: int, il_offset: int):
        """`throw obj` seen by the runtime (a null reference raises NullReferenceException)."""
        if not obj:
            self.raise_builtin(BX.NULL_REFERENCE, self.methods[method_id], il_offset)
            return
        self.pending.raise_object(obj, [self._frame_text(self.methods[method_id], il_offset)])

    def raise_type_initialization(self, th, inner: int = 0):
        self.pending.raise_object(self.new_exception("System.TypeInitializationException", th.full_name, inner))

    @staticmethod
    def _frame_text(md, il_offset) -> str:
        return f"{md.display_signature()} [IL 0x{il_offset:04x}]"

    def take_exception(self):
        """Raise the pending exception, if any, as a ManagedException (on returning to Python)."""
        record = self.pending.take()
        if record is not None:
            self.pending.reset_frames()
            raise ManagedException(record)

    # -- calling managed code from Python ----------------------------------------------------------------
    def invoke_void(self, md) -> bool:
        """Run a parameterless void method (a class constructor); False if it raised (left pending)."""
        code = self._compiled_or_pending(md)
        if not code:
            return False
        self._call(md, [])
        return not self.pending.is_pending

    def _compiled_or_pending(self, md) -> int:
        try:
            return self.ensure_compiled(md)
        except (InvalidProgramError, UnsupportedFeatureError, TypeResolutionError, ManagedExceptionPending) as e:
            self.raise_from_error(e)
            return 0

    def invoke(self, md, args):
        """Call `md` with already-converted ctypes-compatible arguments; return its raw result.
        An exception it raises (or a failure to compile it: InvalidProgramException,
        NotSupportedException) arrives as ManagedException."""
        result = self._call(md, args)
        self.take_exception()
        return result

    def invoke_leaving_pending(self, md, args):
        """Call `md` with already-converted arguments from an internal call; return its raw result
        (None if it could not be compiled), leaving any exception it raises pending."""
        return self._call(md, args)

    def _call(self, md, args):
        """Call `md` and return its raw result, leaving any exception pending."""
        code = self._compiled_or_pending(md)
        if not code:
            return None
        lo, hi = stack_bounds()
        write_u64(self.stack_hi_cell, hi)                   # where stack-trace walks must stop
        # Methods that call others check their frame against this in their prologue; the margin
        # leaves room to report the overflow (Python formats the frames on this same stack).
        write_u64(self.stack_limit_cell, lo + STACK_OVERFLOW_MARGIN if lo else 0)
        ret, params, attrs, sret = method_llvm_signature(md)
        ctypes_params = [_CTYPES[p] for p in params]
        restype = None if ret == "void" else _CTYPES[ret]
        if restype is not None and md.return_type is not None:
            restype = _small_ctype(md.return_type) or restype
        proto = ctypes.CFUNCTYPE(restype, *ctypes_params)
        out = None
        call_args = list(args)
        if sret:
            out = ctypes.create_string_buffer(type_rep(md.return_type).size)
            call_args.insert(0, ctypes.addressof(out))
        with self.gc.roots.managed_call():      # Python's new objects stay alive meanwhile (gc/roots.py)
            result = proto(code)(*call_args)
        if sret:
            return out.raw
        return result

    # -- programs -----------------------------------------------------------------------------------
    def entry_point(self, module):
        tok = module.entry_point_token
        if tok is None:
            raise InvalidProgramError(f"{module.path} has no entry point (is it a library?)")
        if tok >> 24 != T.MethodDef:
            raise UnsupportedFeatureError("an entry point in another module of the assembly")
        return self.loader.resolve_method_token(module, tok)

    def new_string_array(self, items) -> int:
        arr_type = self.loader.array_of(self.loader.string_type)
        arr = self.heap.new_szarray(self.types.address(arr_type), 8, len(items))
        string_type = self.types.address(self.loader.string_type)
        for i, s in enumerate(items):
            write_u64(arr + 32 + 8 * i, self.heap.new_string(string_type, s))
        return arr

    def run_main(self, module, argv) -> int:
        """Run a program's entry point with `argv`; return the process exit code."""
        md = self.entry_point(module)
        self.entry_module = module          # Assembly.GetEntryAssembly
        self.command_line = [os.path.abspath(str(module.path)), *argv]
        if not md.is_static:
            raise InvalidProgramError(f"the entry point {md.full_name} is not static")
        params = md.param_types
        args = []
        if len(params) == 1:
            p = params[0]
            if not (p.is_array and p.element is self.loader.string_type):
                raise InvalidProgramError(f"the entry point {md.display_signature()} must take string[] or nothing")
            args.append(self.new_string_array(argv))
        elif params:
            raise InvalidProgramError(f"the entry point {md.display_signature()} takes {len(params)} parameters")
        rt = md.return_type
        if rt is not None and rt.cor_type not in (_E_I4, _E_U4):
            raise InvalidProgramError(f"the entry point {md.display_signature()} must return void, int or uint")
        result = self.invoke(md, args)
        self.gc.shutdown()                  # finalizers, as Mono runs them at exit
        return (result or 0) & 0xFFFFFFFF if rt is not None else self.exit_code & 0xFFFFFFFF

    def shutdown(self, code: int):
        """End the process at once with exit status `code` (Environment.Exit): Python's own streams
        are flushed; managed code's output is already with the OS (icalls write unbuffered)."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code & 0xFF)


from ..metadata.signatures import ElementType as _E   # noqa: E402
_E_I4, _E_U4 = _E.I4, _E.U4

_CTYPES = {"i8": ctypes.c_int8, "i16": ctypes.c_int16, "i32": ctypes.c_int32, "i64": ctypes.c_int64,
           "float": ctypes.c_float, "double": ctypes.c_double, "ptr": ctypes.c_void_p}


def _small_ctype(th):
    rep = type_rep(th)
    if rep.storage == "i8":
        return ctypes.c_int8 if rep.signed else ctypes.c_uint8
    if rep.storage == "i16":
        return ctypes.c_int16 if rep.signed else ctypes.c_uint16
    if rep.storage == "i32" and not rep.signed:
        return ctypes.c_uint32
    return None
