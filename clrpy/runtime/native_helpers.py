"""Runtime helpers written as native code (LLVM IR compiled once, at start-up, with the prestub).

These run on hot paths where a call into Python would cost a hundred times more: finding a class's
itable for an interface call or cast, allocating a string, and the first pass of exception handling
(walking the registered frames and asking each method's search function for a handler). Each has a Python slow path for the rare cases (variant
generic interfaces, arrays' generic interfaces) that may extend the data the fast path reads.
"""
from ..jit.helpers import ALLOC_LIMIT, ALLOC_PTR, EH_HANDLER, EH_TARGET, FRAME_CHAIN, PENDING_EXCEPTION
from ..typesys.native_type import ITABLE_CACHE_ENTRIES, NT_ANCESTORS, NT_DEPTH, NT_INTERFACES, NT_ITABLE_CACHE
from ..typesys.object_layout import STRING_CHARS_OFFSET, STRING_LENGTH_OFFSET

def native_helpers_ir(trace_field_offset: int) -> str:
    """The IR of the runtime's native module. `trace_field_offset` is where System.Exception keeps
    its stack trace (the `_stackTrace` field), which clrpy_raise fills."""
    return _NATIVE_HELPERS_IR.replace("@TRACE_FIELD@", str(trace_field_offset))


_NATIVE_HELPERS_IR = f"""
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
define void @clrpy_raise(ptr %exc) "frame-pointer"="all" {{
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
  call void @clrpy_capture_trace(ptr %exc, ptr %rec)
  store ptr %rec, ptr @"{EH_TARGET}", align 8
  store i32 %idx, ptr @"{EH_HANDLER}", align 4
  store ptr %exc, ptr @"{PENDING_EXCEPTION}", align 8
  ret void
unhandled:
  call void @clrpy_capture_trace(ptr %exc, ptr null)
  store ptr null, ptr @"{EH_TARGET}", align 8
  store i32 -1, ptr @"{EH_HANDLER}", align 4
  store ptr %exc, ptr @"{PENDING_EXCEPTION}", align 8
  ret void
}}

; An exception the runtime raised from Python (a helper, an icall) is left pending with
; clrpy_raise_requested set; generated code calls this first thing on its exception path, so the
; first pass and the stack walk start from the managed frame that noticed the exception.
@clrpy_raise_requested = external global i32
define void @clrpy_finish_raise() "frame-pointer"="all" {{
  %req = load i32, ptr @clrpy_raise_requested, align 4
  %yes = icmp ne i32 %req, 0
  br i1 %yes, label %raise, label %done
raise:
  store i32 0, ptr @clrpy_raise_requested, align 4
  %exc = load ptr, ptr @"{PENDING_EXCEPTION}", align 8
  call void @clrpy_raise(ptr %exc)
  ret void
done:
  ret void
}}

; `rethrow` raises the exception being handled again. Its trace keeps the frames below the
; rethrowing method (where the exception first came from) and continues from the rethrow, as Mono
; does: the frame of the method that rethrows is named at its `rethrow`, not at the original call.
@clrpy_rethrow_frame = internal global ptr null
define void @clrpy_rethrow(ptr %exc) "frame-pointer"="all" {{
  %caller = call ptr @llvm.frameaddress.p0(i32 1)
  store ptr %caller, ptr @clrpy_rethrow_frame, align 8
  call void @clrpy_raise(ptr %exc)
  store ptr null, ptr @clrpy_rethrow_frame, align 8
  ret void
}}

; The stack trace of an exception: (return address, frame address) pairs along the frame-pointer
; chain (every JIT'd method keeps a frame pointer), up to 256, stored as an IntPtr[] in
; Exception._stackTrace. The walk stops where the chain leaves the managed thread's stack or stops
; going up (a frame of code compiled without frame pointers), or at the frame that catches (whose
; frame record %catcher lies in it): a trace runs from the throw to the handler, as in the CLR. It is
; taken after the first pass, so a filter sees the trace of the exception's previous throw, if any.
; Turning addresses into methods and IL
; offsets is done lazily, by the runtime, when someone reads the trace (runtime/stack_traces.py).
@clrpy_stack_hi = external global i64
@clrpy_intptr_array_type = external global ptr
@clrpy_exception_type = external global ptr
declare ptr @llvm.frameaddress.p0(i32)
define void @clrpy_capture_trace(ptr %exc, ptr %catcher) "frame-pointer"="all" {{
check:
  ; Only a System.Exception has a trace field: IL may throw any object (ECMA-335 I.12.4.2).
  %vt = load ptr, ptr %exc, align 8
  %depthp = getelementptr inbounds i8, ptr %vt, i64 {NT_DEPTH}
  %depth = load i32, ptr %depthp, align 4
  %deep = icmp uge i32 %depth, 1
  br i1 %deep, label %check_base, label %done
check_base:
  %ancp = getelementptr inbounds i8, ptr %vt, i64 {NT_ANCESTORS}
  %anc = load ptr, ptr %ancp, align 8
  %base1p = getelementptr inbounds i8, ptr %anc, i64 8
  %base1 = load ptr, ptr %base1p, align 8
  %exct = load ptr, ptr @clrpy_exception_type, align 8
  %is_exception = icmp eq ptr %base1, %exct
  br i1 %is_exception, label %entry, label %done
entry:
  %fieldp = getelementptr inbounds i8, ptr %exc, i64 @TRACE_FIELD@
  %buf = alloca [512 x i64], align 8
  %hi = load i64, ptr @clrpy_stack_hi, align 8
  %fp0 = call ptr @llvm.frameaddress.p0(i32 0)
  %rframe = load ptr, ptr @clrpy_rethrow_frame, align 8
  %old = load ptr, ptr %fieldp, align 8
  %isre = icmp ne ptr %rframe, null
  %has = icmp ne ptr %old, null
  %keep = and i1 %isre, %has
  br i1 %keep, label %keep_start, label %walk
keep_start:
  %oldlenp = getelementptr inbounds i8, ptr %old, i64 24
  %oldlen = load i64, ptr %oldlenp, align 8
  %olddata = getelementptr inbounds i8, ptr %old, i64 32
  br label %keep_loop
keep_loop:
  %k = phi i64 [ 0, %keep_start ], [ %k2, %keep_next ]
  %more = icmp ult i64 %k, %oldlen
  br i1 %more, label %keep_test, label %walk
keep_test:
  %k1 = add i64 %k, 1
  %framep = getelementptr inbounds i64, ptr %olddata, i64 %k1
  %frame = load ptr, ptr %framep, align 8
  %below = icmp ult ptr %frame, %rframe
  br i1 %below, label %keep_copy, label %walk
keep_copy:
  %retp0 = getelementptr inbounds i64, ptr %olddata, i64 %k
  %ret0 = load i64, ptr %retp0, align 8
  %dst0 = getelementptr inbounds i64, ptr %buf, i64 %k
  store i64 %ret0, ptr %dst0, align 8
  %dst1 = getelementptr inbounds i64, ptr %buf, i64 %k1
  %framei = ptrtoint ptr %frame to i64
  store i64 %framei, ptr %dst1, align 8
  br label %keep_next
keep_next:
  %k2 = add i64 %k, 2
  br label %keep_loop
walk:
  %fp = phi ptr [ %fp0, %entry ], [ %fp0, %keep_loop ], [ %fp0, %keep_test ], [ %next, %store ]
  %n = phi i64 [ 0, %entry ], [ %k, %keep_loop ], [ %k, %keep_test ], [ %n1, %store ]
  %fpi = ptrtoint ptr %fp to i64
  %full = icmp uge i64 %n, 512
  %aligned = and i64 %fpi, 7
  %misaligned = icmp ne i64 %aligned, 0
  %top = add i64 %fpi, 16
  %outside = icmp ugt i64 %top, %hi
  %stop1 = or i1 %full, %misaligned
  %stop = or i1 %stop1, %outside
  br i1 %stop, label %copy, label %step
step:
  %next = load ptr, ptr %fp, align 8
  %retp = getelementptr inbounds i8, ptr %fp, i64 8
  %ret = load i64, ptr %retp, align 8
  %nexti = ptrtoint ptr %next to i64
  %slot = getelementptr inbounds i64, ptr %buf, i64 %n
  store i64 %ret, ptr %slot, align 8
  %n1a = add i64 %n, 1
  %fslot = getelementptr inbounds i64, ptr %buf, i64 %n1a
  store i64 %nexti, ptr %fslot, align 8
  %n1 = add i64 %n, 2
  %up = icmp ugt i64 %nexti, %fpi
  %limited = icmp ne ptr %catcher, null
  %beyond = icmp ugt ptr %next, %catcher
  %caught = and i1 %limited, %beyond
  %notup = xor i1 %up, true
  %end_walk = or i1 %notup, %caught
  br i1 %end_walk, label %last, label %store
store:
  br label %walk
last:
  br label %copy
copy:
  %count = phi i64 [ %n, %walk ], [ %n1, %last ]
  %bytes = shl i64 %count, 3
  %size = add i64 %bytes, 32
  %atype = load ptr, ptr @clrpy_intptr_array_type, align 8
  %cur = load ptr, ptr @"{ALLOC_PTR}", align 8
  %end = getelementptr i8, ptr %cur, i64 %size
  %limit = load ptr, ptr @"{ALLOC_LIMIT}", align 8
  %fits = icmp ule ptr %end, %limit
  br i1 %fits, label %bump, label %slowalloc
bump:
  store ptr %end, ptr @"{ALLOC_PTR}", align 8
  store ptr %atype, ptr %cur, align 8
  br label %fill
slowalloc:
  %obj = call ptr @clrpy_alloc_slow(ptr %atype, i64 %size)
  %oom = icmp eq ptr %obj, null
  br i1 %oom, label %done, label %fill
fill:
  %arr = phi ptr [ %cur, %bump ], [ %obj, %slowalloc ]
  %lenp = getelementptr inbounds i8, ptr %arr, i64 24
  store i64 %count, ptr %lenp, align 8
  %data = getelementptr inbounds i8, ptr %arr, i64 32
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %data, ptr align 8 %buf, i64 %bytes, i1 false)
  store ptr %arr, ptr %fieldp, align 8
  br label %done
done:
  ret void
}}
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

; The search function of a filter barrier: an exception raised while a filter runs stops at the
; filter (ECMA-335 I.12.4.2.5: it is swallowed and the filter counts as false).
define i32 @clrpy_barrier_search(ptr %rec, ptr %exc) {{
  ret i32 2147483647
}}
"""
