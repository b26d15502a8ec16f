"""The object layouts Mono's class library relies on (64-bit), in one place.

Every object starts with a two-word header: the pointer to its type's native handle (Mono's
`MonoVTable*`) and a synchronisation word (Mono's `MonoThreadsSync*`, used by Monitor and for
hash codes). Strings and arrays continue with the fields Mono's managed code reads directly:

    String   [vtable][sync][int32 length][char16 chars...][0]   chars at 20 (RuntimeHelpers.OffsetToStringData)
    SZArray  [vtable][sync][bounds = null][uintptr length][data...]   data at 32, 8-aligned
    MDArray  [vtable][sync][bounds -> {uintptr length, int32 lower}*rank][uintptr total][data...]

`System.Array.RawData` in Mono's corlib mirrors the array header (IntPtr Bounds; IntPtr Count;
byte Data), so the length is a full word. The JIT, the allocator, icalls and the collector all
read these constants; nothing else hard-codes an offset into an object.
"""

POINTER_SIZE = 8

OBJECT_VTABLE_OFFSET = 0
OBJECT_SYNC_OFFSET = 8
OBJECT_HEADER_SIZE = 16

STRING_LENGTH_OFFSET = 16
STRING_CHARS_OFFSET = 20


def string_size(length: int) -> int:
    """Bytes allocated for a string of `length` UTF-16 units: header, length, chars, a NUL, aligned."""
    return (STRING_CHARS_OFFSET + 2 * (length + 1) + 7) & ~7


ARRAY_BOUNDS_OFFSET = 16
ARRAY_LENGTH_OFFSET = 24
ARRAY_DATA_OFFSET = 32

# An element of an MDArray's bounds vector (Mono's MonoArrayBounds): {uintptr length; int32 lower_bound}.
ARRAY_BOUND_SIZE = 16
ARRAY_BOUND_LENGTH_OFFSET = 0
ARRAY_BOUND_LOWER_OFFSET = 8

MIN_OBJECT_SIZE = 16


def align(value: int, alignment: int) -> int:
    return (value + alignment - 1) & ~(alignment - 1)
