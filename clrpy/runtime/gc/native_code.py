"""The collector's native code: allocation slow paths, marking, sweeping, the heap verifier.

Everything here runs per object or per word of the heap, so it is LLVM IR compiled once per runtime
at start-up (like runtime/native_helpers.py), never Python. The Python driver (collector.py) decides
*when* and *what* (policy, root sets, finalizers); this code does the work:

* `clrpy_gc_alloc(type, size, flags)`: the slow path of every allocation. Bumps through the current
  region; when it is used up takes the next hole on the free list (zeroing it), then the next free
  block; objects over MEDIUM_OBJECT_SIZE that miss the current hole go to an *overflow* block, objects
  over LARGE_OBJECT_SIZE to a run of whole blocks. Only when all of that fails, or the allocation
  budget is spent, does it call Python (`clrpy_gc_need_memory`: collect, or grow the heap).
  `clrpy_alloc_slow`, `clrpy_alloc_finalizable` and `clrpy_new_array` are its entries for JIT'd code.
* `clrpy_gc_collect(stack_hi)`: hand-written entry that pushes the callee-saved registers, so that
  references managed code keeps in them are on the stack, then runs `clrpy_gc_collect_native(sp,
  stack_hi)`: mark from the stack (ambiguous words), the ambiguous and precise root arrays, strong
  GC handles and the finalization queue; drain; ephemerons; clear short weak handles; queue the
  unreachable finalizable objects and mark from them (resurrection); clear long weak handles and
  dead ephemeron entries; sweep.
* Marking sets, for each object reached, the mark bits of *every granule it covers*, so that the
  sweep finds free ranges from the bitmap alone (runs of clear bits), never touching dead objects.
  It turns each free range into a filler (and a hole on the free list when it is at least MIN_HOLE
  bytes), so a dead object is never seen again, even by a stale stack word.
* Ambiguous words (stack, Python's references) may point anywhere inside an object: the block table
  says which block; a SMALL block's object starts are found by walking it once per collection
  (start bits), a large object's from its head block.
* `clrpy_gc_verify()`: every reference in every object, and every root, points to an object start.

Heap geometry and state offsets: heap_layout.py. Type-handle layout: typesys/native_type.py. Object
layout: typesys/object_layout.py.
"""
from string import Template

from ...jit.helpers import ALLOC_LIMIT, ALLOC_PTR, PENDING_EXCEPTION
from ...typesys.native_type import (NT_BASE_SIZE, NT_ELEMENT, NT_ELEMENT_SIZE, NT_FLAGS, NT_RANK, NT_REF_MAP,
                                    NT_TYPE_ID, NativeTypeFlags as F)
from ...typesys.object_layout import (ARRAY_BOUND_SIZE, ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET, STRING_CHARS_OFFSET,
                                      STRING_LENGTH_OFFSET)
from . import heap_layout as L

MARK_RING = 32                      # objects prefetched ahead of the one being scanned (a power of 2)
SCRUB_BYTES = 32 << 10             # stack zeroed below a managed frame before Python runs a collection

# Internal calls the collector implements natively (icalls/registry.py binds them).
NATIVE_GC_ICALLS = {"System.GC::InternalCollect(System.Int32)": "clrpy_gc_collect_icall"}

STACK_SCAN_ASM = r"""
module asm ".text"
module asm ".globl clrpy_gc_collect"
module asm ".type clrpy_gc_collect,@function"
module asm ".p2align 4"
module asm "clrpy_gc_collect:"
module asm "  pushq %rbp"
module asm "  movq %rsp, %rbp"
module asm "  pushq %rbx"
module asm "  pushq %r12"
module asm "  pushq %r13"
module asm "  pushq %r14"
module asm "  pushq %r15"
module asm "  subq $8, %rsp"
module asm "  movq %rdi, %rsi"
module asm "  movq %rsp, %rdi"
module asm "  movq clrpy_gc_collect_native@GOTPCREL(%rip), %rax"
module asm "  callq *%rax"
module asm "  addq $8, %rsp"
module asm "  popq %r15"
module asm "  popq %r14"
module asm "  popq %r13"
module asm "  popq %r12"
module asm "  popq %rbx"
module asm "  popq %rbp"
module asm "  retq"
"""


def collector_ir(ephemeron_key_offset: int, ephemeron_value_offset: int, ephemeron_size: int) -> str:
    """The IR of the collector's native module. The Ephemeron struct's layout (ConditionalWeakTable's
    entries) comes from the class library, so the caller passes it."""
    values = {name: str(off) for name, off in L.STATE.items()}
    values.update(
        ALLOC_PTR=ALLOC_PTR, ALLOC_LIMIT=ALLOC_LIMIT, PENDING=PENDING_EXCEPTION,
        BLOCK=str(L.BLOCK_SIZE), BLOCK_SHIFT=str(L.BLOCK_SHIFT), BLOCK_MASK=str(L.BLOCK_SIZE - 1),
        GPB=str(L.GRANULES_PER_BLOCK), BITMAP_BYTES_PER_BLOCK=str(L.BITMAP_WORDS_PER_BLOCK * 8),
        WPB=str(L.BITMAP_WORDS_PER_BLOCK),
        MEDIUM=str(L.MEDIUM_OBJECT_SIZE), LARGE=str(L.LARGE_OBJECT_SIZE), MIN_HOLE=str(L.MIN_HOLE),
        FREE=str(L.FREE), SMALL=str(L.SMALL), HEAD=str(L.LARGE_HEAD), TAIL=str(L.LARGE_TAIL),
        BE_ZEROED=str(L.BE_ZEROED), BE_EPOCH=str(L.BE_STARTS_EPOCH), BE_LARGE=str(L.BE_LARGE),
        POISON_BYTE=str(L.POISON_BYTE - 256 if L.POISON_BYTE > 127 else L.POISON_BYTE),
        H_STRONG=str(L.HANDLE_NORMAL), H_WEAK=str(L.HANDLE_WEAK), H_TRACK=str(L.HANDLE_WEAK_TRACK_RESURRECTION),
        NT_FLAGS=str(NT_FLAGS), NT_BASE_SIZE=str(NT_BASE_SIZE), NT_ELEMENT=str(NT_ELEMENT),
        NT_ELEMENT_SIZE=str(NT_ELEMENT_SIZE), NT_RANK=str(NT_RANK), NT_REF_MAP=str(NT_REF_MAP),
        NT_TYPE_ID=str(NT_TYPE_ID),
        F_VARIABLE=str(int(F.ARRAY | F.STRING)), F_STRING=str(int(F.STRING)), F_SZARRAY=str(int(F.SZARRAY)),
        F_ARRAY=str(int(F.ARRAY)), F_HASREFS=str(int(F.HAS_REFERENCES)),
        F_ELEMREF=str(int(F.ELEMENT_IS_REFERENCE)),
        STRING_LENGTH=str(STRING_LENGTH_OFFSET), STRING_ADD=str(STRING_CHARS_OFFSET + 2 + 7),
        ARRAY_LENGTH=str(ARRAY_LENGTH_OFFSET), ARRAY_DATA=str(ARRAY_DATA_OFFSET),
        ARRAY_ADD=str(ARRAY_DATA_OFFSET + 7), BOUND_SIZE=str(ARRAY_BOUND_SIZE),
        RING=str(MARK_RING), RING_MASK=str(MARK_RING - 1), RING_BYTES=str(MARK_RING * 8),
        SCRUB_BYTES=str(SCRUB_BYTES), EPH_KEY=str(ephemeron_key_offset), EPH_VALUE=str(ephemeron_value_offset), EPH_SIZE=str(ephemeron_size),
    )
    return STACK_SCAN_ASM + Template(_IR).substitute(values)


_IR = r"""
@clrpy_gc_state = external global [64 x i64]
@"$ALLOC_PTR" = external global i64
@"$ALLOC_LIMIT" = external global i64
@"$PENDING" = external global i64

declare i32 @clrpy_gc_need_memory(i64, i64, i64)
declare void @clrpy_gc_poll()
declare void @clrpy_gc_collect_requested()
declare void @clrpy_gc_grow_registry()
declare void @clrpy_new_array_failed(i64)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare i64 @llvm.cttz.i64(i64, i1)
declare i64 @llvm.ctlz.i64(i64, i1)
declare void @llvm.prefetch.p0(ptr, i32, i32, i32)

; ---- memory and state access ----------------------------------------------------------------------
define internal i64 @ld(i64 %a) alwaysinline {
  %p = inttoptr i64 %a to ptr
  %v = load i64, ptr %p, align 8
  ret i64 %v
}
define internal void @st(i64 %a, i64 %v) alwaysinline {
  %p = inttoptr i64 %a to ptr
  store i64 %v, ptr %p, align 8
  ret void
}
define internal i32 @ld32(i64 %a) alwaysinline {
  %p = inttoptr i64 %a to ptr
  %v = load i32, ptr %p, align 4
  ret i32 %v
}
define internal void @st32(i64 %a, i32 %v) alwaysinline {
  %p = inttoptr i64 %a to ptr
  store i32 %v, ptr %p, align 4
  ret void
}
define internal i8 @ld8(i64 %a) alwaysinline {
  %p = inttoptr i64 %a to ptr
  %v = load i8, ptr %p, align 1
  ret i8 %v
}
define internal void @st8(i64 %a, i8 %v) alwaysinline {
  %p = inttoptr i64 %a to ptr
  store i8 %v, ptr %p, align 1
  ret void
}
define internal void @fillmem(i64 %a, i8 %v, i64 %n) alwaysinline {
  %p = inttoptr i64 %a to ptr
  call void @llvm.memset.p0.i64(ptr align 8 %p, i8 %v, i64 %n, i1 false)
  ret void
}
define internal i64 @S(i64 %off) alwaysinline {
  %p = getelementptr inbounds i8, ptr @clrpy_gc_state, i64 %off
  %v = load i64, ptr %p, align 8
  ret i64 %v
}
define internal void @W(i64 %off, i64 %v) alwaysinline {
  %p = getelementptr inbounds i8, ptr @clrpy_gc_state, i64 %off
  store i64 %v, ptr %p, align 8
  ret void
}
define internal void @ADD(i64 %off, i64 %d) alwaysinline {
  %v = call i64 @S(i64 %off)
  %n = add i64 %v, %d
  call void @W(i64 %off, i64 %n)
  ret void
}
define internal i64 @entry_of(i64 %bi) alwaysinline {
  %t = call i64 @S(i64 $BLOCK_TABLE)
  %o = shl i64 %bi, 4
  %e = add i64 %t, %o
  ret i64 %e
}

; ---- bitmaps: bit g (granule index from HEAP_BASE) of a bitmap at %bits ------------------------------
define internal i64 @bit_word(i64 %bits, i64 %g) alwaysinline {
  %wi = lshr i64 %g, 6
  %wb = shl i64 %wi, 3
  %a = add i64 %bits, %wb
  ret i64 %a
}
define internal i1 @test_bit(i64 %bits, i64 %g) alwaysinline {
  %wa = call i64 @bit_word(i64 %bits, i64 %g)
  %w = call i64 @ld(i64 %wa)
  %b = and i64 %g, 63
  %m = shl i64 1, %b
  %t = and i64 %w, %m
  %r = icmp ne i64 %t, 0
  ret i1 %r
}
define internal void @set_bit(i64 %bits, i64 %g) alwaysinline {
  %wa = call i64 @bit_word(i64 %bits, i64 %g)
  %w = call i64 @ld(i64 %wa)
  %b = and i64 %g, 63
  %m = shl i64 1, %b
  %n = or i64 %w, %m
  call void @st(i64 %wa, i64 %n)
  ret void
}
define internal void @clear_bit(i64 %bits, i64 %g) alwaysinline {
  %wa = call i64 @bit_word(i64 %bits, i64 %g)
  %w = call i64 @ld(i64 %wa)
  %b = and i64 %g, 63
  %m = shl i64 1, %b
  %nm = xor i64 %m, -1
  %n = and i64 %w, %nm
  call void @st(i64 %wa, i64 %n)
  ret void
}
; Set bits [from, to).
define internal void @set_bits(i64 %bits, i64 %from, i64 %to) {
entry:
  %e = icmp uge i64 %from, %to
  br i1 %e, label %done, label %loop
loop:
  %i = phi i64 [ %from, %entry ], [ %next, %loop ]
  %b = and i64 %i, 63
  %room = sub i64 64, %b
  %left = sub i64 %to, %i
  %lt = icmp ult i64 %left, %room
  %take = select i1 %lt, i64 %left, i64 %room
  %full = icmp eq i64 %take, 64
  %tk = and i64 %take, 63
  %one = shl i64 1, %tk
  %m0 = sub i64 %one, 1
  %m1 = select i1 %full, i64 -1, i64 %m0
  %m = shl i64 %m1, %b
  %wa = call i64 @bit_word(i64 %bits, i64 %i)
  %w = call i64 @ld(i64 %wa)
  %nw = or i64 %w, %m
  call void @st(i64 %wa, i64 %nw)
  %next = add i64 %i, %take
  %more = icmp ult i64 %next, %to
  br i1 %more, label %loop, label %done
done:
  ret void
}
; The first bit index in [from, end) that is set (%flip = 0) or clear (%flip = -1); %end if none.
define internal i64 @find_bit(i64 %bits, i64 %from, i64 %end, i64 %flip) {
entry:
  %s = icmp uge i64 %from, %end
  br i1 %s, label %none, label %first
first:
  %wa0 = call i64 @bit_word(i64 %bits, i64 %from)
  %w0r = call i64 @ld(i64 %wa0)
  %w0 = xor i64 %w0r, %flip
  %b = and i64 %from, 63
  %low = shl i64 -1, %b
  %w0m = and i64 %w0, %low
  %base0 = and i64 %from, -64
  br label %check
check:
  %w = phi i64 [ %w0m, %first ], [ %wn, %load ]
  %wbase = phi i64 [ %base0, %first ], [ %nb, %load ]
  %nz = icmp ne i64 %w, 0
  br i1 %nz, label %found, label %next
next:
  %nb = add i64 %wbase, 64
  %past = icmp uge i64 %nb, %end
  br i1 %past, label %none, label %load
load:
  %wan = call i64 @bit_word(i64 %bits, i64 %nb)
  %wnr = call i64 @ld(i64 %wan)
  %wn = xor i64 %wnr, %flip
  br label %check
found:
  %tz = call i64 @llvm.cttz.i64(i64 %w, i1 true)
  %idx = add i64 %wbase, %tz
  %over = icmp ugt i64 %idx, %end
  %r = select i1 %over, i64 %end, i64 %idx
  ret i64 %r
none:
  ret i64 %end
}

; ---- object sizes ------------------------------------------------------------------------------------
; Bytes an object occupies (object_layout.py; the allocator rounds every size up to 8).
define internal i64 @gc_size(i64 %obj) alwaysinline {
entry:
  %vt = call i64 @ld(i64 %obj)
  %fa = add i64 %vt, $NT_FLAGS
  %flags = call i32 @ld32(i64 %fa)
  %var = and i32 %flags, $F_VARIABLE
  %fixed = icmp eq i32 %var, 0
  br i1 %fixed, label %fix, label %variable
fix:
  %bsa = add i64 %vt, $NT_BASE_SIZE
  %bs = call i32 @ld32(i64 %bsa)
  %bs64 = zext i32 %bs to i64
  ret i64 %bs64
variable:
  %str = and i32 %flags, $F_STRING
  %isstr = icmp ne i32 %str, 0
  br i1 %isstr, label %string, label %array
string:
  %la = add i64 %obj, $STRING_LENGTH
  %len = call i32 @ld32(i64 %la)
  %len64 = zext i32 %len to i64
  %chars = shl i64 %len64, 1
  %raw = add i64 %chars, $STRING_ADD
  %ssz = and i64 %raw, -8
  ret i64 %ssz
array:
  %na = add i64 %obj, $ARRAY_LENGTH
  %n = call i64 @ld(i64 %na)
  %esa = add i64 %vt, $NT_ELEMENT_SIZE
  %es = call i32 @ld32(i64 %esa)
  %es64 = zext i32 %es to i64
  %data = mul i64 %n, %es64
  %araw = add i64 %data, $ARRAY_ADD
  %asz = and i64 %araw, -8
  %sz = and i32 %flags, $F_SZARRAY
  %issz = icmp ne i32 %sz, 0
  br i1 %issz, label %szarr, label %mdarr
szarr:
  ret i64 %asz
mdarr:
  %ra = add i64 %vt, $NT_RANK
  %rank = call i32 @ld32(i64 %ra)
  %rank64 = zext i32 %rank to i64
  %bounds = mul i64 %rank64, $BOUND_SIZE
  %mdsz = add i64 %asz, %bounds
  ret i64 %mdsz
}
; The size of an object or filler met while walking a block.
define internal i64 @walk_size(i64 %p, i64 %vt) alwaysinline {
entry:
  %f = call i64 @S(i64 $FILLER_TYPE)
  %isf = icmp eq i64 %vt, %f
  br i1 %isf, label %filler, label %not_filler
filler:
  %sa = add i64 %p, 8
  %s = call i64 @ld(i64 %sa)
  ret i64 %s
not_filler:
  %f8 = call i64 @S(i64 $FILLER8_TYPE)
  %isf8 = icmp eq i64 %vt, %f8
  br i1 %isf8, label %filler8, label %object
filler8:
  ret i64 8
object:
  %o = call i64 @gc_size(i64 %p)
  ret i64 %o
}
define internal i1 @is_filler(i64 %vt) alwaysinline {
  %f = call i64 @S(i64 $FILLER_TYPE)
  %f8 = call i64 @S(i64 $FILLER8_TYPE)
  %a = icmp eq i64 %vt, %f
  %b = icmp eq i64 %vt, %f8
  %r = or i1 %a, %b
  ret i1 %r
}
; A dead range [p, p + size) becomes a filler (no link).
define internal void @fill(i64 %p, i64 %size) {
entry:
  %is8 = icmp eq i64 %size, 8
  br i1 %is8, label %f8, label %fl
f8:
  %t8 = call i64 @S(i64 $FILLER8_TYPE)
  call void @st(i64 %p, i64 %t8)
  ret void
fl:
  %t = call i64 @S(i64 $FILLER_TYPE)
  call void @st(i64 %p, i64 %t)
  %sa = add i64 %p, 8
  call void @st(i64 %sa, i64 %size)
  ret void
}

; ---- marking -----------------------------------------------------------------------------------------
define internal i1 @is_marked(i64 %obj) alwaysinline {
  %base = call i64 @S(i64 $HEAP_BASE)
  %bits = call i64 @S(i64 $MARK_BITS)
  %off = sub i64 %obj, %base
  %g = lshr i64 %off, 3
  %r = call i1 @test_bit(i64 %bits, i64 %g)
  ret i1 %r
}
; Mark an object start and push it on the mark stack (if it was not marked already).
define internal i1 @mark(i64 %obj) {
entry:
  %base = call i64 @S(i64 $HEAP_BASE)
  %bits = call i64 @S(i64 $MARK_BITS)
  %off = sub i64 %obj, %base
  %g = lshr i64 %off, 3
  %wa = call i64 @bit_word(i64 %bits, i64 %g)
  %w = call i64 @ld(i64 %wa)
  %b = and i64 %g, 63
  %m = shl i64 1, %b
  %t = and i64 %w, %m
  %was = icmp ne i64 %t, 0
  br i1 %was, label %old, label %new
new:
  %nw = or i64 %w, %m
  call void @st(i64 %wa, i64 %nw)
  %sp = call i64 @S(i64 $MARK_SP)
  call void @st(i64 %sp, i64 %obj)
  %sp1 = add i64 %sp, 8
  call void @W(i64 $MARK_SP, i64 %sp1)
  ret i1 true
old:
  ret i1 false
}
; A precise reference: null, or the start of an object in the heap.
define internal i1 @mark_ref(i64 %r) {
entry:
  %base = call i64 @S(i64 $HEAP_BASE)
  %end = call i64 @S(i64 $BLOCKS_END)
  %span = sub i64 %end, %base
  %off = sub i64 %r, %base
  %in = icmp ult i64 %off, %span
  br i1 %in, label %go, label %out
go:
  %m = call i1 @mark(i64 %r)
  ret i1 %m
out:
  ret i1 false
}

; The context of a traversal of an object's references: {sp, base, span, bits, errors, first_obj, first_value}.
%ctx = type { i64, i64, i64, i64, i64, i64, i64 }

; Mode 0: mark and push (marking); mode 1: check that the reference is valid (the verifier).
define internal void @visit(i64 %r, i64 %obj, i64 %mode, ptr %c) alwaysinline {
entry:
  %isv = icmp eq i64 %mode, 1
  br i1 %isv, label %verify, label %markit
markit:
  %basep = getelementptr inbounds %ctx, ptr %c, i32 0, i32 1
  %base = load i64, ptr %basep, align 8
  %spanp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 2
  %span = load i64, ptr %spanp, align 8
  %off = sub i64 %r, %base
  %in = icmp ult i64 %off, %span
  br i1 %in, label %test, label %out
test:
  %bitsp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 3
  %bits = load i64, ptr %bitsp, align 8
  %g = lshr i64 %off, 3
  %wa = call i64 @bit_word(i64 %bits, i64 %g)
  %w = call i64 @ld(i64 %wa)
  %b = and i64 %g, 63
  %m = shl i64 1, %b
  %t = and i64 %w, %m
  %was = icmp ne i64 %t, 0
  br i1 %was, label %out, label %push
push:
  %nw = or i64 %w, %m
  call void @st(i64 %wa, i64 %nw)
  %spp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 0
  %sp = load i64, ptr %spp, align 8
  call void @st(i64 %sp, i64 %r)
  %sp1 = add i64 %sp, 8
  store i64 %sp1, ptr %spp, align 8
  br label %out
verify:
  call void @verify_ref(i64 %r, i64 %obj, ptr %c)
  br label %out
out:
  ret void
}

; Visit every reference an object holds, by its type's reference map (typesys/native_type.py).
define internal void @for_each_ref(i64 %obj, i64 %mode, ptr %c) alwaysinline {
entry:
  %vt = call i64 @ld(i64 %obj)
  %fa = add i64 %vt, $NT_FLAGS
  %flags = call i32 @ld32(i64 %fa)
  %hr = and i32 %flags, $F_HASREFS
  %nohr = icmp eq i32 %hr, 0
  br i1 %nohr, label %done, label %which
which:
  %arr = and i32 %flags, $F_ARRAY
  %isarr = icmp ne i32 %arr, 0
  br i1 %isarr, label %array, label %fields
fields:
  %mapa = add i64 %vt, $NT_REF_MAP
  %map = call i64 @ld(i64 %mapa)
  %cnt32 = call i32 @ld32(i64 %map)
  %cnt = zext i32 %cnt32 to i64
  br label %floop
floop:
  %k = phi i64 [ 0, %fields ], [ %k1, %fbody ]
  %fend = icmp uge i64 %k, %cnt
  br i1 %fend, label %done, label %fbody
fbody:
  %k4 = shl i64 %k, 2
  %oa0 = add i64 %map, 4
  %oa = add i64 %oa0, %k4
  %off32 = call i32 @ld32(i64 %oa)
  %off = zext i32 %off32 to i64
  %fa2 = add i64 %obj, %off
  %r = call i64 @ld(i64 %fa2)
  call void @visit(i64 %r, i64 %obj, i64 %mode, ptr %c)
  %k1 = add i64 %k, 1
  br label %floop
array:
  %na = add i64 %obj, $ARRAY_LENGTH
  %n = call i64 @ld(i64 %na)
  %p0 = add i64 %obj, $ARRAY_DATA
  %er = and i32 %flags, $F_ELEMREF
  %iser = icmp ne i32 %er, 0
  br i1 %iser, label %refarr, label %structarr
refarr:
  %n8 = shl i64 %n, 3
  %pe = add i64 %p0, %n8
  br label %raloop
raloop:
  %p = phi i64 [ %p0, %refarr ], [ %p1, %rabody ]
  %rdone = icmp uge i64 %p, %pe
  br i1 %rdone, label %done, label %rabody
rabody:
  %ra = call i64 @ld(i64 %p)
  call void @visit(i64 %ra, i64 %obj, i64 %mode, ptr %c)
  %p1 = add i64 %p, 8
  br label %raloop
structarr:
  %elema = add i64 %vt, $NT_ELEMENT
  %elem = call i64 @ld(i64 %elema)
  %eph = call i64 @S(i64 $EPHEMERON_TYPE)
  %iseph = icmp eq i64 %elem, %eph
  %isv = icmp eq i64 %mode, 1
  %notv = xor i1 %isv, true
  %skip = and i1 %iseph, %notv
  br i1 %skip, label %done, label %sa
sa:
  %esa = add i64 %vt, $NT_ELEMENT_SIZE
  %es32 = call i32 @ld32(i64 %esa)
  %es = zext i32 %es32 to i64
  %smapa = add i64 %vt, $NT_REF_MAP
  %smap = call i64 @ld(i64 %smapa)
  %scnt32 = call i32 @ld32(i64 %smap)
  %scnt = zext i32 %scnt32 to i64
  br label %saloop
saloop:
  %i = phi i64 [ 0, %sa ], [ %i1, %sanext ]
  %e = phi i64 [ %p0, %sa ], [ %e1, %sanext ]
  %sdone = icmp uge i64 %i, %n
  br i1 %sdone, label %done, label %siloop
siloop:
  %j = phi i64 [ 0, %saloop ], [ %j1, %sibody ]
  %jd = icmp uge i64 %j, %scnt
  br i1 %jd, label %sanext, label %sibody
sibody:
  %j4 = shl i64 %j, 2
  %soa0 = add i64 %smap, 4
  %soa = add i64 %soa0, %j4
  %soff32 = call i32 @ld32(i64 %soa)
  %soff = zext i32 %soff32 to i64
  %sfa = add i64 %e, %soff
  %sr = call i64 @ld(i64 %sfa)
  call void @visit(i64 %sr, i64 %obj, i64 %mode, ptr %c)
  %j1 = add i64 %j, 1
  br label %siloop
sanext:
  %i1 = add i64 %i, 1
  %e1 = add i64 %e, %es
  br label %saloop
done:
  ret void
}

; Pop and scan until the mark stack is empty. Each object's granules are all marked (its first one
; was when it was pushed), so the sweep sees live ranges in the bitmap alone.
;
; Scanning an object waits for its first cache line, which a full-heap mark of a large live set
; mostly misses. So a popped object is prefetched and parked in a small ring ($RING slots); the object
; scanned is the one parked $RING pops earlier, whose line has had time to arrive. When the stack runs
; dry the ring is drained newest first (a linked list, whose next object is only known once the
; current one is scanned, then costs one probe per object).
define internal void @drain() {
entry:
  %c = alloca %ctx, align 8
  %lbv = alloca i64, align 8
  %lov = alloca i64, align 8
  %ring = alloca [$RING x i64], align 8
  %ringi = alloca i64, align 8
  call void @llvm.memset.p0.i64(ptr align 8 %ring, i8 0, i64 $RING_BYTES, i1 false)
  store i64 0, ptr %ringi, align 8
  %spp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 0
  %basep = getelementptr inbounds %ctx, ptr %c, i32 0, i32 1
  %spanp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 2
  %bitsp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 3
  %sp0 = call i64 @S(i64 $MARK_SP)
  store i64 %sp0, ptr %spp, align 8
  %base = call i64 @S(i64 $HEAP_BASE)
  store i64 %base, ptr %basep, align 8
  %end = call i64 @S(i64 $BLOCKS_END)
  %span = sub i64 %end, %base
  store i64 %span, ptr %spanp, align 8
  %bits = call i64 @S(i64 $MARK_BITS)
  store i64 %bits, ptr %bitsp, align 8
  %lb0 = call i64 @S(i64 $LIVE_BYTES)
  store i64 %lb0, ptr %lbv, align 8
  %lo0 = call i64 @S(i64 $LIVE_OBJECTS)
  store i64 %lo0, ptr %lov, align 8
  %stk = call i64 @S(i64 $MARK_STACK)
  %maxsp = call i64 @S(i64 $MARK_SP_MAX)
  %maxv = alloca i64, align 8
  store i64 %maxsp, ptr %maxv, align 8
  br label %loop
loop:
  %sp = load i64, ptr %spp, align 8
  %mx = load i64, ptr %maxv, align 8
  %higher = icmp ugt i64 %sp, %mx
  %nmx = select i1 %higher, i64 %sp, i64 %mx
  store i64 %nmx, ptr %maxv, align 8
  %empty = icmp eq i64 %sp, %stk
  br i1 %empty, label %flush, label %pop
pop:
  %sp1 = sub i64 %sp, 8
  store i64 %sp1, ptr %spp, align 8
  %new = call i64 @ld(i64 %sp1)
  %newp = inttoptr i64 %new to ptr
  call void @llvm.prefetch.p0(ptr %newp, i32 0, i32 3, i32 1)
  %ri = load i64, ptr %ringi, align 8
  %slot = getelementptr inbounds [$RING x i64], ptr %ring, i64 0, i64 %ri
  %parked = load i64, ptr %slot, align 8
  store i64 %new, ptr %slot, align 8
  %ri1 = add i64 %ri, 1
  %ri2 = and i64 %ri1, $RING_MASK
  store i64 %ri2, ptr %ringi, align 8
  %none = icmp eq i64 %parked, 0
  br i1 %none, label %loop, label %scan
flush:
  %fi0 = load i64, ptr %ringi, align 8
  br label %fprobe
fprobe:
  %fn = phi i64 [ 0, %flush ], [ %fn1, %fnext ]
  %fi = phi i64 [ %fi0, %flush ], [ %fim, %fnext ]
  %fdone = icmp eq i64 %fn, $RING
  br i1 %fdone, label %done, label %ftry
ftry:
  %fi1 = add i64 %fi, $RING_MASK
  %fim = and i64 %fi1, $RING_MASK
  %fslot = getelementptr inbounds [$RING x i64], ptr %ring, i64 0, i64 %fim
  %fobj = load i64, ptr %fslot, align 8
  %fz = icmp eq i64 %fobj, 0
  br i1 %fz, label %fnext, label %ftake
fnext:
  %fn1 = add i64 %fn, 1
  br label %fprobe
ftake:
  store i64 0, ptr %fslot, align 8
  store i64 %fim, ptr %ringi, align 8
  br label %scan
scan:
  %obj = phi i64 [ %parked, %pop ], [ %fobj, %ftake ]
  %size = call i64 @gc_size(i64 %obj)
  %lb = load i64, ptr %lbv, align 8
  %lb1 = add i64 %lb, %size
  store i64 %lb1, ptr %lbv, align 8
  %lo = load i64, ptr %lov, align 8
  %lo1 = add i64 %lo, 1
  store i64 %lo1, ptr %lov, align 8
  %small = icmp ule i64 %size, $BLOCK
  br i1 %small, label %cover, label %refs
cover:
  %off = sub i64 %obj, %base
  %g = lshr i64 %off, 3
  %n = lshr i64 %size, 3
  %g1 = add i64 %g, 1
  %ge = add i64 %g, %n
  ; Most objects' other granules lie in the word of their first one: one OR.
  %rest = sub i64 %n, 1
  %b1 = and i64 %g1, 63
  %lastb = add i64 %b1, %rest
  %oneword = icmp ule i64 %lastb, 64
  br i1 %oneword, label %cover1, label %coverw
cover1:
  %wide = icmp eq i64 %rest, 64
  %r63 = and i64 %rest, 63
  %one = shl i64 1, %r63
  %m0 = sub i64 %one, 1
  %m1 = select i1 %wide, i64 -1, i64 %m0
  %m = shl i64 %m1, %b1
  %wa = call i64 @bit_word(i64 %bits, i64 %g1)
  %w = call i64 @ld(i64 %wa)
  %nw = or i64 %w, %m
  call void @st(i64 %wa, i64 %nw)
  br label %refs
coverw:
  call void @set_bits(i64 %bits, i64 %g1, i64 %ge)
  br label %refs
refs:
  call void @for_each_ref(i64 %obj, i64 0, ptr %c)
  br label %loop
done:
  call void @W(i64 $MARK_SP, i64 %sp)
  %lbf = load i64, ptr %lbv, align 8
  call void @W(i64 $LIVE_BYTES, i64 %lbf)
  %lof = load i64, ptr %lov, align 8
  call void @W(i64 $LIVE_OBJECTS, i64 %lof)
  %mxf = load i64, ptr %maxv, align 8
  call void @W(i64 $MARK_SP_MAX, i64 %mxf)
  ret void
}

; ---- conservative roots --------------------------------------------------------------------------------
; Make the start bits of SMALL block %bi valid for this collection: walk it from its first byte.
define internal void @ensure_starts(i64 %bi) {
entry:
  %e = call i64 @entry_of(i64 %bi)
  %ea = add i64 %e, $BE_EPOCH
  %se = call i32 @ld32(i64 %ea)
  %ep64 = call i64 @S(i64 $EPOCH)
  %ep = trunc i64 %ep64 to i32
  %valid = icmp eq i32 %se, %ep
  br i1 %valid, label %done, label %build
build:
  call void @st32(i64 %ea, i32 %ep)
  %base = call i64 @S(i64 $HEAP_BASE)
  %sb = call i64 @S(i64 $START_BITS)
  %bo = shl i64 %bi, $BLOCK_SHIFT
  %blk = add i64 %base, %bo
  %bend = add i64 %blk, $BLOCK
  %wo = mul i64 %bi, $BITMAP_BYTES_PER_BLOCK
  %wa = add i64 %sb, %wo
  call void @fillmem(i64 %wa, i8 0, i64 $BITMAP_BYTES_PER_BLOCK)
  br label %walk
walk:
  %p = phi i64 [ %blk, %build ], [ %p1, %next ]
  %at_end = icmp uge i64 %p, %bend
  br i1 %at_end, label %done, label %look
look:
  %vt = call i64 @ld(i64 %p)
  %zero = icmp eq i64 %vt, 0
  br i1 %zero, label %done, label %sized
sized:
  %sz = call i64 @walk_size(i64 %p, i64 %vt)
  %bad = icmp eq i64 %sz, 0
  br i1 %bad, label %done, label %starts
starts:
  %filler = call i1 @is_filler(i64 %vt)
  br i1 %filler, label %next, label %setit
setit:
  %off = sub i64 %p, %base
  %g = lshr i64 %off, 3
  call void @set_bit(i64 %sb, i64 %g)
  br label %next
next:
  %p1 = add i64 %p, %sz
  br label %walk
done:
  ret void
}

; The start of the object containing address %w, or 0 (not in the heap, or in free space).
define internal i64 @find_object(i64 %w) {
entry:
  %base = call i64 @S(i64 $HEAP_BASE)
  %end = call i64 @S(i64 $BLOCKS_END)
  %span = sub i64 %end, %base
  %off = sub i64 %w, %base
  %in = icmp ult i64 %off, %span
  br i1 %in, label %look, label %none
look:
  %bi = lshr i64 %off, $BLOCK_SHIFT
  %e = call i64 @entry_of(i64 %bi)
  %st8 = call i8 @ld8(i64 %e)
  switch i8 %st8, label %none [ i8 $SMALL, label %small
                               i8 $HEAD, label %head
                               i8 $TAIL, label %tail ]
head:
  %bo = shl i64 %bi, $BLOCK_SHIFT
  %hobj = add i64 %base, %bo
  br label %large
tail:
  %la = add i64 %e, $BE_LARGE
  %tobj = call i64 @ld(i64 %la)
  br label %large
large:
  %lobj = phi i64 [ %hobj, %head ], [ %tobj, %tail ]
  %lsz = call i64 @gc_size(i64 %lobj)
  %lend = add i64 %lobj, %lsz
  %lin = icmp ult i64 %w, %lend
  br i1 %lin, label %found_large, label %none
found_large:
  ret i64 %lobj
small:
  call void @ensure_starts(i64 %bi)
  %sb = call i64 @S(i64 $START_BITS)
  %g = lshr i64 %off, 3
  %wi0 = lshr i64 %g, 6
  %gfirst = shl i64 %bi, 12
  %wfirst = lshr i64 %gfirst, 6
  %b = and i64 %g, 63
  %two = shl i64 2, %b
  %mask = sub i64 %two, 1
  %wa0 = call i64 @bit_word(i64 %sb, i64 %g)
  %w0 = call i64 @ld(i64 %wa0)
  %m0 = and i64 %w0, %mask
  br label %scan
scan:
  %wi = phi i64 [ %wi0, %small ], [ %wi1, %prev ]
  %m = phi i64 [ %m0, %small ], [ %mp, %prev ]
  %hit = icmp ne i64 %m, 0
  br i1 %hit, label %found, label %back
back:
  %first = icmp ule i64 %wi, %wfirst
  br i1 %first, label %none, label %prev
prev:
  %wi1 = sub i64 %wi, 1
  %wb = shl i64 %wi1, 3
  %wpa = add i64 %sb, %wb
  %mp = call i64 @ld(i64 %wpa)
  br label %scan
found:
  %lz = call i64 @llvm.ctlz.i64(i64 %m, i1 true)
  %hb = sub i64 63, %lz
  %wg = shl i64 %wi, 6
  %sg = add i64 %wg, %hb
  %so = shl i64 %sg, 3
  %obj = add i64 %base, %so
  %osz = call i64 @gc_size(i64 %obj)
  %oend = add i64 %obj, %osz
  %inside = icmp ult i64 %w, %oend
  br i1 %inside, label %found_small, label %none
found_small:
  ret i64 %obj
none:
  ret i64 0
}

define internal void @mark_ambiguous(i64 %w) {
entry:
  %obj = call i64 @find_object(i64 %w)
  %none = icmp eq i64 %obj, 0
  br i1 %none, label %done, label %mark
mark:
  %m = call i1 @mark(i64 %obj)
  br label %done
done:
  ret void
}

; Every aligned word of [lo, hi) is an ambiguous root (a native stack).
define internal void @scan_range(i64 %lo, i64 %hi) {
entry:
  %base = call i64 @S(i64 $HEAP_BASE)
  %end = call i64 @S(i64 $BLOCKS_END)
  %span = sub i64 %end, %base
  %l7 = add i64 %lo, 7
  %p0 = and i64 %l7, -8
  br label %loop
loop:
  %p = phi i64 [ %p0, %entry ], [ %p1, %next ]
  %more = icmp ult i64 %p, %hi
  br i1 %more, label %body, label %done
body:
  %v = call i64 @ld(i64 %p)
  %off = sub i64 %v, %base
  %in = icmp ult i64 %off, %span
  br i1 %in, label %amb, label %next
amb:
  call void @mark_ambiguous(i64 %v)
  br label %next
next:
  %p1 = add i64 %p, 8
  br label %loop
done:
  ret void
}

; ---- root arrays -----------------------------------------------------------------------------------------
; For each of the n words of the array at STATE[arr]: mode 0 ambiguous value, 1 precise reference,
; 2 address of a word holding a precise reference.
define internal void @mark_array(i64 %arr_off, i64 %n_off, i64 %mode) {
entry:
  %arr = call i64 @S(i64 %arr_off)
  %n = call i64 @S(i64 %n_off)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %o = shl i64 %i, 3
  %a = add i64 %arr, %o
  %v = call i64 @ld(i64 %a)
  switch i64 %mode, label %next [ i64 0, label %amb
                                  i64 1, label %ref
                                  i64 2, label %word ]
amb:
  call void @mark_ambiguous(i64 %v)
  br label %next
ref:
  %m1 = call i1 @mark_ref(i64 %v)
  br label %next
word:
  %nz = icmp ne i64 %v, 0
  br i1 %nz, label %deref, label %next
deref:
  %r = call i64 @ld(i64 %v)
  %m2 = call i1 @mark_ref(i64 %r)
  br label %next
next:
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret void
}

define internal void @mark_strong_handles() {
entry:
  %arr = call i64 @S(i64 $HANDLES)
  %n = call i64 @S(i64 $HANDLES_N)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %o = shl i64 %i, 4
  %e = add i64 %arr, %o
  %ka = add i64 %e, 8
  %kind = call i64 @ld(i64 %ka)
  %strong = icmp uge i64 %kind, $H_STRONG
  br i1 %strong, label %mark, label %next
mark:
  %t = call i64 @ld(i64 %e)
  %m = call i1 @mark_ref(i64 %t)
  br label %next
next:
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret void
}

; Clear the weak handles of one kind whose target was not marked.
define internal void @clear_weak(i64 %which) {
entry:
  %arr = call i64 @S(i64 $HANDLES)
  %n = call i64 @S(i64 $HANDLES_N)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %o = shl i64 %i, 4
  %e = add i64 %arr, %o
  %ka = add i64 %e, 8
  %kind = call i64 @ld(i64 %ka)
  %match = icmp eq i64 %kind, %which
  br i1 %match, label %check, label %next
check:
  %t = call i64 @ld(i64 %e)
  %nz = icmp ne i64 %t, 0
  br i1 %nz, label %test, label %next
test:
  %alive = call i1 @is_marked(i64 %t)
  br i1 %alive, label %next, label %clear
clear:
  call void @st(i64 %e, i64 0)
  br label %next
next:
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret void
}

; Registered objects with finalizers that were not marked leave the registry: those whose
; finalization was suppressed die now, the others join the finalization queue and are marked, with
; everything they reach, so that their finalizers can run (resurrection).
define internal void @scan_finalizable() {
entry:
  %reg = call i64 @S(i64 $FIN_REGISTRY)
  %n = call i64 @S(i64 $FIN_N)
  %fq = call i64 @S(i64 $FQ)
  %fqn0 = call i64 @S(i64 $FQ_N)
  %base = call i64 @S(i64 $HEAP_BASE)
  %sup = call i64 @S(i64 $SUPPRESS_BITS)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %j = phi i64 [ 0, %entry ], [ %j2, %next ]
  %q = phi i64 [ %fqn0, %entry ], [ %q2, %next ]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %o = shl i64 %i, 3
  %a = add i64 %reg, %o
  %obj = call i64 @ld(i64 %a)
  %null = icmp eq i64 %obj, 0
  br i1 %null, label %next, label %test
test:
  %alive = call i1 @is_marked(i64 %obj)
  br i1 %alive, label %keep, label %dead
keep:
  %jo = shl i64 %j, 3
  %ja = add i64 %reg, %jo
  call void @st(i64 %ja, i64 %obj)
  %jk = add i64 %j, 1
  br label %next
dead:
  %off = sub i64 %obj, %base
  %g = lshr i64 %off, 3
  %suppressed = call i1 @test_bit(i64 %sup, i64 %g)
  br i1 %suppressed, label %drop, label %queue
drop:
  call void @clear_bit(i64 %sup, i64 %g)
  br label %next
queue:
  %qo = shl i64 %q, 3
  %qa = add i64 %fq, %qo
  call void @st(i64 %qa, i64 %obj)
  %qk = add i64 %q, 1
  br label %next
next:
  %j2 = phi i64 [ %j, %body ], [ %jk, %keep ], [ %j, %drop ], [ %j, %queue ]
  %q2 = phi i64 [ %q, %body ], [ %q, %keep ], [ %q, %drop ], [ %qk, %queue ]
  %i1 = add i64 %i, 1
  br label %loop
done:
  call void @W(i64 $FIN_N, i64 %j)
  call void @W(i64 $FQ_N, i64 %q)
  br label %mloop
mloop:
  %k = phi i64 [ %fqn0, %done ], [ %k1, %mnext ]
  %mmore = icmp ult i64 %k, %q
  br i1 %mmore, label %mbody, label %mdone
mbody:
  %ko = shl i64 %k, 3
  %ka = add i64 %fq, %ko
  %kobj = call i64 @ld(i64 %ka)
  %mk = call i1 @mark_ref(i64 %kobj)
  br label %mnext
mnext:
  %k1 = add i64 %k, 1
  br label %mloop
mdone:
  call void @drain()
  ret void
}

; ---- ephemerons (ConditionalWeakTable) --------------------------------------------------------------
; A value is reachable if its key is: mark the values of marked keys until nothing changes.
define internal void @ephemeron_fixpoint() {
entry:
  br label %round
round:
  %arrs = call i64 @S(i64 $EPHEMERONS)
  %na = call i64 @S(i64 $EPHEMERONS_N)
  %tomb = call i64 @S(i64 $TOMBSTONE)
  br label %aloop
aloop:
  %i = phi i64 [ 0, %round ], [ %i1, %anext ]
  %ch = phi i1 [ false, %round ], [ %ch3, %anext ]
  %amore = icmp ult i64 %i, %na
  br i1 %amore, label %abody, label %aend
abody:
  %io = shl i64 %i, 3
  %aa = add i64 %arrs, %io
  %arr = call i64 @ld(i64 %aa)
  %anull = icmp eq i64 %arr, 0
  br i1 %anull, label %anext, label %alive_test
alive_test:
  %alive = call i1 @is_marked(i64 %arr)
  br i1 %alive, label %entries, label %anext
entries:
  %lna = add i64 %arr, $ARRAY_LENGTH
  %len = call i64 @ld(i64 %lna)
  %d0 = add i64 %arr, $ARRAY_DATA
  br label %eloop
eloop:
  %k = phi i64 [ 0, %entries ], [ %k1, %enext ]
  %ch2 = phi i1 [ %ch, %entries ], [ %ch4, %enext ]
  %emore = icmp ult i64 %k, %len
  br i1 %emore, label %ebody, label %anext_e
ebody:
  %ko = mul i64 %k, $EPH_SIZE
  %ea = add i64 %d0, %ko
  %kea = add i64 %ea, $EPH_KEY
  %key = call i64 @ld(i64 %kea)
  %knull = icmp eq i64 %key, 0
  %ktomb = icmp eq i64 %key, %tomb
  %kno = or i1 %knull, %ktomb
  br i1 %kno, label %enext, label %keytest
keytest:
  %klive = call i1 @is_marked(i64 %key)
  br i1 %klive, label %valmark, label %enext
valmark:
  %vea = add i64 %ea, $EPH_VALUE
  %val = call i64 @ld(i64 %vea)
  %newly = call i1 @mark_ref(i64 %val)
  %chv = or i1 %ch2, %newly
  br label %enext
enext:
  %ch4 = phi i1 [ %ch2, %ebody ], [ %ch2, %keytest ], [ %chv, %valmark ]
  %k1 = add i64 %k, 1
  br label %eloop
anext_e:
  br label %anext
anext:
  %ch3 = phi i1 [ %ch, %abody ], [ %ch, %alive_test ], [ %ch2, %anext_e ]
  %i1 = add i64 %i, 1
  br label %aloop
aend:
  br i1 %ch, label %again, label %done
again:
  call void @drain()
  br label %round
done:
  ret void
}

; Entries whose key died get the tombstone key and no value; arrays that died are unregistered.
define internal void @ephemeron_clear() {
entry:
  %arrs = call i64 @S(i64 $EPHEMERONS)
  %na = call i64 @S(i64 $EPHEMERONS_N)
  %tomb = call i64 @S(i64 $TOMBSTONE)
  br label %aloop
aloop:
  %i = phi i64 [ 0, %entry ], [ %i1, %anext ]
  %j = phi i64 [ 0, %entry ], [ %j2, %anext ]
  %amore = icmp ult i64 %i, %na
  br i1 %amore, label %abody, label %done
abody:
  %io = shl i64 %i, 3
  %aa = add i64 %arrs, %io
  %arr = call i64 @ld(i64 %aa)
  %anull = icmp eq i64 %arr, 0
  br i1 %anull, label %anext, label %alive_test
alive_test:
  %alive = call i1 @is_marked(i64 %arr)
  br i1 %alive, label %keep, label %anext
keep:
  %jo = shl i64 %j, 3
  %ja = add i64 %arrs, %jo
  call void @st(i64 %ja, i64 %arr)
  %jk = add i64 %j, 1
  %lna = add i64 %arr, $ARRAY_LENGTH
  %len = call i64 @ld(i64 %lna)
  %d0 = add i64 %arr, $ARRAY_DATA
  br label %eloop
eloop:
  %k = phi i64 [ 0, %keep ], [ %k1, %enext ]
  %emore = icmp ult i64 %k, %len
  br i1 %emore, label %ebody, label %anext
ebody:
  %ko = mul i64 %k, $EPH_SIZE
  %ea = add i64 %d0, %ko
  %kea = add i64 %ea, $EPH_KEY
  %key = call i64 @ld(i64 %kea)
  %knull = icmp eq i64 %key, 0
  %ktomb = icmp eq i64 %key, %tomb
  %kno = or i1 %knull, %ktomb
  br i1 %kno, label %enext, label %keytest
keytest:
  %klive = call i1 @is_marked(i64 %key)
  br i1 %klive, label %enext, label %kill
kill:
  call void @st(i64 %kea, i64 %tomb)
  %vea = add i64 %ea, $EPH_VALUE
  call void @st(i64 %vea, i64 0)
  br label %enext
enext:
  %k1 = add i64 %k, 1
  br label %eloop
anext:
  %j2 = phi i64 [ %j, %abody ], [ %j, %alive_test ], [ %jk, %eloop ]
  %i1 = add i64 %i, 1
  br label %aloop
done:
  call void @W(i64 $EPHEMERONS_N, i64 %j)
  ret void
}

; ---- sweeping --------------------------------------------------------------------------------------------
; Free range [p, p + size) inside a SMALL block: a filler, and a hole on the free list if big enough.
define internal void @make_free(i64 %p, i64 %size, ptr %tailv) {
entry:
  call void @ADD(i64 $FREE_BYTES, i64 %size)
  call void @fill(i64 %p, i64 %size)
  %poison = call i64 @S(i64 $POISON)
  %big = icmp uge i64 %size, $MIN_HOLE
  br i1 %big, label %hole, label %small
hole:
  %na = add i64 %p, 16
  call void @st(i64 %na, i64 0)
  %tail = load i64, ptr %tailv, align 8
  %first = icmp eq i64 %tail, 0
  br i1 %first, label %head, label %link
head:
  call void @W(i64 $HOLE_HEAD, i64 %p)
  br label %linked
link:
  %ta = add i64 %tail, 16
  call void @st(i64 %ta, i64 %p)
  br label %linked
linked:
  store i64 %p, ptr %tailv, align 8
  %ph = icmp ne i64 %poison, 0
  br i1 %ph, label %poison_hole, label %done
poison_hole:
  %hp = add i64 %p, 24
  %hn = sub i64 %size, 24
  call void @fillmem(i64 %hp, i8 $POISON_BYTE, i64 %hn)
  br label %done
small:
  %ps = icmp ne i64 %poison, 0
  %gt16 = icmp ugt i64 %size, 16
  %pp = and i1 %ps, %gt16
  br i1 %pp, label %poison_small, label %done
poison_small:
  %sp = add i64 %p, 16
  %sn = sub i64 %size, 16
  call void @fillmem(i64 %sp, i8 $POISON_BYTE, i64 %sn)
  br label %done
done:
  ret void
}

; Free every unmarked range of the heap, rebuild the free list, clear the mark bits.
define internal void @sweep() {
entry:
  %tailv = alloca i64, align 8
  store i64 0, ptr %tailv, align 8
  %biv = alloca i64, align 8
  store i64 0, ptr %biv, align 8
  call void @W(i64 $HOLE_HEAD, i64 0)
  call void @W(i64 $FREE_BYTES, i64 0)
  call void @W(i64 $FREED_OBJECTS, i64 0)
  %base = call i64 @S(i64 $HEAP_BASE)
  %end = call i64 @S(i64 $BLOCKS_END)
  %bits = call i64 @S(i64 $MARK_BITS)
  %sup = call i64 @S(i64 $SUPPRESS_BITS)
  %poison = call i64 @S(i64 $POISON)
  %span = sub i64 %end, %base
  %nb = lshr i64 %span, $BLOCK_SHIFT
  br label %loop
loop:
  %bi = load i64, ptr %biv, align 8
  %more = icmp ult i64 %bi, %nb
  br i1 %more, label %body, label %done
body:
  %e = call i64 @entry_of(i64 %bi)
  %st8 = call i8 @ld8(i64 %e)
  %bo = shl i64 %bi, $BLOCK_SHIFT
  %blk = add i64 %base, %bo
  %wo = mul i64 %bi, $BITMAP_BYTES_PER_BLOCK
  %mw = add i64 %bits, %wo
  %sw = add i64 %sup, %wo
  %bi1 = add i64 %bi, 1
  switch i8 %st8, label %next [ i8 $FREE, label %free
                               i8 $SMALL, label %small
                               i8 $HEAD, label %large ]
free:
  call void @ADD(i64 $FREE_BYTES, i64 $BLOCK)
  br label %next
large:
  %lna = add i64 %e, $BE_LARGE
  %lnb = call i64 @ld(i64 %lna)
  %g = shl i64 %bi, 12
  %marked = call i1 @test_bit(i64 %bits, i64 %g)
  %lbytes = mul i64 %lnb, $BITMAP_BYTES_PER_BLOCK
  call void @fillmem(i64 %mw, i8 0, i64 %lbytes)
  %after = add i64 %bi, %lnb
  store i64 %after, ptr %biv, align 8
  br i1 %marked, label %loop, label %free_large
free_large:
  call void @ADD(i64 $FREED_OBJECTS, i64 1)
  call void @clear_bit(i64 %sup, i64 %g)
  %fb = shl i64 %lnb, $BLOCK_SHIFT
  call void @ADD(i64 $FREE_BYTES, i64 %fb)
  br label %fl_loop
fl_loop:
  %j = phi i64 [ 0, %free_large ], [ %j1, %fl_body ]
  %jm = icmp ult i64 %j, %lnb
  br i1 %jm, label %fl_body, label %fl_done
fl_body:
  %bj = add i64 %bi, %j
  %ej = call i64 @entry_of(i64 %bj)
  call void @st8(i64 %ej, i8 $FREE)
  %ejz = add i64 %ej, $BE_ZEROED
  call void @st8(i64 %ejz, i8 0)
  %j1 = add i64 %j, 1
  br label %fl_loop
fl_done:
  %pl = icmp ne i64 %poison, 0
  br i1 %pl, label %poison_large, label %loop
poison_large:
  call void @fillmem(i64 %blk, i8 $POISON_BYTE, i64 %fb)
  br label %loop
small:
  br label %anyloop
anyloop:
  %k = phi i64 [ 0, %small ], [ %k1, %anybody ]
  %acc = phi i64 [ 0, %small ], [ %acc1, %anybody ]
  %km = icmp ult i64 %k, $WPB
  br i1 %km, label %anybody, label %anydone
anybody:
  %ko = shl i64 %k, 3
  %ka = add i64 %mw, %ko
  %kw = call i64 @ld(i64 %ka)
  %acc1 = or i64 %acc, %kw
  %k1 = add i64 %k, 1
  br label %anyloop
anydone:
  %empty = icmp eq i64 %acc, 0
  br i1 %empty, label %free_block, label %runs
free_block:
  call void @st8(i64 %e, i8 $FREE)
  %ez = add i64 %e, $BE_ZEROED
  call void @st8(i64 %ez, i8 0)
  call void @ADD(i64 $FREE_BYTES, i64 $BLOCK)
  call void @fillmem(i64 %sw, i8 0, i64 $BITMAP_BYTES_PER_BLOCK)
  %pb = icmp ne i64 %poison, 0
  br i1 %pb, label %poison_block, label %next
poison_block:
  call void @fillmem(i64 %blk, i8 $POISON_BYTE, i64 $BLOCK)
  br label %next
runs:
  %g0 = shl i64 %bi, 12
  %gend = add i64 %g0, $GPB
  br label %rloop
rloop:
  %pos = phi i64 [ %g0, %runs ], [ %le, %live ]
  %s = call i64 @find_bit(i64 %bits, i64 %pos, i64 %gend, i64 0)
  %gap = icmp ugt i64 %s, %pos
  br i1 %gap, label %freerun, label %after_free
freerun:
  %fpo = sub i64 %pos, %g0
  %fpb = shl i64 %fpo, 3
  %fp = add i64 %blk, %fpb
  %fgr = sub i64 %s, %pos
  %fsz = shl i64 %fgr, 3
  call void @make_free(i64 %fp, i64 %fsz, ptr %tailv)
  br label %after_free
after_free:
  %atend = icmp uge i64 %s, %gend
  br i1 %atend, label %clear, label %live
live:
  %le = call i64 @find_bit(i64 %bits, i64 %s, i64 %gend, i64 -1)
  %lend = icmp uge i64 %le, %gend
  br i1 %lend, label %clear, label %rloop
clear:
  br label %cloop
cloop:
  %c = phi i64 [ 0, %clear ], [ %c1, %cbody ]
  %cm = icmp ult i64 %c, $WPB
  br i1 %cm, label %cbody, label %next
cbody:
  %co = shl i64 %c, 3
  %cma = add i64 %mw, %co
  %csa = add i64 %sw, %co
  %cmw = call i64 @ld(i64 %cma)
  %csw = call i64 @ld(i64 %csa)
  %cnw = and i64 %csw, %cmw
  call void @st(i64 %csa, i64 %cnw)
  call void @st(i64 %cma, i64 0)
  %c1 = add i64 %c, 1
  br label %cloop
next:
  store i64 %bi1, ptr %biv, align 8
  br label %loop
done:
  ret void
}

; ---- the collection ------------------------------------------------------------------------------------
; Called by clrpy_gc_collect (the assembly entry above) with the stack range to scan. The driver has
; retired the allocation regions, bumped EPOCH and cleared the counters, and filled the root arrays.
define void @clrpy_gc_collect_native(i64 %lo, i64 %hi) {
entry:
  %stk = call i64 @S(i64 $MARK_STACK)
  call void @W(i64 $MARK_SP, i64 %stk)
  call void @W(i64 $MARK_SP_MAX, i64 %stk)
  call void @scan_range(i64 %lo, i64 %hi)
  call void @mark_array(i64 $AMBIGUOUS, i64 $AMBIGUOUS_N, i64 0)
  call void @mark_array(i64 $ROOT_OBJECTS, i64 $ROOT_OBJECTS_N, i64 1)
  call void @mark_array(i64 $ROOT_WORDS, i64 $ROOT_WORDS_N, i64 2)
  call void @mark_array(i64 $FQ, i64 $FQ_N, i64 1)
  call void @mark_array(i64 $FR, i64 $FR_N, i64 1)
  call void @mark_strong_handles()
  call void @drain()
  call void @ephemeron_fixpoint()
  call void @clear_weak(i64 $H_WEAK)
  call void @scan_finalizable()
  call void @ephemeron_fixpoint()
  call void @clear_weak(i64 $H_TRACK)
  call void @ephemeron_clear()
  call void @sweep()
  ret void
}

; ---- the heap verifier ----------------------------------------------------------------------------------
; Is %r the start of an object (not a filler) in the heap?
define internal i1 @valid_object(i64 %r) {
entry:
  %base = call i64 @S(i64 $HEAP_BASE)
  %end = call i64 @S(i64 $BLOCKS_END)
  %span = sub i64 %end, %base
  %off = sub i64 %r, %base
  %in = icmp ult i64 %off, %span
  %al = and i64 %r, 7
  %aligned = icmp eq i64 %al, 0
  %ok = and i1 %in, %aligned
  br i1 %ok, label %look, label %no
look:
  %bi = lshr i64 %off, $BLOCK_SHIFT
  %e = call i64 @entry_of(i64 %bi)
  %st8 = call i8 @ld8(i64 %e)
  switch i8 %st8, label %no [ i8 $SMALL, label %small
                             i8 $HEAD, label %head ]
head:
  %bo = shl i64 %bi, $BLOCK_SHIFT
  %hobj = add i64 %base, %bo
  %ish = icmp eq i64 %r, %hobj
  ret i1 %ish
small:
  call void @ensure_starts(i64 %bi)
  %sb = call i64 @S(i64 $START_BITS)
  %g = lshr i64 %off, 3
  %set = call i1 @test_bit(i64 %sb, i64 %g)
  ret i1 %set
no:
  ret i1 false
}
; Is the object's header a published type handle?
define internal i1 @valid_type(i64 %vt) {
entry:
  %tt = call i64 @S(i64 $TYPE_TABLE)
  %tn = call i64 @S(i64 $TYPE_TABLE_N)
  %nz = icmp ne i64 %vt, 0
  br i1 %nz, label %id, label %no
id:
  %ia = add i64 %vt, $NT_TYPE_ID
  %tid32 = call i32 @ld32(i64 %ia)
  %tid = zext i32 %tid32 to i64
  %inr = icmp ult i64 %tid, %tn
  br i1 %inr, label %cmp, label %no
cmp:
  %to = shl i64 %tid, 3
  %ta = add i64 %tt, %to
  %known = call i64 @ld(i64 %ta)
  %same = icmp eq i64 %known, %vt
  ret i1 %same
no:
  ret i1 false
}
define internal void @verify_error(i64 %obj, i64 %value, ptr %c) {
entry:
  %ep = getelementptr inbounds %ctx, ptr %c, i32 0, i32 4
  %n = load i64, ptr %ep, align 8
  %n1 = add i64 %n, 1
  store i64 %n1, ptr %ep, align 8
  %first = icmp eq i64 %n, 0
  br i1 %first, label %record, label %done
record:
  %op = getelementptr inbounds %ctx, ptr %c, i32 0, i32 5
  store i64 %obj, ptr %op, align 8
  %vp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 6
  store i64 %value, ptr %vp, align 8
  br label %done
done:
  ret void
}
define internal void @verify_ref(i64 %r, i64 %obj, ptr %c) {
entry:
  %null = icmp eq i64 %r, 0
  br i1 %null, label %done, label %check
check:
  %ok = call i1 @valid_object(i64 %r)
  br i1 %ok, label %done, label %bad
bad:
  call void @verify_error(i64 %obj, i64 %r, ptr %c)
  br label %done
done:
  ret void
}
; Walk the whole heap; return the number of bad headers and references found (the first one is
; recorded in VERIFY_FIRST_OBJECT / VERIFY_FIRST_VALUE). Also checks the precise roots.
define i64 @clrpy_gc_verify() {
entry:
  %c = alloca %ctx, align 8
  %ep = getelementptr inbounds %ctx, ptr %c, i32 0, i32 4
  store i64 0, ptr %ep, align 8
  %op = getelementptr inbounds %ctx, ptr %c, i32 0, i32 5
  store i64 0, ptr %op, align 8
  %vp = getelementptr inbounds %ctx, ptr %c, i32 0, i32 6
  store i64 0, ptr %vp, align 8
  %biv = alloca i64, align 8
  store i64 0, ptr %biv, align 8
  %base = call i64 @S(i64 $HEAP_BASE)
  %end = call i64 @S(i64 $BLOCKS_END)
  %span = sub i64 %end, %base
  %nb = lshr i64 %span, $BLOCK_SHIFT
  br label %bloop
bloop:
  %bi = load i64, ptr %biv, align 8
  %bmore = icmp ult i64 %bi, %nb
  br i1 %bmore, label %bbody, label %roots
bbody:
  %e = call i64 @entry_of(i64 %bi)
  %st8 = call i8 @ld8(i64 %e)
  %bo = shl i64 %bi, $BLOCK_SHIFT
  %blk = add i64 %base, %bo
  %bend = add i64 %blk, $BLOCK
  %bi1 = add i64 %bi, 1
  store i64 %bi1, ptr %biv, align 8
  switch i8 %st8, label %bloop [ i8 $SMALL, label %walk_start
                                i8 $HEAD, label %large ]
large:
  %lvt = call i64 @ld(i64 %blk)
  %lok = call i1 @valid_type(i64 %lvt)
  br i1 %lok, label %lrefs, label %lbad
lbad:
  call void @verify_error(i64 %blk, i64 %lvt, ptr %c)
  br label %bloop
lrefs:
  call void @for_each_ref(i64 %blk, i64 1, ptr %c)
  br label %bloop
walk_start:
  br label %walk
walk:
  %p = phi i64 [ %blk, %walk_start ], [ %p1, %wnext ]
  %wmore = icmp ult i64 %p, %bend
  br i1 %wmore, label %wbody, label %bloop
wbody:
  %vt = call i64 @ld(i64 %p)
  %filler = call i1 @is_filler(i64 %vt)
  br i1 %filler, label %wfill, label %wobj
wfill:
  %fsz = call i64 @walk_size(i64 %p, i64 %vt)
  %fbad = icmp eq i64 %fsz, 0
  br i1 %fbad, label %broken, label %wnext
wobj:
  %tok = call i1 @valid_type(i64 %vt)
  br i1 %tok, label %wrefs, label %broken
wrefs:
  call void @for_each_ref(i64 %p, i64 1, ptr %c)
  %osz = call i64 @gc_size(i64 %p)
  %oend = add i64 %p, %osz
  %ofits = icmp ule i64 %oend, %bend
  br i1 %ofits, label %wnext, label %broken
wnext:
  %sz = phi i64 [ %fsz, %wfill ], [ %osz, %wrefs ]
  %p1 = add i64 %p, %sz
  br label %walk
broken:
  call void @verify_error(i64 %p, i64 %vt, ptr %c)
  br label %bloop
roots:
  %rw = call i64 @S(i64 $ROOT_WORDS)
  %rwn = call i64 @S(i64 $ROOT_WORDS_N)
  br label %rwloop
rwloop:
  %i = phi i64 [ 0, %roots ], [ %i1, %rwnext ]
  %rwm = icmp ult i64 %i, %rwn
  br i1 %rwm, label %rwbody, label %objs
rwbody:
  %io = shl i64 %i, 3
  %ia = add i64 %rw, %io
  %word = call i64 @ld(i64 %ia)
  %wnz = icmp ne i64 %word, 0
  br i1 %wnz, label %rwcheck, label %rwnext
rwcheck:
  %rv = call i64 @ld(i64 %word)
  call void @verify_ref(i64 %rv, i64 %word, ptr %c)
  br label %rwnext
rwnext:
  %i1 = add i64 %i, 1
  br label %rwloop
objs:
  %ro = call i64 @S(i64 $ROOT_OBJECTS)
  %ron = call i64 @S(i64 $ROOT_OBJECTS_N)
  br label %roloop
roloop:
  %k = phi i64 [ 0, %objs ], [ %k1, %robody ]
  %rom = icmp ult i64 %k, %ron
  br i1 %rom, label %robody, label %handles
robody:
  %ko = shl i64 %k, 3
  %ka = add i64 %ro, %ko
  %kv = call i64 @ld(i64 %ka)
  call void @verify_ref(i64 %kv, i64 %ka, ptr %c)
  %k1 = add i64 %k, 1
  br label %roloop
handles:
  %ha = call i64 @S(i64 $HANDLES)
  %hn = call i64 @S(i64 $HANDLES_N)
  br label %hloop
hloop:
  %h = phi i64 [ 0, %handles ], [ %h1, %hbody ]
  %hm = icmp ult i64 %h, %hn
  br i1 %hm, label %hbody, label %done
hbody:
  %ho = shl i64 %h, 4
  %hea = add i64 %ha, %ho
  %hv = call i64 @ld(i64 %hea)
  call void @verify_ref(i64 %hv, i64 %hea, ptr %c)
  %h1 = add i64 %h, 1
  br label %hloop
done:
  %errs = load i64, ptr %ep, align 8
  call void @W(i64 $VERIFY_ERRORS, i64 %errs)
  %fo = load i64, ptr %op, align 8
  call void @W(i64 $VERIFY_FIRST_OBJECT, i64 %fo)
  %fv = load i64, ptr %vp, align 8
  call void @W(i64 $VERIFY_FIRST_VALUE, i64 %fv)
  ret i64 %errs
}

; Count the objects (not fillers) in the heap (tests, statistics).
define i64 @clrpy_gc_count_objects() {
entry:
  %nv = alloca i64, align 8
  store i64 0, ptr %nv, align 8
  %biv = alloca i64, align 8
  store i64 0, ptr %biv, align 8
  %base = call i64 @S(i64 $HEAP_BASE)
  %end = call i64 @S(i64 $BLOCKS_END)
  %span = sub i64 %end, %base
  %nb = lshr i64 %span, $BLOCK_SHIFT
  br label %bloop
bloop:
  %bi = load i64, ptr %biv, align 8
  %bmore = icmp ult i64 %bi, %nb
  br i1 %bmore, label %bbody, label %done
bbody:
  %e = call i64 @entry_of(i64 %bi)
  %st8 = call i8 @ld8(i64 %e)
  %bo = shl i64 %bi, $BLOCK_SHIFT
  %blk = add i64 %base, %bo
  %bend = add i64 %blk, $BLOCK
  %bi1 = add i64 %bi, 1
  store i64 %bi1, ptr %biv, align 8
  switch i8 %st8, label %bloop [ i8 $SMALL, label %walk_start
                                i8 $HEAD, label %large ]
large:
  %n0 = load i64, ptr %nv, align 8
  %nl = add i64 %n0, 1
  store i64 %nl, ptr %nv, align 8
  br label %bloop
walk_start:
  br label %walk
walk:
  %p = phi i64 [ %blk, %walk_start ], [ %p1, %wsize ]
  %wmore = icmp ult i64 %p, %bend
  br i1 %wmore, label %wbody, label %bloop
wbody:
  %vt = call i64 @ld(i64 %p)
  %zero = icmp eq i64 %vt, 0
  br i1 %zero, label %bloop, label %wsize
wsize:
  %sz = call i64 @walk_size(i64 %p, i64 %vt)
  %filler = call i1 @is_filler(i64 %vt)
  %add = select i1 %filler, i64 0, i64 1
  %n1 = load i64, ptr %nv, align 8
  %n2 = add i64 %n1, %add
  store i64 %n2, ptr %nv, align 8
  %p1 = add i64 %p, %sz
  br label %walk
done:
  %n = load i64, ptr %nv, align 8
  ret i64 %n
}

; ---- entering Python from managed code ---------------------------------------------------------------
; Zero the stack below the caller's frame before calling Python on the way to a collection. The words
; there are left over from calls that have returned (the objects they held may be dead); Python's
; interpreter frames are built over them and leave many slots unwritten, where the conservative stack
; scan would find them and keep their objects alive.
define internal void @scrub_stack() noinline {
  %buf = alloca [$SCRUB_BYTES x i8], align 16
  call void @llvm.memset.p0.i64(ptr align 16 %buf, i8 0, i64 $SCRUB_BYTES, i1 true)
  ret void
}
define internal i32 @need_memory(i64 %size, i64 %flags, i64 %kind) noinline {
  call void @scrub_stack()
  %r = call i32 @clrpy_gc_need_memory(i64 %size, i64 %flags, i64 %kind)
  ret i32 %r
}
define internal void @poll() noinline {
  call void @scrub_stack()
  call void @clrpy_gc_poll()
  ret void
}
; GC.Collect (System.GC::InternalCollect): a native internal call, so that the stack is scrubbed first.
define void @clrpy_gc_collect_icall(i32 %generation) {
  call void @scrub_stack()
  call void @clrpy_gc_collect_requested()
  ret void
}

; ---- allocation ---------------------------------------------------------------------------------------
; Generated code's fast path allocates while clrpy_alloc_ptr + size <= clrpy_alloc_limit. The limit it
; sees is the region's end, or 0 when every allocation must come here (stress mode, a poll pending).
define internal void @publish_limit() {
  %iv = call i64 @S(i64 $STRESS_INTERVAL)
  %poll = call i64 @S(i64 $POLL)
  %lim = call i64 @S(i64 $REGION_LIMIT)
  %f = or i64 %iv, %poll
  %force = icmp ne i64 %f, 0
  %v = select i1 %force, i64 0, i64 %lim
  store i64 %v, ptr @"$ALLOC_LIMIT", align 8
  ret void
}
define void @clrpy_gc_publish_limit() {
  call void @publish_limit()
  ret void
}

; End the current region: its unused rest becomes a filler (the heap stays walkable).
define internal void @retire() {
entry:
  %start = call i64 @S(i64 $REGION_START)
  %has = icmp ne i64 %start, 0
  br i1 %has, label %used, label %reset
used:
  %p = load i64, ptr @"$ALLOC_PTR", align 8
  %lim = call i64 @S(i64 $REGION_LIMIT)
  %rest = icmp ult i64 %p, %lim
  br i1 %rest, label %filler, label %count
filler:
  %n = sub i64 %lim, %p
  call void @fill(i64 %p, i64 %n)
  br label %count
count:
  %u = sub i64 %p, %start
  call void @ADD(i64 $ALLOCATED, i64 %u)
  br label %reset
reset:
  call void @W(i64 $REGION_START, i64 0)
  call void @W(i64 $REGION_LIMIT, i64 0)
  store i64 0, ptr @"$ALLOC_PTR", align 8
  store i64 0, ptr @"$ALLOC_LIMIT", align 8
  ret void
}
define internal void @retire_overflow() {
entry:
  %start = call i64 @S(i64 $OV_START)
  %has = icmp ne i64 %start, 0
  br i1 %has, label %used, label %reset
used:
  %p = call i64 @S(i64 $OV_PTR)
  %lim = call i64 @S(i64 $OV_LIMIT)
  %rest = icmp ult i64 %p, %lim
  br i1 %rest, label %filler, label %count
filler:
  %n = sub i64 %lim, %p
  call void @fill(i64 %p, i64 %n)
  br label %count
count:
  %u = sub i64 %p, %start
  call void @ADD(i64 $ALLOCATED, i64 %u)
  br label %reset
reset:
  call void @W(i64 $OV_START, i64 0)
  call void @W(i64 $OV_PTR, i64 0)
  call void @W(i64 $OV_LIMIT, i64 0)
  ret void
}
; Before a collection (and at exit): both regions end.
define void @clrpy_gc_retire_regions() {
  call void @retire()
  call void @retire_overflow()
  ret void
}

; The next free block from the cursor, made SMALL and zeroed; 0 if none.
define internal i64 @take_free_block() {
entry:
  %nb0 = call i64 @S(i64 $BLOCKS_END)
  %base = call i64 @S(i64 $HEAP_BASE)
  %span = sub i64 %nb0, %base
  %nb = lshr i64 %span, $BLOCK_SHIFT
  %c0 = call i64 @S(i64 $BLOCK_CURSOR)
  br label %loop
loop:
  %c = phi i64 [ %c0, %entry ], [ %c1, %next ]
  %more = icmp ult i64 %c, %nb
  br i1 %more, label %body, label %none
body:
  %e = call i64 @entry_of(i64 %c)
  %st8 = call i8 @ld8(i64 %e)
  %free = icmp eq i8 %st8, $FREE
  br i1 %free, label %take, label %next
next:
  %c1 = add i64 %c, 1
  br label %loop
take:
  call void @st8(i64 %e, i8 $SMALL)
  %za = add i64 %e, $BE_ZEROED
  %z = call i8 @ld8(i64 %za)
  call void @st8(i64 %za, i8 0)
  %cn = add i64 %c, 1
  call void @W(i64 $BLOCK_CURSOR, i64 %cn)
  %bo = shl i64 %c, $BLOCK_SHIFT
  %blk = add i64 %base, %bo
  %dirty = icmp eq i8 %z, 0
  br i1 %dirty, label %zero, label %done
zero:
  call void @fillmem(i64 %blk, i8 0, i64 $BLOCK)
  br label %done
done:
  ret i64 %blk
none:
  call void @W(i64 $BLOCK_CURSOR, i64 %nb)
  ret i64 0
}

define internal void @set_region(i64 %p, i64 %n) {
  call void @W(i64 $REGION_START, i64 %p)
  %lim = add i64 %p, %n
  call void @W(i64 $REGION_LIMIT, i64 %lim)
  store i64 %p, ptr @"$ALLOC_PTR", align 8
  %neg = sub i64 0, %n
  call void @ADD(i64 $BUDGET, i64 %neg)
  call void @ADD(i64 $REFILLS, i64 1)
  call void @publish_limit()
  ret void
}

; Is the allocation budget spent? If so, an allocation that may collect asks the driver (which
; collects); one that may not notes that a collection is due at the next safe point.
; Returns 0 when the driver could not help (the allocation fails).
define internal i32 @check_budget(i64 %size, i64 %flags, i64 %kind) {
entry:
  %b = call i64 @S(i64 $BUDGET)
  %spent = icmp sle i64 %b, 0
  br i1 %spent, label %over, label %ok
over:
  %mc = and i64 %flags, 1
  %may = icmp ne i64 %mc, 0
  br i1 %may, label %ask, label %note
ask:
  %r = call i32 @need_memory(i64 %size, i64 %flags, i64 %kind)
  ret i32 %r
note:
  call void @W(i64 $POLL, i64 1)
  ret i32 1
ok:
  ret i32 1
}

; A new region for a small object of %size bytes. 1 if there is one, 0 if the allocation fails.
define internal i32 @refill(i64 %size, i64 %flags) {
entry:
  call void @retire()
  br label %loop
loop:
  %okb = call i32 @check_budget(i64 %size, i64 %flags, i64 0)
  %failb = icmp eq i32 %okb, 0
  br i1 %failb, label %fail, label %holes
holes:
  %h = call i64 @S(i64 $HOLE_HEAD)
  %noh = icmp eq i64 %h, 0
  br i1 %noh, label %blocks, label %hole
hole:
  %hsa = add i64 %h, 8
  %hs = call i64 @ld(i64 %hsa)
  %hna = add i64 %h, 16
  %hn = call i64 @ld(i64 %hna)
  call void @W(i64 $HOLE_HEAD, i64 %hn)
  %fits = icmp uge i64 %hs, %size
  br i1 %fits, label %take_hole, label %holes
take_hole:
  call void @fillmem(i64 %h, i8 0, i64 %hs)
  call void @set_region(i64 %h, i64 %hs)
  ret i32 1
blocks:
  %blk = call i64 @take_free_block()
  %nob = icmp eq i64 %blk, 0
  br i1 %nob, label %ask, label %take_block
take_block:
  call void @set_region(i64 %blk, i64 $BLOCK)
  ret i32 1
ask:
  %r = call i32 @need_memory(i64 %size, i64 %flags, i64 0)
  %failr = icmp eq i32 %r, 0
  br i1 %failr, label %fail, label %loop
fail:
  ret i32 0
}

define internal i32 @refill_overflow(i64 %size, i64 %flags) {
entry:
  call void @retire_overflow()
  br label %loop
loop:
  %okb = call i32 @check_budget(i64 %size, i64 %flags, i64 1)
  %failb = icmp eq i32 %okb, 0
  br i1 %failb, label %fail, label %blocks
blocks:
  %blk = call i64 @take_free_block()
  %nob = icmp eq i64 %blk, 0
  br i1 %nob, label %ask, label %take
take:
  call void @W(i64 $OV_START, i64 %blk)
  call void @W(i64 $OV_PTR, i64 %blk)
  %lim = add i64 %blk, $BLOCK
  call void @W(i64 $OV_LIMIT, i64 %lim)
  call void @ADD(i64 $BUDGET, i64 -$BLOCK)
  call void @ADD(i64 $REFILLS, i64 1)
  ret i32 1
ask:
  %r = call i32 @need_memory(i64 %size, i64 %flags, i64 1)
  %failr = icmp eq i32 %r, 0
  br i1 %failr, label %fail, label %loop
fail:
  ret i32 0
}

; The first index of a run of %n free blocks, or -1.
define internal i64 @find_free_run(i64 %n) {
entry:
  %end = call i64 @S(i64 $BLOCKS_END)
  %base = call i64 @S(i64 $HEAP_BASE)
  %span = sub i64 %end, %base
  %nb = lshr i64 %span, $BLOCK_SHIFT
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %step ]
  %run = phi i64 [ 0, %entry ], [ %run2, %step ]
  %more = icmp ult i64 %i, %nb
  br i1 %more, label %body, label %none
body:
  %e = call i64 @entry_of(i64 %i)
  %st8 = call i8 @ld8(i64 %e)
  %free = icmp eq i8 %st8, $FREE
  %run1 = add i64 %run, 1
  %run2 = select i1 %free, i64 %run1, i64 0
  %enough = icmp uge i64 %run2, %n
  br i1 %enough, label %found, label %step
step:
  %i1 = add i64 %i, 1
  br label %loop
found:
  %s0 = sub i64 %i, %n
  %s = add i64 %s0, 1
  ret i64 %s
none:
  ret i64 -1
}

define internal i64 @alloc_large(i64 %size, i64 %flags) {
entry:
  %b1 = add i64 %size, $BLOCK_MASK
  %n = lshr i64 %b1, $BLOCK_SHIFT
  br label %loop
loop:
  %okb = call i32 @check_budget(i64 %size, i64 %flags, i64 2)
  %failb = icmp eq i32 %okb, 0
  br i1 %failb, label %fail, label %find
find:
  %start = call i64 @find_free_run(i64 %n)
  %none = icmp slt i64 %start, 0
  br i1 %none, label %ask, label %take
ask:
  %r = call i32 @need_memory(i64 %size, i64 %flags, i64 2)
  %failr = icmp eq i32 %r, 0
  br i1 %failr, label %fail, label %loop
take:
  %base = call i64 @S(i64 $HEAP_BASE)
  %so = shl i64 %start, $BLOCK_SHIFT
  %obj = add i64 %base, %so
  br label %bl
bl:
  %j = phi i64 [ 0, %take ], [ %j1, %bnext ]
  %jm = icmp ult i64 %j, %n
  br i1 %jm, label %bbody, label %done
bbody:
  %bj = add i64 %start, %j
  %e = call i64 @entry_of(i64 %bj)
  %za = add i64 %e, $BE_ZEROED
  %z = call i8 @ld8(i64 %za)
  call void @st8(i64 %za, i8 0)
  %la = add i64 %e, $BE_LARGE
  %first = icmp eq i64 %j, 0
  br i1 %first, label %headb, label %tailb
headb:
  call void @st8(i64 %e, i8 $HEAD)
  call void @st(i64 %la, i64 %n)
  br label %zero
tailb:
  call void @st8(i64 %e, i8 $TAIL)
  call void @st(i64 %la, i64 %obj)
  br label %zero
zero:
  %dirty = icmp eq i8 %z, 0
  br i1 %dirty, label %clear, label %bnext
clear:
  %jo = shl i64 %j, $BLOCK_SHIFT
  %ba = add i64 %obj, %jo
  %left = sub i64 %size, %jo
  %small = icmp ult i64 %left, $BLOCK
  %len = select i1 %small, i64 %left, i64 $BLOCK
  call void @fillmem(i64 %ba, i8 0, i64 %len)
  br label %bnext
bnext:
  %j1 = add i64 %j, 1
  br label %bl
done:
  %nbytes = shl i64 %n, $BLOCK_SHIFT
  %neg = sub i64 0, %nbytes
  call void @ADD(i64 $BUDGET, i64 %neg)
  call void @ADD(i64 $ALLOCATED, i64 %size)
  call void @ADD(i64 $REFILLS, i64 1)
  ret i64 %obj
fail:
  ret i64 0
}

define internal void @register_finalizable(i64 %obj) {
entry:
  %n = call i64 @S(i64 $FIN_N)
  %cap = call i64 @S(i64 $FIN_CAP)
  %full = icmp uge i64 %n, %cap
  br i1 %full, label %grow, label %store
grow:
  call void @clrpy_gc_grow_registry()
  br label %store
store:
  %reg = call i64 @S(i64 $FIN_REGISTRY)
  %n2 = call i64 @S(i64 $FIN_N)
  %o = shl i64 %n2, 3
  %a = add i64 %reg, %o
  call void @st(i64 %a, i64 %obj)
  %n3 = add i64 %n2, 1
  call void @W(i64 $FIN_N, i64 %n3)
  ret void
}

; The allocator's slow path: %size bytes (a multiple of 8, at least 16) for an object of %type (its
; header is written unless %type is null). Returns null if the allocation failed (then, for an
; allocation that may collect, an OutOfMemoryException is pending).
define ptr @clrpy_gc_alloc(ptr %type, i64 %size, i64 %flags) {
entry:
  %iv = call i64 @S(i64 $STRESS_INTERVAL)
  %stress = icmp ne i64 %iv, 0
  br i1 %stress, label %count, label %polls
count:
  %c0 = call i64 @S(i64 $STRESS_COUNT)
  %c = sub i64 %c0, 1
  %due = icmp sle i64 %c, 0
  %cn = select i1 %due, i64 %iv, i64 %c
  call void @W(i64 $STRESS_COUNT, i64 %cn)
  br i1 %due, label %setpoll, label %polls
setpoll:
  call void @W(i64 $POLL, i64 1)
  br label %polls
polls:
  %poll = call i64 @S(i64 $POLL)
  %mc = and i64 %flags, 1
  %pp = icmp ne i64 %poll, 0
  %mm = icmp ne i64 %mc, 0
  %both = and i1 %pp, %mm
  br i1 %both, label %callpoll, label %route
callpoll:
  call void @poll()
  br label %route
route:
  %large = icmp ugt i64 %size, $LARGE
  br i1 %large, label %lg, label %sloop
lg:
  %lobj = call i64 @alloc_large(i64 %size, i64 %flags)
  %lnull = icmp eq i64 %lobj, 0
  br i1 %lnull, label %fail, label %got
sloop:
  %cur = load i64, ptr @"$ALLOC_PTR", align 8
  %lim = call i64 @S(i64 $REGION_LIMIT)
  %end = add i64 %cur, %size
  %fits = icmp ule i64 %end, %lim
  br i1 %fits, label %sbump, label %smiss
sbump:
  store i64 %end, ptr @"$ALLOC_PTR", align 8
  br label %got
smiss:
  %med = icmp ugt i64 %size, $MEDIUM
  br i1 %med, label %medium, label %srefill
srefill:
  %ok = call i32 @refill(i64 %size, i64 %flags)
  %okb = icmp ne i32 %ok, 0
  br i1 %okb, label %sloop, label %fail
medium:
  %ov = call i64 @S(i64 $OV_PTR)
  %ovl = call i64 @S(i64 $OV_LIMIT)
  %ovend = add i64 %ov, %size
  %ovfits = icmp ule i64 %ovend, %ovl
  %ovnz = icmp ne i64 %ov, 0
  %ovok = and i1 %ovfits, %ovnz
  br i1 %ovok, label %mbump, label %mrefill
mbump:
  call void @W(i64 $OV_PTR, i64 %ovend)
  br label %got
mrefill:
  %mok = call i32 @refill_overflow(i64 %size, i64 %flags)
  %mokb = icmp ne i32 %mok, 0
  br i1 %mokb, label %medium, label %fail
got:
  %obj = phi i64 [ %lobj, %lg ], [ %cur, %sbump ], [ %ov, %mbump ]
  %tnull = icmp eq ptr %type, null
  br i1 %tnull, label %typed, label %settype
settype:
  %ti = ptrtoint ptr %type to i64
  call void @st(i64 %obj, i64 %ti)
  br label %typed
typed:
  call void @publish_limit()
  %fin = and i64 %flags, 2
  %isfin = icmp ne i64 %fin, 0
  br i1 %isfin, label %register, label %done
register:
  call void @register_finalizable(i64 %obj)
  br label %done
done:
  %r = inttoptr i64 %obj to ptr
  ret ptr %r
fail:
  ret ptr null
}

; Entries for generated code (jit/helpers.py).
define ptr @clrpy_alloc_slow(ptr %type, i64 %size) {
  %r = call ptr @clrpy_gc_alloc(ptr %type, i64 %size, i64 1)
  ret ptr %r
}
define ptr @clrpy_alloc_finalizable(ptr %type, i64 %size) {
  %r = call ptr @clrpy_gc_alloc(ptr %type, i64 %size, i64 3)
  ret ptr %r
}
; A single-dimensional array: as Mono, a length that is negative or does not fit 32 bits overflows, and
; one over int.MaxValue cannot be allocated (clrpy_new_array_failed raises which).
define ptr @clrpy_new_array(ptr %type, i64 %n) {
entry:
  %bad = icmp ugt i64 %n, 2147483647
  br i1 %bad, label %fail, label %alloc
fail:
  call void @clrpy_new_array_failed(i64 %n)
  ret ptr null
alloc:
  %t = ptrtoint ptr %type to i64
  %esa = add i64 %t, $NT_ELEMENT_SIZE
  %es32 = call i32 @ld32(i64 %esa)
  %es = zext i32 %es32 to i64
  %data = mul i64 %n, %es
  %raw = add i64 %data, $ARRAY_ADD
  %size = and i64 %raw, -8
  %obj = call ptr @clrpy_gc_alloc(ptr %type, i64 %size, i64 1)
  %null = icmp eq ptr %obj, null
  br i1 %null, label %done, label %set
set:
  %o = ptrtoint ptr %obj to i64
  %la = add i64 %o, $ARRAY_LENGTH
  call void @st(i64 %la, i64 %n)
  br label %done
done:
  ret ptr %obj
}

; Run the finalizers of the objects in FR: call each one's Finalize through its vtable slot.
; Stops after a finalizer that leaves an exception pending; returns how many ran.
define i64 @clrpy_gc_run_finalizers(i64 %slot_offset) {
entry:
  %n = call i64 @S(i64 $FR_N)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %fr = call i64 @S(i64 $FR)
  %o = shl i64 %i, 3
  %a = add i64 %fr, %o
  %obj = call i64 @ld(i64 %a)
  %i1 = add i64 %i, 1
  %null = icmp eq i64 %obj, 0
  br i1 %null, label %next, label %call
call:
  %vt = call i64 @ld(i64 %obj)
  %sa = add i64 %vt, %slot_offset
  %code = call i64 @ld(i64 %sa)
  %fp = inttoptr i64 %code to ptr
  %op = inttoptr i64 %obj to ptr
  call void %fp(ptr %op)
  %fr2 = call i64 @S(i64 $FR)
  %a2 = add i64 %fr2, %o
  call void @st(i64 %a2, i64 0)
  %pend = load i64, ptr @"$PENDING", align 8
  %threw = icmp ne i64 %pend, 0
  br i1 %threw, label %stop, label %next
next:
  br label %loop
stop:
  ret i64 %i1
done:
  ret i64 %n
}

; The object containing an address (0 if none): GC handles of interior pointers, tests.
define i64 @clrpy_gc_find_object(i64 %w) {
  %r = call i64 @find_object(i64 %w)
  ret i64 %r
}
define i64 @clrpy_gc_object_size(i64 %obj) {
  %r = call i64 @gc_size(i64 %obj)
  ret i64 %r
}
"""
