"""Internal calls written as native code: the memory moves on the class library's hot paths.

String.Concat, StringBuilder, Span<T>.CopyTo, List<T> and Array.Copy move memory through a few
internal calls; each is called once per operation, often on a handful of bytes, so a call into
Python (about a microsecond: ../../docs/jit.md) would cost far more than the work. They are LLVM IR,
compiled once into the runtime's native module with the prestub and the native helpers, and bound
to the icalls by registry.NATIVE_ICALLS (symbol names below).

`clrpy_array_fast_copy` is Array.FastCopy's common case -- two single-dimensional arrays of the
same element type -- and defers every other case (covariant reference arrays, multi-dimensional
arrays) to the Python implementation (icalls/system_array.py), which it calls through
`clrpy_array_fast_copy_slow` (bound by the registry: SLOW_PATHS).
"""
from ..typesys.native_type import NT_ELEMENT_SIZE
from ..typesys.object_layout import ARRAY_BOUNDS_OFFSET, ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET

# registry key -> native symbol
NATIVE_ICALL_SYMBOLS = {
    "System.Buffer::InternalMemcpy(System.Byte*,System.Byte*,System.Int32)": "clrpy_icall_memcpy_i32",
    "System.Runtime.RuntimeImports::Memmove(System.Byte*,System.Byte*,System.UInt32)": "clrpy_icall_memmove_u32",
    "System.Runtime.RuntimeImports::ZeroMemory(System.Void*,System.UInt32)": "clrpy_icall_zero_u32",
    "System.Array::FastCopy(System.Array,System.Int32,System.Array,System.Int32,System.Int32)":
        "clrpy_array_fast_copy",
    "Interop+Sys::DoubleToString(System.Double,System.Byte*,System.Byte*,System.Int32)":
        "clrpy_icall_double_to_string",
}

# C library functions the IR calls (the registry binds their addresses).
LIBC_FUNCTIONS = ("snprintf",)

# native symbol the IR calls -> the registry key of the Python icall behind it
SLOW_PATHS = {
    "clrpy_array_fast_copy_slow": "System.Array::FastCopy(System.Array,System.Int32,System.Array,System.Int32,System.Int32)",
}

NATIVE_ICALLS_IR = f"""
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare i8 @clrpy_array_fast_copy_slow(ptr, i32, ptr, i32, i32)
declare i32 @snprintf(ptr, i64, ptr, ...)

; Interop.Sys.DoubleToString(double value, byte* format, byte* buffer, int length): the C library's
; printf formatting ("%.40e"), from which the class library's Number.DoubleToNumber takes the digits
; of every double and float it formats -- as Mono does.
define i32 @clrpy_icall_double_to_string(double %value, ptr %format, ptr %buffer, i32 %length) {{
entry:
  %n = sext i32 %length to i64
  %r = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %buffer, i64 %n, ptr %format, double %value)
  ret i32 %r
}}

; Buffer.InternalMemcpy(byte* dest, byte* src, int count): the callers never overlap the ranges,
; but memmove costs the same.
define void @clrpy_icall_memcpy_i32(ptr %dest, ptr %src, i32 %count) {{
entry:
  %positive = icmp sgt i32 %count, 0
  br i1 %positive, label %copy, label %done
copy:
  %n = zext i32 %count to i64
  call void @llvm.memmove.p0.p0.i64(ptr %dest, ptr %src, i64 %n, i1 false)
  br label %done
done:
  ret void
}}

; RuntimeImports.Memmove(byte* dest, byte* src, uint count)
define void @clrpy_icall_memmove_u32(ptr %dest, ptr %src, i32 %count) {{
entry:
  %n = zext i32 %count to i64
  call void @llvm.memmove.p0.p0.i64(ptr %dest, ptr %src, i64 %n, i1 false)
  ret void
}}

; RuntimeImports.ZeroMemory(void* p, uint count)
define void @clrpy_icall_zero_u32(ptr %p, i32 %count) {{
entry:
  %n = zext i32 %count to i64
  call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 %n, i1 false)
  ret void
}}

; Array.FastCopy(Array src, int srcIndex, Array dst, int dstIndex, int length) -> bool.
; Same type handle and both vectors (rank 1, no bounds): one memmove of length * element size.
; Array.Copy has checked that the indices and the length are not negative, but not that the ranges
; fit: a range past either end returns false, and Array.Copy throws its ArgumentException.
define i8 @clrpy_array_fast_copy(ptr %src, i32 %si, ptr %dst, i32 %di, i32 %len) {{
entry:
  %st = load ptr, ptr %src, align 8
  %dt = load ptr, ptr %dst, align 8
  %same = icmp eq ptr %st, %dt
  br i1 %same, label %check, label %slow
check:
  %sb = getelementptr i8, ptr %src, i64 {ARRAY_BOUNDS_OFFSET}
  %bounds = load ptr, ptr %sb, align 8
  %vector = icmp eq ptr %bounds, null
  br i1 %vector, label %fits, label %slow
fits:
  %si64 = sext i32 %si to i64
  %di64 = sext i32 %di to i64
  %len64 = sext i32 %len to i64
  %send = add i64 %si64, %len64
  %dend = add i64 %di64, %len64
  %slp = getelementptr i8, ptr %src, i64 {ARRAY_LENGTH_OFFSET}
  %slength = load i64, ptr %slp, align 8
  %dlp = getelementptr i8, ptr %dst, i64 {ARRAY_LENGTH_OFFSET}
  %dlength = load i64, ptr %dlp, align 8
  %sfits = icmp ule i64 %send, %slength
  %dfits = icmp ule i64 %dend, %dlength
  %both = and i1 %sfits, %dfits
  br i1 %both, label %copy, label %outside
outside:
  ret i8 0
copy:
  %esp = getelementptr i8, ptr %st, i64 {NT_ELEMENT_SIZE}
  %esize32 = load i32, ptr %esp, align 4
  %esize = zext i32 %esize32 to i64
  %soff = mul i64 %si64, %esize
  %doff = mul i64 %di64, %esize
  %bytes = mul i64 %len64, %esize
  %sdata = getelementptr i8, ptr %src, i64 {ARRAY_DATA_OFFSET}
  %ddata = getelementptr i8, ptr %dst, i64 {ARRAY_DATA_OFFSET}
  %from = getelementptr i8, ptr %sdata, i64 %soff
  %to = getelementptr i8, ptr %ddata, i64 %doff
  call void @llvm.memmove.p0.p0.i64(ptr %to, ptr %from, i64 %bytes, i1 false)
  ret i8 1
slow:
  %r = call i8 @clrpy_array_fast_copy_slow(ptr %src, i32 %si, ptr %dst, i32 %di, i32 %len)
  ret i8 %r
}}
"""
