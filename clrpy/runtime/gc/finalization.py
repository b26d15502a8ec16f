"""Finalization: running Finalize methods of objects that became unreachable, once each.

An object whose class overrides Object.Finalize is *registered* when it is allocated (generated
code calls `clrpy_alloc_finalizable` for such classes; the runtime's own allocations register it in
ManagedHeap.new_object). A collection that finds a registered object unreachable moves it to the
*finalization queue* — unless GC.SuppressFinalize marked it, then it simply dies — and marks it
and everything it reaches, so that its finalizer sees intact objects. The queue is a root until the
finalizers have run; an object a finalizer stores somewhere reachable stays alive (resurrection), but
is not finalized again unless GC.ReRegisterForFinalize registers it anew.

Finalizers run on the managed thread (clrpy has one), at safe points: after the allocation slow
path that collected returns to Python's control (`clrpy_gc_poll`), in GC.WaitForPendingFinalizers,
and at exit. They run with the exception-handling state of the interrupted code set aside, so an
exception a finalizer does not catch cannot land in the interrupted code's handlers. Ordinary
finalizers of a batch run before critical ones (CriticalFinalizerObject, SafeHandle), as the CLR
guarantees. An exception that escapes a finalizer ends the process as Mono does (`clrpy run`:
"Unhandled Exception", exit status 255); the embedding API records it instead.

At exit (after Main returns) the program's own objects are finalized, newest first (run_at_exit says
how that compares with Mono).
"""
import ctypes

from ..native_memory import read_u64, write_u32, write_u64
from .native_vector import NativeVector


class Finalization:
    def __init__(self, gc):
        self.gc = gc
        heap = gc.heap
        self.heap = heap
        self.registry = NativeVector(heap, "FIN_REGISTRY", "FIN_N", "FIN_CAP", capacity=1024)
        self.queue = NativeVector(heap, "FQ", "FQ_N", capacity=256)
        self.running = NativeVector(heap, "FR", "FR_N", capacity=256)
        self.active = False             # finalizers are running (they do not nest)
        self.exceptions = []            # ManagedExceptions finalizers let escape (embedding API)
        self.exit_on_exception = False  # clrpy run: an escaping exception ends the process
        self.finalized = 0
        self._critical = {}             # type handle address -> is a CriticalFinalizerObject

    # -- registration ----------------------------------------------------------------------------------
    def grow_registry(self):
        self.registry.reserve(len(self.registry) + 1)

    def before_collection(self):
        """The queue must have room for every registered object (native code appends without asking)."""
        self.queue.reserve(len(self.queue) + len(self.registry) + 1)

    def _suppress_bit(self, obj: int):
        g = (obj - self.heap.base) >> 3
        return self.heap.get("SUPPRESS_BITS") + (g >> 6) * 8, 1 << (g & 63)

    def suppress(self, obj: int):
        if not self.heap.contains(obj):
            return
        word, bit = self._suppress_bit(obj)
        w = ctypes.c_uint64.from_address(word)
        w.value |= bit

    def reregister(self, obj: int):
        if not self.heap.contains(obj):
            return
        word, bit = self._suppress_bit(obj)
        w = ctypes.c_uint64.from_address(word)
        w.value &= ~bit
        if obj not in self.registry.items():
            self.registry.append(obj)

    def has_pending(self) -> bool:
        return len(self.queue) > 0

    # -- running finalizers ------------------------------------------------------------------------------
    def run_pending(self):
        """Run the finalizers of the queued objects (and of those queued meanwhile)."""
        if self.active or not len(self.queue):
            return
        self.active = True
        saved = self._set_aside_eh_state()
        try:
            while len(self.queue):
                batch = self.queue.items()
                self.queue.truncate(0)
                self._run(self._ordered(batch))
        finally:
            self._restore_eh_state(saved)
            self.active = False

    def run_at_exit(self):
        """At exit (Main returned): the queued finalizers, then those of the program's own objects
        that are still registered, newest first. Mono 6.8 also finalizes live objects at shutdown,
        but on its finalizer thread while the runtime shuts down, in no fixed order and racing the
        class library's own finalizers (a finalizer that writes to the console may find its stream
        already finalized: "Stream does not support writing"). clrpy keeps the part a program can
        rely on: its own objects are finalized, while the class library (console streams, safe
        handles) still works; the class library's objects are left to the operating system."""
        self.run_pending()
        if self.active:
            return
        objs = [o for o in reversed(self.registry.items())
                if o and not self._is_suppressed(o) and self._is_program_type(read_u64(o))]
        self.registry.truncate(0)
        if not objs:
            return
        self.active = True
        saved = self._set_aside_eh_state()
        try:
            self._run(self._ordered(objs))
            while len(self.queue):
                batch = self.queue.items()
                self.queue.truncate(0)
                self._run(self._ordered(batch))
        finally:
            self._restore_eh_state(saved)
            self.active = False

    def _is_program_type(self, type_address: int) -> bool:
        """Is the type defined outside the class libraries' installation (framework dir, GAC)?"""
        engine = self.gc.engine
        th = engine.types.by_address.get(type_address)
        if th is None or th.definition is None:
            return False
        framework = engine.binder.framework.directory
        path = getattr(th.definition.module, "path", None)
        if framework is None or path is None:
            return True
        import os
        libraries = os.path.dirname(os.path.realpath(str(framework)))     # .../mono: 4.5, gac, ...
        return not os.path.realpath(str(path)).startswith(libraries + os.sep)

    def _is_suppressed(self, obj: int) -> bool:
        word, bit = self._suppress_bit(obj)
        return bool(read_u64(word) & bit)

    def _ordered(self, objs):
        """Ordinary finalizers first, then critical ones (CriticalFinalizerObject: SafeHandle...)."""
        normal, crit = [], []
        for o in objs:
            if o:
                (crit if self._is_critical(read_u64(o)) else normal).append(o)
        return normal + crit

    def _is_critical(self, type_address: int) -> bool:
        critical = self._critical.get(type_address)
        if critical is None:
            engine = self.gc.engine
            base = engine.loader.corlib_type("System.Runtime.ConstrainedExecution", "CriticalFinalizerObject")
            th = engine.types.by_address.get(type_address)
            critical = self._critical[type_address] = th is not None and th.is_subclass_of(base)
        return critical

    def _run(self, objs):
        """Run the finalizers of `objs`, in order. The native runner clears each entry it ran and stops
        after a finalizer that left an exception pending; then it is called again for the rest."""
        running = self.running
        running.truncate(0)
        running.extend(objs)
        n = len(objs)
        slot_offset = self.gc.finalize_slot_offset()
        while True:
            with self.gc.roots.managed_call():
                done = self.gc.native_run_finalizers(slot_offset)
            if self.gc.engine.pending.is_pending:
                self._escaped()
            if done >= n:
                break
        self.finalized += n
        running.truncate(0)

    def _escaped(self):
        """A finalizer let an exception escape."""
        engine = self.gc.engine
        from ..exceptions import ManagedException
        record = engine.pending.take()
        engine.pending.reset_frames()
        if record is None:
            return
        exc = ManagedException(record)
        if self.exit_on_exception:
            import os
            import sys
            sys.stdout.flush()
            text = exc.format()
            sys.stderr.write(f"\nUnhandled Exception:\n{text}\n[ERROR] FATAL UNHANDLED EXCEPTION: {text}\n")
            sys.stderr.flush()
            os._exit(255)
        self.exceptions.append(exc)

    # The words of the exception-handling state (runtime/exceptions.py) of the interrupted code.
    _EH_WORDS = ("cell", "chain_cell", "target_cell", "handler_cell", "requested_cell")

    def _set_aside_eh_state(self):
        pending = self.gc.engine.pending
        saved = []
        for name in self._EH_WORDS:
            address = getattr(pending, name, None)
            if address:
                saved.append((address, read_u64(address)))
                write_u64(address, 0)
        handler = getattr(pending, "handler_cell", None)
        if handler:
            write_u32(handler, 0xFFFFFFFF)
        return saved

    def _restore_eh_state(self, saved):
        for address, value in saved:
            write_u64(address, value)
