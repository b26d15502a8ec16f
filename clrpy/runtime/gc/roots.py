"""Where marking starts: every reference outside the heap that the runtime knows of.

* **Stacks** (ambiguous): the managed thread's native stack, scanned word by word by native code
  after the callee-saved registers are pushed (native_code.py). Any word that points into an
  object keeps it, interior pointers included.
* **Python** (ambiguous): addresses Python holds — the embedding API's ManagedObjects, and the
  arguments of calls from Python into managed code while they run (`protect`). Counted, so the
  same object may be held many times.
* **Precise words**: words of native memory that hold references — static fields (each statics
  block registers the offsets of its references), the pending-exception cell.
* **Permanent objects**: objects the runtime creates and keeps for its lifetime (interned strings,
  RuntimeType objects...). Registered once (`keep_forever`), or reported at each collection by a
  *provider*, a callable that yields the addresses a table of the runtime holds.
* GC handles and the finalization queue are roots too; their tables are in handles.py and
  finalization.py.

* **Python's new objects** (ambiguous): every object the runtime's Python code allocates is noted
  (`ManagedHeap.python_young`). Python keeps raw addresses in its variables, which no stack scan
  sees; an allocation from Python never collects, so the only danger is Python code that calls
  into managed code (a class constructor, a reflection invoke, a virtual ToString) while it holds
  an object it made. Every call from Python into managed code goes through `managed_call`, which
  marks how many objects Python had made when the call began; a collection keeps those alive (they
  may belong to the suspended Python frames). When the call returns, the objects made during it are
  forgotten: the Python frames that made them have returned them to managed code (on its stack or
  in the heap now) or dropped them.

The rule that makes Python's raw addresses safe (docs/gc.md): a collection starts only at an
allocation slow path reached from managed code, at GC.Collect, or when Python asks while no
managed code runs. Python code that holds an object it did not allocate (read from a field)
across a call into managed code that may drop the last other reference must `protect` it.
"""
from contextlib import contextmanager

from .native_vector import NativeVector


class RootSet:
    def __init__(self, heap, python_roots: dict):
        self.heap = heap
        self.words = NativeVector(heap, "ROOT_WORDS", "ROOT_WORDS_N")
        self.objects = NativeVector(heap, "ROOT_OBJECTS", "ROOT_OBJECTS_N")
        self.ambiguous = NativeVector(heap, "AMBIGUOUS", "AMBIGUOUS_N")
        self._permanent = 0             # objects[:_permanent] are the keep_forever ones
        self.providers = []
        self.python = python_roots      # address -> count (shared with ExecutionEngine.python_roots)
        self.young = heap.python_young  # objects Python allocated (see the module's docstring)
        self.call_marks = []            # len(young) at the start of each call into managed code running now
        self._statics = None            # the StaticsTable whose blocks hold references
        self._statics_seen = 0

    # -- registration ------------------------------------------------------------------------------
    def add_word(self, address: int):
        """A word of native memory that holds a reference (or null) from now on."""
        self.words.append(address)

    def add_block(self, block: int, ref_offsets):
        """A block of native memory (a statics block) with references at these offsets."""
        if ref_offsets:
            self.words.extend(block + off for off in ref_offsets)

    def keep_forever(self, obj: int):
        """An object the runtime keeps for its whole lifetime."""
        if obj:
            n = self._permanent
            self.objects.truncate(n)
            self.objects.append(obj)
            self._permanent = n + 1

    def watch_statics(self, statics):
        """Static fields are roots: each statics block's reference slots are registered once, at the
        first collection after the block exists (typesys/layout.py puts references first)."""
        self._statics = statics

    def _sync_statics(self):
        blocks = self._statics.blocks
        if len(blocks) == self._statics_seen:
            return
        for (th, thread_static), address in list(blocks.items())[self._statics_seen:]:
            lay = th.ensure_layout()
            offsets = lay.thread_static_ref_offsets if thread_static else lay.static_ref_offsets
            self.add_block(address, offsets)
        self._statics_seen = len(blocks)

    @contextmanager
    def managed_call(self):
        """Around every call from Python into managed code (see the module's docstring)."""
        young = self.young
        mark = len(young)
        marks = self.call_marks
        marks.append(mark)
        try:
            yield
        finally:
            marks.pop()
            del young[mark if marks else 0:]

    def add_provider(self, provider):
        """`provider()` yields the objects a runtime table holds, asked at every collection."""
        self.providers.append(provider)

    def hold(self, address: int):
        if address:
            self.python[address] = self.python.get(address, 0) + 1

    def release(self, address: int):
        n = self.python.get(address, 0) - 1
        if n > 0:
            self.python[address] = n
        else:
            self.python.pop(address, None)

    @contextmanager
    def protect(self, *addresses):
        """Keep objects (or anything pointing into them) alive while managed code runs."""
        held = [a for a in addresses if isinstance(a, int) and a]
        for a in held:
            self.hold(a)
        try:
            yield
        finally:
            for a in held:
                self.release(a)

    # -- before a collection ----------------------------------------------------------------------
    def prepare(self):
        """Bring the arrays native code reads up to date."""
        if self._statics is not None:
            self._sync_statics()
        objects = self.objects
        objects.truncate(self._permanent)
        for provider in self.providers:
            objects.extend(a for a in provider() if a)
        amb = self.ambiguous
        amb.truncate(0)
        amb.extend(self.python.keys())
        young = self.young
        if self.call_marks:
            del young[self.call_marks[-1]:]     # made by Python frames that have returned
            amb.extend(young)
        else:
            amb.extend(young)                   # no managed code runs: Python holds all it made
