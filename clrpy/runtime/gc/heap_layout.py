"""The geometry of the managed heap and the collector's native state, defined once.

The collector's native code (native_code.py) and its Python driver (heap.py, collector.py) both read
these constants; nothing else hard-codes them.

The heap is one reservation of address space, carved into *blocks* of BLOCK_SIZE bytes:

    heap area      [base, base + H)          blocks: small-object blocks and large-object runs
    mark bits      H / 64 bytes               one bit per GRANULE (8 bytes) of the heap area
    start bits     H / 64 bytes               object starts, built per block on demand (conservative roots)
    suppress bits  H / 64 bytes               GC.SuppressFinalize, at the object's first granule
    block table    H / BLOCK_SIZE * 16        one BlockEntry per block
    mark stack     H / 2                      at most one entry per object (>= 16 bytes each)

Pages are touched only as the heap grows, so the reservation costs address space, not memory.

A *block entry* is 16 bytes:

    offset 0   u8   state        FREE, SMALL, LARGE_HEAD, LARGE_TAIL
    offset 1   u8   zeroed       FREE blocks: the memory is known to be all zero (fresh from the OS)
    offset 4   u32  starts_epoch the collection whose start bits for this block are valid
    offset 8   u64  LARGE_HEAD: number of blocks of the object; LARGE_TAIL: the object's address

Small objects are bump-allocated in SMALL blocks; objects larger than LARGE_OBJECT_SIZE get a run of
whole blocks (a LARGE_HEAD block then LARGE_TAIL blocks). A SMALL block is always *walkable*: from
its first byte it is a sequence of objects and fillers, each sized by its header, so the object
containing any address in it can be found. A filler is a dead range: FILLER (header, then its size
in the second word, then for a hole on the free list the next hole) or FILLER8 (8 bytes, the
header word alone).
"""
POINTER_SIZE = 8
GRANULE = 8                         # bytes per mark bit; objects are 8-aligned and at least 16 bytes
GRANULE_SHIFT = 3
BLOCK_SHIFT = 15
BLOCK_SIZE = 1 << BLOCK_SHIFT       # 32 KB
GRANULES_PER_BLOCK = BLOCK_SIZE // GRANULE
BITMAP_WORDS_PER_BLOCK = GRANULES_PER_BLOCK // 64
BLOCK_ENTRY_SIZE = 16

MEDIUM_OBJECT_SIZE = 256            # larger objects that miss the current hole use an overflow block
LARGE_OBJECT_SIZE = 16 << 10        # larger objects get whole blocks of their own
MIN_HOLE = 64                       # smaller free ranges stay fillers until their neighbours die

# Block states.
FREE, SMALL, LARGE_HEAD, LARGE_TAIL = 0, 1, 2, 3
BE_STATE = 0
BE_ZEROED = 1
BE_STARTS_EPOCH = 4
BE_LARGE = 8

# Flags of clrpy_gc_alloc.
ALLOC_MAY_COLLECT = 1               # a safe point: the caller is managed code holding no hidden references
ALLOC_FINALIZABLE = 2               # register the new object for finalization

# Kinds in the GC handle table (GCHandleType + 1; 0 marks a free entry).
HANDLE_FREE, HANDLE_WEAK, HANDLE_WEAK_TRACK_RESURRECTION, HANDLE_NORMAL, HANDLE_PINNED = 0, 1, 2, 3, 4
HANDLE_ENTRY_SIZE = 16              # {u64 target; u64 kind}

POISON_BYTE = 0xCB                  # freed memory in stress mode

# The collector's native state: one 8-byte word each, at 8 * index, in a block of native memory named
# `clrpy_gc_state`. Addresses are absolute.
STATE_FIELDS = (
    "HEAP_BASE",            # first block
    "HEAP_LIMIT",           # end of the reserved heap area
    "BLOCKS_END",           # end of the blocks in use (the heap grows by moving it up)
    "MARK_BITS",            # bitmap bases (bit for granule g at bit g % 64 of word g / 64)
    "START_BITS",
    "SUPPRESS_BITS",
    "BLOCK_TABLE",
    "MARK_STACK",           # bottom of the mark stack
    "MARK_SP",              # its top (next free entry)
    "FILLER_TYPE",          # the two filler "types" (never published type handles)
    "FILLER8_TYPE",
    "HOLE_HEAD",            # first hole on the free list (linked through the holes' filler headers)
    "BLOCK_CURSOR",         # the next block the allocator examines for a free one
    "REGION_START",         # the current allocation region [start, limit); the bump pointer is clrpy_alloc_ptr
    "REGION_LIMIT",
    "OV_PTR",               # the overflow region, for medium objects that miss the current hole
    "OV_LIMIT",
    "OV_START",
    "BUDGET",               # bytes that may still be claimed before a collection is due (signed)
    "ALLOCATED",            # bytes claimed by finished regions and large objects since start
    "REFILLS",              # regions claimed since start (progress counter for the slow path)
    "POLL",                 # nonzero: call clrpy_gc_poll at the next allocation that may collect
    "STRESS_INTERVAL",      # CLRPY_GC_STRESS: collect at every Nth allocation (0: off)
    "STRESS_COUNT",
    "EPOCH",                # collections so far (start bits of a block are valid for one epoch)
    "LIVE_BYTES",           # marking: bytes of the objects marked
    "LIVE_OBJECTS",
    "FREE_BYTES",           # sweeping: bytes in holes and free blocks
    "FREED_OBJECTS",        # large objects freed (small ones are counted by the driver)
    "POISON",               # nonzero: fill freed memory with POISON_BYTE (stress mode)
    "ROOT_WORDS",           # precise roots: addresses of words holding references (statics, cells)
    "ROOT_WORDS_N",
    "ROOT_OBJECTS",         # precise roots: objects (the runtime's permanent objects)
    "ROOT_OBJECTS_N",
    "AMBIGUOUS",            # ambiguous roots: values that may point into objects (Python's references)
    "AMBIGUOUS_N",
    "HANDLES",              # the GC handle table: {target, kind} entries
    "HANDLES_N",
    "FIN_REGISTRY",         # objects with finalizers that have not been found unreachable
    "FIN_N",
    "FIN_CAP",
    "FQ",                   # the finalization queue: unreachable objects whose finalizer must run (roots)
    "FQ_N",
    "FR",                   # the finalizers being run now (roots)
    "FR_N",
    "EPHEMERONS",           # registered Ephemeron[] arrays (ConditionalWeakTable)
    "EPHEMERONS_N",
    "EPHEMERON_TYPE",       # native handle of System.Runtime.CompilerServices.Ephemeron
    "TOMBSTONE",            # the object dead ephemeron keys are replaced with
    "TYPE_TABLE",           # verifier: type id -> native handle
    "TYPE_TABLE_N",
    "VERIFY_ERRORS",        # verifier: number of bad references found, and the first one
    "VERIFY_FIRST_OBJECT",
    "VERIFY_FIRST_VALUE",
    "MARK_SP_MAX",          # deepest mark stack of the last collection (to return its pages)
)
STATE = {name: 8 * i for i, name in enumerate(STATE_FIELDS)}
STATE_SIZE = 8 * len(STATE_FIELDS)
