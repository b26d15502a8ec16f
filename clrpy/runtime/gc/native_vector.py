"""A growable array of 64-bit words in native memory, whose address and length the collector's
native code reads from its state block (heap_layout.STATE).

The length may live in the state block itself (`n_field`): then native code can append too (the
finalization registry grows this way, native code calling back for more room).
"""
import ctypes


class NativeVector:
    def __init__(self, heap, ptr_field: str, n_field: str, cap_field: str = None, words_per_item: int = 1,
                 capacity: int = 256):
        self.heap = heap
        self.ptr_field = ptr_field
        self.n_field = n_field
        self.cap_field = cap_field
        self.words = words_per_item
        self._buffer = None
        self.capacity = 0
        self._reserve(capacity)
        heap.set(n_field, 0)

    # -- the length lives in the state block, where native code sees it ------------------------------
    def __len__(self):
        return self.heap.get(self.n_field)

    def _set_len(self, n: int):
        self.heap.set(self.n_field, n)

    @property
    def address(self) -> int:
        return ctypes.addressof(self._buffer)

    def _reserve(self, capacity: int):
        if capacity <= self.capacity:
            return
        new = (ctypes.c_uint64 * (capacity * self.words))()
        if self._buffer is not None:
            ctypes.memmove(new, self._buffer, len(self) * self.words * 8)
        self._buffer = new
        self.capacity = capacity
        self.heap.set(self.ptr_field, ctypes.addressof(new))
        if self.cap_field:
            self.heap.set(self.cap_field, capacity)

    def reserve(self, capacity: int):
        """Make room for `capacity` items (at least doubling, so appends stay amortised O(1))."""
        if capacity > self.capacity:
            self._reserve(max(capacity, 2 * self.capacity))

    # -- items -----------------------------------------------------------------------------------------
    def append(self, *words) -> int:
        n = len(self)
        self.reserve(n + 1)
        base = n * self.words
        for k, w in enumerate(words):
            self._buffer[base + k] = w
        self._set_len(n + 1)
        return n

    def extend(self, values):
        """Append single-word items."""
        values = list(values)
        n = len(self)
        self.reserve(n + len(values))
        self._buffer[n:n + len(values)] = values
        self._set_len(n + len(values))

    def truncate(self, n: int):
        self._set_len(n)

    def get(self, index: int, word: int = 0) -> int:
        return self._buffer[index * self.words + word]

    def put(self, index: int, value: int, word: int = 0):
        self._buffer[index * self.words + word] = value

    def items(self):
        """The single-word items, as a list."""
        return list(self._buffer[:len(self) * self.words])
