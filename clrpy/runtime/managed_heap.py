"""The managed heap as the rest of the runtime sees it.

The heap itself, its allocator and its collector live in `runtime/gc/` (docs/gc.md): objects are
allocated inline by generated code (jit/translate/objects.py) and by the runtime through
`ManagedHeap` (gc/heap.py); a non-moving mark-sweep collector reclaims what is unreachable. This
module keeps the names older code imports: the heap class, the error an allocation from Python
raises when the heap is full, and reading a string's text.
"""
import ctypes

from ..typesys.object_layout import STRING_CHARS_OFFSET, STRING_LENGTH_OFFSET
from .gc.heap import HeapExhausted, ManagedHeap  # noqa: F401 - re-exported


def read_string(obj: int) -> str:
    """The text of a managed string object."""
    n = ctypes.c_int32.from_address(obj + STRING_LENGTH_OFFSET).value
    return ctypes.string_at(obj + STRING_CHARS_OFFSET, 2 * n).decode("utf-16-le", "surrogatepass")
