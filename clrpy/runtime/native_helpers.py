"""Runtime helpers written as native code (LLVM IR compiled once, at start-up, with the prestub).

These run on hot paths where a call into Python would cost a hundred times more: finding a class's
itable for an interface call or cast. Each has a Python slow path for the rare cases (variant
generic interfaces, arrays' generic interfaces) that may extend the data the fast path reads.
"""
from ..typesys.native_type import NT_INTERFACES

NATIVE_HELPERS_IR = f"""
declare ptr @clrpy_find_itable_slow(ptr, ptr)

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
  ret ptr %itable
slow:
  %r = call ptr @clrpy_find_itable_slow(ptr %vt, ptr %iface)
  ret ptr %r
}}
"""
