"""The collector's driver: when to collect, what surrounds the native mark and sweep, statistics,
`--trace=gc`, the stress mode and the heap verifier.

A collection is stop-the-world, full-heap and non-moving (docs/gc.md):

 1. the allocation regions end (their rest becomes filler), the root arrays are brought up to date;
 2. native code scans the stack and marks from every root, then handles ephemerons, weak handles and
    finalization, and sweeps (native_code.py: `clrpy_gc_collect`);
 3. the budget for the next collection is set from what survived: the heap may grow to GROWTH times
    the live bytes (SMALL_GROWTH times while that stays under SMALL_HEAP; at least MIN_BUDGET more),
    within --max-heap;
 4. in stress mode the heap verifier checks every reference;
 5. finalizers of objects found unreachable run at the next safe point (finalization.py).

When: the native allocator asks (`clrpy_gc_need_memory`) when the budget is spent and it is called
from managed code, or when the heap cannot grow; GC.Collect; stress mode every Nth allocation; and
an allocation from Python that spent the budget *requests* one (POLL), which the next allocation
from managed code performs (`clrpy_gc_poll`).
"""
import ctypes
import os
import sys
import time

from ...jit.helpers import BuiltinException as BX
from ...typesys.native_type import slot_offset
from ..threads import stack_bounds
from . import heap_layout as L
from .ephemerons import Ephemerons
from .finalization import Finalization
from .handles import HandleTable
from .heap import ManagedHeap
from .native_code import collector_ir
from .native_vector import NativeVector
from .roots import RootSet

GROWTH = 1.5                    # the heap may hold GROWTH times the live bytes before collecting again,
SMALL_GROWTH = 3.0              # ... or SMALL_GROWTH times, up to SMALL_HEAP (docs/gc.md, "Policy")
SMALL_HEAP = 48 << 20
MIN_BUDGET = 4 << 20            # ... and at least this much more
INITIAL_BUDGET = 8 << 20        # allocation before the first collection
GROW_CHUNK = 1 << 20            # the heap grows by at least this much (and by an eighth of itself)

STRESS_ENV = "CLRPY_GC_STRESS"
MAX_HEAP_ENV = "CLRPY_MAX_HEAP"

_C = ctypes
_NEED_MEMORY = _C.CFUNCTYPE(_C.c_int32, _C.c_int64, _C.c_int64, _C.c_int64)
_VOID = _C.CFUNCTYPE(None)
_NEW_ARRAY_FAILED = _C.CFUNCTYPE(None, _C.c_int64)


def _env_int(name: str) -> int:
    text = os.environ.get(name, "").strip()
    try:
        return max(int(text), 0) if text else 0
    except ValueError:
        return 0


def parse_size(text: str) -> int:
    """'512M', '2G', '1048576', '64k' -> bytes."""
    t = str(text).strip().upper().removesuffix("B")
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    mult = 1
    if t and t[-1] in units:
        mult = units[t[-1]]
        t = t[:-1]
    try:
        value = float(t)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (examples: 512M, 2G)") from None
    if value <= 0:
        raise ValueError(f"not a positive size: {text!r}")
    return int(value * mult)


class GarbageCollector:
    def __init__(self, engine, options):
        self.engine = engine
        max_heap = options.max_heap
        if max_heap is None and os.environ.get(MAX_HEAP_ENV):
            max_heap = parse_size(os.environ[MAX_HEAP_ENV])
        stress = options.gc_stress
        if stress is None:
            stress = _env_int(STRESS_ENV)
        self.heap = ManagedHeap(engine.arena, engine.native.define_symbol, max_heap)
        self.roots = RootSet(self.heap, engine.python_roots)
        self.handles = HandleTable(self.heap)
        self.finalization = Finalization(self)
        self.ephemerons = Ephemerons(self.heap)
        self.types = NativeVector(self.heap, "TYPE_TABLE", "TYPE_TABLE_N", capacity=4096)
        self.trace_stream = options.trace_stream if "gc" in options.trace else None
        self.stress = stress
        self.collections = 0
        self.total_pause = 0.0
        self.live_bytes = 0
        self.live_objects = 0
        self._allocated_at_gc = 0
        self._refills_at_gc = -1
        self.collecting = False
        self.requested = None
        self._finalize_slot = None
        self._ephemeron_type = None
        heap = self.heap
        heap.set("BUDGET", INITIAL_BUDGET)
        heap.set("STRESS_INTERVAL", stress)
        heap.set("STRESS_COUNT", stress)
        heap.set("POISON", 1 if stress else 0)
        self._callbacks = {
            "clrpy_gc_need_memory": _NEED_MEMORY(self._guard(self._need_memory, 0)),
            "clrpy_gc_poll": _VOID(self._guard(self._poll, None)),
            "clrpy_gc_collect_requested": _VOID(self._guard(lambda: self.collect("GC.Collect"), None)),
            "clrpy_gc_grow_registry": _VOID(self._guard(self.finalization.grow_registry, None)),
            "clrpy_new_array_failed": _NEW_ARRAY_FAILED(self._guard(self._new_array_failed, None)),
        }
        for name, cb in self._callbacks.items():
            engine.native.define_symbol(name, ctypes.cast(cb, ctypes.c_void_p).value)

    @staticmethod
    def _guard(fn, default):
        def guarded(*args):
            try:
                return fn(*args)
            except BaseException as e:      # noqa: B902 - nothing may unwind into native code
                from ..helper_impls import internal_error
                internal_error(e)
            return default
        return guarded

    # -- start-up ------------------------------------------------------------------------------------
    def start(self):
        """Compile the native module and bind its entries (before anything allocates)."""
        engine = self.engine
        loader = engine.loader
        eph = loader.corlib_type("System.Runtime.CompilerServices", "Ephemeron")
        eph.ensure_layout()
        offsets = {f.name: f.offset for f in eph.fields if not f.is_static}
        self._ephemeron_type = eph
        module = engine.native.compile(collector_ir(offsets["key"], offsets["value"],
                                                    eph.layout.instance_size), "clrpy_gc")
        get = engine.native.ee.get_function_address
        for name in ("clrpy_alloc_slow", "clrpy_alloc_finalizable", "clrpy_new_array", "clrpy_gc_collect_icall"):
            engine.native.define_symbol(name, module.addresses[name])
        self.heap.bind(module.addresses["clrpy_gc_alloc"])
        self._native_collect = _C.CFUNCTYPE(None, _C.c_uint64)(get("clrpy_gc_collect"))
        self._native_verify = _C.CFUNCTYPE(_C.c_int64)(module.addresses["clrpy_gc_verify"])
        self._retire = _VOID(module.addresses["clrpy_gc_retire_regions"])
        self._publish_limit = _VOID(module.addresses["clrpy_gc_publish_limit"])
        self._count_objects = _C.CFUNCTYPE(_C.c_int64)(module.addresses["clrpy_gc_count_objects"])
        self.native_run_finalizers = _C.CFUNCTYPE(_C.c_int64, _C.c_int64)(module.addresses["clrpy_gc_run_finalizers"])
        self.find_object = _C.CFUNCTYPE(_C.c_uint64, _C.c_uint64)(module.addresses["clrpy_gc_find_object"])
        self.object_size = _C.CFUNCTYPE(_C.c_uint64, _C.c_uint64)(module.addresses["clrpy_gc_object_size"])
        self._publish_limit()
        self._register_runtime_roots()

    # Engine attributes that hold one object the runtime keeps (set by icalls on first use).
    RUNTIME_OBJECT_ATTRIBUTES = ("current_thread_object",)

    def _register_runtime_roots(self):
        """The references the runtime's own tables hold (roots.py): the pending exception, statics,
        interned strings, reflection objects, class-constructor failures."""
        engine = self.engine
        roots = self.roots
        roots.add_word(engine.pending.cell)
        roots.watch_statics(engine.statics)
        roots.add_provider(lambda: engine.strings.interned.values())
        roots.add_provider(lambda: engine.type_objects.roots())
        roots.add_provider(lambda: engine.class_init._failure.values())
        roots.add_provider(lambda: (getattr(engine, a, 0) or 0 for a in self.RUNTIME_OBJECT_ATTRIBUTES))

    def note_type(self, th, address: int):
        """A type was published (its native handle exists): the verifier's table of valid headers."""
        tid = th.type_id
        types = self.types
        if tid >= len(types):
            types.reserve(tid + 1)
            types.truncate(tid + 1)
        types.put(tid, address)
        if th is self._ephemeron_type:
            self.heap.set("EPHEMERON_TYPE", address)

    def finalize_slot_offset(self) -> int:
        if self._finalize_slot is None:
            obj = self.engine.loader.object_type
            from ...typesys.vtable import build_vtable
            build_vtable(self.engine.loader, obj)
            index = next(i for i, m in enumerate(obj.vtable) if m.name == "Finalize" and not m.param_types)
            self._finalize_slot = slot_offset(index)
        return self._finalize_slot

    # -- requests -------------------------------------------------------------------------------------
    def request(self, reason: str):
        """Collect at the next allocation from managed code (Python cannot collect where it stands)."""
        self.requested = self.requested or reason
        self.heap.set("POLL", 1)
        self._publish_limit()

    def collect(self, reason: str = "requested"):
        """Collect now. Only at a safe point: called from managed code through an icall or helper that
        holds no object address, or from Python while no managed code runs (docs/gc.md)."""
        if self.collecting:
            return
        self.collecting = True
        try:
            self._collect(reason)
        finally:
            self.collecting = False

    def _collect(self, reason: str):
        heap = self.heap
        t0 = time.perf_counter()
        before = self.in_use()
        footprint = heap.size
        tracing = self.trace_stream is not None
        self._retire()
        objects_before = self._count_objects() if tracing else 0
        self.roots.prepare()
        self.finalization.before_collection()
        heap.set("EPOCH", heap.get("EPOCH") + 1)
        heap.set("LIVE_BYTES", 0)
        heap.set("LIVE_OBJECTS", 0)
        self._native_collect(stack_bounds()[1])
        self.collections += 1
        live = heap.get("LIVE_BYTES")
        self.live_bytes = live
        self.live_objects = heap.get("LIVE_OBJECTS")
        self._allocated_at_gc = heap.allocated_total()
        heap.set("BUDGET", self._budget(live))
        heap.set("BLOCK_CURSOR", 0)
        self._refills_at_gc = heap.get("REFILLS")
        heap.reserve_open = False
        self._release_mark_stack()
        if self.stress:
            self.verify()
        if self.finalization.has_pending():
            heap.set("POLL", 1)
        self._publish_limit()
        pause = time.perf_counter() - t0
        self.total_pause += pause
        if tracing:
            freed = max(objects_before - self.live_objects, 0)
            self.trace_stream.write(
                f"[gc] #{self.collections} {reason}: {before / 1048576:.1f} MB -> {live / 1048576:.1f} MB live "
                f"({self.live_objects} objects), {freed} objects freed, heap {footprint / 1048576:.1f} MB -> "
                f"{heap.size / 1048576:.1f} MB, {pause * 1000:.2f} ms\n")

    def _budget(self, live: int) -> int:
        target = max(int(live * GROWTH), live + MIN_BUDGET, min(int(live * SMALL_GROWTH), SMALL_HEAP))
        limit = self.heap.limit()
        if self.heap.max_bytes is not None:
            target = min(target, limit)
        return max(target - live, L.BLOCK_SIZE * 4)

    def _release_mark_stack(self):
        """Give back the pages of a deep mark stack (a big array of objects can push millions)."""
        heap = self.heap
        bottom = heap.get("MARK_STACK")
        used = heap.get("MARK_SP_MAX") - bottom
        if used > (4 << 20):
            heap.reservation.release(bottom + (1 << 20), used)

    def add_pressure(self, nbytes: int):
        """GC.AddMemoryPressure: unmanaged memory an object keeps counts against the budget."""
        if nbytes > 0:
            self.heap.set("BUDGET", self.heap.get("BUDGET") - nbytes)

    # -- statistics ------------------------------------------------------------------------------------
    def in_use(self) -> int:
        """Bytes of objects that may be alive: what survived the last collection plus what was
        allocated since."""
        return self.live_bytes + self.heap.allocated_total() - self._allocated_at_gc

    # -- the native allocator's questions -------------------------------------------------------------
    def _need_memory(self, size: int, flags: int, kind: int) -> int:
        """The allocator found no room (or spent the budget): collect, or grow the heap, or fail.
        1: try again; 0: the allocation fails (with OutOfMemoryException pending if it came from
        managed code)."""
        heap = self.heap
        may = bool(flags & L.ALLOC_MAY_COLLECT) and not self.collecting
        progressed = heap.get("REFILLS") != self._refills_at_gc
        if may and progressed and heap.get("BUDGET") <= 0:
            self.collect("allocation")
            return 1
        need = L.BLOCK_SIZE if kind != 2 else (size + L.BLOCK_SIZE - 1) // L.BLOCK_SIZE * L.BLOCK_SIZE
        chunk = max(need, GROW_CHUNK, heap.size // 8)
        if heap.can_grow(chunk):
            heap.grow(chunk)
            return 1
        if heap.can_grow(need):
            heap.grow(need)
            return 1
        if may and progressed:
            self.collect("heap limit")
            return 1
        if may:
            heap.reserve_open = True
            self.engine.raise_builtin(BX.OUT_OF_MEMORY, None, 0)
        return 0

    def _poll(self):
        """An allocation from managed code found POLL set: a collection is due (stress mode, a
        request), or finalizers are waiting."""
        heap = self.heap
        heap.set("POLL", 0)
        reason = self.requested
        self.requested = None
        if reason is None:
            interval = heap.get("STRESS_INTERVAL")
            if interval and heap.get("STRESS_COUNT") == interval:
                reason = "stress"
            elif heap.get("BUDGET") <= 0:
                reason = "allocation"
        if reason is not None:
            self.collect(reason)
        if self.finalization.has_pending():
            self.finalization.run_pending()
        self._publish_limit()

    def _new_array_failed(self, length: int):
        if length < 0 or length > 0xFFFFFFFF:
            self.engine.raise_builtin(BX.OVERFLOW, None, 0, "Arithmetic operation resulted in an overflow.")
        else:
            self.heap.reserve_open = True
            self.engine.raise_builtin(BX.OUT_OF_MEMORY, None, 0)

    # -- the heap verifier --------------------------------------------------------------------------------
    def verify(self):
        """Check every reference in the heap and every precise root (stress mode does after each
        collection). A bad one is a bug in clrpy (a missing root, most likely): report and stop."""
        heap = self.heap
        heap.set("EPOCH", heap.get("EPOCH") + 1)        # start bits from the swept heap
        errors = self._native_verify()
        if errors:
            obj = heap.get("VERIFY_FIRST_OBJECT") & 0xFFFFFFFFFFFFFFFF
            value = heap.get("VERIFY_FIRST_VALUE") & 0xFFFFFFFFFFFFFFFF
            where = self._describe(obj)
            sys.stderr.write(f"clrpy: heap verification failed after collection #{self.collections}: "
                             f"{errors} bad reference(s); the first: {where} holds 0x{value:x}, which is "
                             f"not an object\n")
            sys.stderr.flush()
            os._exit(70)
        return errors

    def _describe(self, address: int) -> str:
        th = self.engine.types.by_address.get(ctypes.c_uint64.from_address(address).value) \
            if self.heap.contains(address) else None
        if th is not None:
            return f"object 0x{address:x} ({th.full_name})"
        return f"0x{address:x}"

    # -- exit ---------------------------------------------------------------------------------------------
    def shutdown(self):
        """After Main returns: finalizers, as Mono runs them at exit."""
        self.finalization.run_at_exit()
