"""Internal calls of System.Buffer: byte copies between arrays of primitives and raw memory.

`InternalMemcpy` (what String.Concat and StringBuilder copy characters with) is native code
(registry.NATIVE_ICALLS, runtime/native_icalls.py); these are the checked array forms.
"""
import ctypes

from ..metadata.signatures import ElementType as E
from .managed_values import array_data, array_length
from .registry import icall

# Element types Buffer accepts ("an array of primitives"): not enums, not structs, not references.
PRIMITIVES = {E.BOOLEAN, E.CHAR, E.I1, E.U1, E.I2, E.U2, E.I4, E.U4, E.I8, E.U8, E.R4, E.R8, E.I, E.U}


def byte_length(engine, arr) -> int:
    """Bytes in an array of primitives (all dimensions), or -1 if its elements are not primitives."""
    elem = engine.types.type_of_object(arr).element
    if elem.is_enum or elem.cor_type not in PRIMITIVES:
        return -1
    return array_length(arr) * elem.size_of_value


@icall("System.Buffer::_ByteLength(System.Array)")
def _byte_length(engine, arr):
    return byte_length(engine, arr)


@icall("System.Buffer::InternalBlockCopy(System.Array,System.Int32,System.Array,System.Int32,System.Int32)")
def internal_block_copy(engine, src, src_offset, dst, dst_offset, count):
    """False (Buffer.BlockCopy then explains why) when either array is not of primitives or the
    range does not fit."""
    src_len, dst_len = byte_length(engine, src), byte_length(engine, dst)
    if src_len < 0 or dst_len < 0 or src_offset > src_len - count or dst_offset > dst_len - count:
        return 0
    ctypes.memmove(array_data(dst) + dst_offset, array_data(src) + src_offset, count)
    return 1
