"""Runtime helpers written as native code (LLVM IR compiled once, at start-up, with the prestub).

These run on hot paths where a call into Python would cost a hundred times more: finding a class's
itable for an interface call or cast, allocating a string, and the first pass of exception handling
(walking the registered frames and asking each method's search function for a handler). Each has a Python slow path for the rare cases (variant
generic interfaces, arrays' generic interfaces) that may extend the data the fast path reads.
"""
from ..jit.helpers import ALLOC_LIMIT, ALLOC_PTR, EH_HANDLER, EH_TARGET, FRAME_CHAIN, PENDING_EXCEPTION
from ..typesys.native_type import ITABLE_CACHE_ENTRIES, NT_INTERFACES, NT_ITABLE_CACHE
from ..typesys.object_layout import STRING_CHARS_OFFSET, STRING_LENGTH_OFFSET

NATIVE_HELPERS_IR = f"""
declare ptr @clrpy_find_itable_slow(ptr, ptr)
declare ptr @clrpy_alloc_slow(ptr, i64)
@"{ALLOC_PTR}" = external global ptr
@"{ALLOC_LIMIT}" = external global ptr
@clrpy_string_type = external global ptr     ; a cell holding System.String's native handle

; String.FastAllocateString(int length), the allocation behind every new string: a bump allocation
; of header + length + chars + NUL, rounded to 8 bytes (object_layout.string_size).
define ptr @clrpy_fast_allocate_string(i32 %length) {{
entry:
  %n = sext i32 %length to i64
  %bytes = shl i64 %n, 1
  %raw = add i64 %bytes, {STRING_CHARS_OFFSET + 2 + 7}
  %size = and i64 %raw, -8
  %cur = load ptr, ptr @"{ALLOC_PTR}", align 8
  %end = getelementptr i8, ptr %cur, i64 %size
  %limit = load ptr, ptr @"{ALLOC_LIMIT}", align 8
  %fits = icmp ule ptr %end, %limit
  %string_type = load ptr, ptr @clrpy_string_type, align 8
  br i1 %fits, label %fast, label %slow
fast:
  store ptr %end, ptr @"{ALLOC_PTR}", align 8
  store ptr %string_type, ptr %cur, align 8
  br label %done
slow:
  %obj = call ptr @clrpy_alloc_slow(ptr %string_type, i64 %size)
  %failed = icmp eq ptr %obj, null
  br i1 %failed, label %oom, label %done
oom:
  ret ptr null
done:
  %s = phi ptr [ %cur, %fast ], [ %obj, %slow ]
  %lenp = getelementptr i8, ptr %s, i64 {STRING_LENGTH_OFFSET}
  store i32 %length, ptr %lenp, align 4
  ret ptr %s
}}

; The itable of interface %iface in the interface map of type handle %vt (see native_types.py):
;   {{u32 count; u32 pad; {{ptr iface; ptr itable}}[count]}}
; or, when %vt does not list it, whatever the runtime's slow path finds (null: not implemented).
define ptr @clrpy_find_itable(ptr %vt, ptr %iface) {{
entry:
  %mapp = getelementptr inbounds i8, ptr %vt, i64 {NT_INTERFACES}
  %map = load ptr, ptr %mapp, align 8
  %none = icmp eq ptr %map, null
  br i1 %none, label %slow, label %scan
scan:
  %n = load i32, ptr %map, align 4
  br label %loop
loop:
  %i = phi i32 [ 0, %scan ], [ %next, %step ]
  %done = icmp uge i32 %i, %n
  br i1 %done, label %slow, label %test
test:
  %i64 = zext i32 %i to i64
  %off = mul i64 %i64, 16
  %off8 = add i64 %off, 8
  %slotp = getelementptr inbounds i8, ptr %map, i64 %off8
  %candidate = load ptr, ptr %slotp, align 8
  %hit = icmp eq ptr %candidate, %iface
  br i1 %hit, label %found, label %step
step:
  %next = add i32 %i, 1
  br label %loop
found:
  %itp = getelementptr inbounds i8, ptr %slotp, i64 8
  %itable = load ptr, ptr %itp, align 8
  br label %remember
slow:
  %r = call ptr @clrpy_find_itable_slow(ptr %vt, ptr %iface)
  %miss = icmp eq ptr %r, null
  br i1 %miss, label %not_found, label %remember
remember:
  ; Cache it in the type's itable cache, where call sites look first (native_type.py).
  %it = phi ptr [ %itable, %found ], [ %r, %slow ]
  %key = ptrtoint ptr %iface to i64
  %h = lshr i64 %key, 4
  %hm = and i64 %h, {ITABLE_CACHE_ENTRIES - 1}
  %ho = mul i64 %hm, 16
  %ho2 = add i64 %ho, {NT_ITABLE_CACHE}
  %entryp = getelementptr inbounds i8, ptr %vt, i64 %ho2
  %itabp = getelementptr inbounds i8, ptr %entryp, i64 8
  store ptr %it, ptr %itabp, align 8
  store ptr %iface, ptr %entryp, align 8
  ret ptr %it
not_found:
  ret ptr null
}}

@"{PENDING_EXCEPTION}" = external global ptr
@"{FRAME_CHAIN}" = external global ptr
@"{EH_TARGET}" = external global ptr
@"{EH_HANDLER}" = external global i32

; The first pass of exception handling (docs/exceptions.md). Walk the registered frames from the
; innermost; each frame record is {{prev; search function; locals; i32 site}} and its search function
; returns the index of the clause that handles %exc at the frame's current site (running filters), or
; -1. The first hit is the target of the second pass, which the frames carry out themselves as the
; exception propagates by return (each one running its finally and fault blocks on the way).
; Nothing is pending while the filters run: they are ordinary code.
define void @clrpy_raise(ptr %exc) {{
entry:
  store ptr null, ptr @"{PENDING_EXCEPTION}", align 8
  %head = load ptr, ptr @"{FRAME_CHAIN}", align 8
  br label %walk
walk:
  %rec = phi ptr [ %head, %entry ], [ %prev, %next ]
  %none = icmp eq ptr %rec, null
  br i1 %none, label %unhandled, label %ask
ask:
  %fnp = getelementptr inbounds i8, ptr %rec, i64 8
  %search = load ptr, ptr %fnp, align 8
  %idx = call i32 %search(ptr %rec, ptr %exc)
  %hit = icmp sge i32 %idx, 0
  br i1 %hit, label %found, label %next
next:
  %prev = load ptr, ptr %rec, align 8
  br label %walk
found:
  store ptr %rec, ptr @"{EH_TARGET}", align 8
  store i32 %idx, ptr @"{EH_HANDLER}", align 4
  store ptr %exc, ptr @"{PENDING_EXCEPTION}", align 8
  ret void
unhandled:
  store ptr null, ptr @"{EH_TARGET}", align 8
  store i32 -1, ptr @"{EH_HANDLER}", align 4
  store ptr %exc, ptr @"{PENDING_EXCEPTION}", align 8
  ret void
}}

; `rethrow` raises the exception being handled again (its stack trace is kept: it is the same object).
define void @clrpy_rethrow(ptr %exc) {{
  call void @clrpy_raise(ptr %exc)
  ret void
}}

; The search function of a filter barrier: an exception raised while a filter runs stops at the
; filter (ECMA-335 I.12.4.2.5: it is swallowed and the filter counts as false).
define i32 @clrpy_barrier_search(ptr %rec, ptr %exc) {{
  ret i32 2147483647
}}
"""
