"""GC handles (System.Runtime.InteropServices.GCHandle), the mechanism under WeakReference too.

A handle is an entry {target, kind} of a native table the collector reads:

    Normal, Pinned            strong: the target is a root. The heap never moves objects, so a
                              pinned handle is a strong one whose target's data address
                              (AddrOfPinnedObject) stays valid as long as the handle exists.
    Weak                      cleared when the target is found unreachable, before finalization
                              (a resurrected object is not seen through it again).
    WeakTrackResurrection     cleared only when the target is unreachable after finalization
                              marked what finalizers need (it follows a resurrected object).

The int32 value managed code keeps (GCHandle.handle) encodes the entry's index and kind:
(index + 1) << 3 | kind, kind = GCHandleType + 1 (1..4), so no handle is 0 and the kind is known
without looking at the table.
"""
from . import heap_layout as L
from .native_vector import NativeVector

KIND_BITS = 3
MAX_INDEX = (1 << (31 - KIND_BITS)) - 2


class HandleTable:
    def __init__(self, heap):
        self.entries = NativeVector(heap, "HANDLES", "HANDLES_N", words_per_item=2)
        self._free = []

    def alloc(self, target: int, kind: int) -> int:
        if self._free:
            index = self._free.pop()
            self.entries.put(index, target, 0)
            self.entries.put(index, kind, 1)
        else:
            if len(self.entries) > MAX_INDEX:
                raise MemoryError("too many GC handles")
            index = self.entries.append(target, kind)
        return (index + 1) << KIND_BITS | kind

    def _index(self, handle: int):
        index = (handle >> KIND_BITS) - 1
        if handle <= 0 or index >= len(self.entries) or self.entries.get(index, 1) == L.HANDLE_FREE:
            return None
        return index

    def is_valid(self, handle: int) -> bool:
        return self._index(handle) is not None

    @staticmethod
    def kind_of(handle: int) -> int:
        return handle & ((1 << KIND_BITS) - 1)

    def target(self, handle: int) -> int:
        index = self._index(handle)
        return 0 if index is None else self.entries.get(index, 0)

    def set_target(self, handle: int, target: int) -> bool:
        index = self._index(handle)
        if index is None:
            return False
        self.entries.put(index, target, 0)
        return True

    def free(self, handle: int) -> bool:
        index = self._index(handle)
        if index is None:
            return False
        self.entries.put(index, 0, 0)
        self.entries.put(index, L.HANDLE_FREE, 1)
        self._free.append(index)
        return True
