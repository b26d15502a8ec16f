"""Decoding a method's IL bytes into instructions.

`decode(code)` walks the byte string once and returns a list of `Instruction`s: offset, opcode,
operand and the offset of the next instruction. Branch operands are turned into absolute target
offsets (relative to the *next* instruction, III.1.7.2), switch operands into a tuple of targets,
and token operands into `Token`s. Decoding is purely syntactic: it rejects undefined opcodes and
truncated operands but does not check that branch targets are instruction boundaries (the
validator and the JIT importer do, since they know the whole body).

This is on the JIT's path, so it runs on precomputed per-byte tables and avoids per-instruction
allocation beyond the Instruction itself.
"""
import struct

from ..errors import InvalidProgramError
from ..metadata.tokens import Token
from .opcodes import ONE_BYTE, OPERAND_SIZE, TWO_BYTE, PREFIX_BYTE, OperandKind, OpCode

K = OperandKind
_I8 = struct.Struct("<b")
_U16 = struct.Struct("<H")
_I32 = struct.Struct("<i")
_U32 = struct.Struct("<I")
_I64 = struct.Struct("<q")
_R4 = struct.Struct("<f")
_R8 = struct.Struct("<d")


class Instruction:
    """One decoded instruction. `operand` is an int, float, Token, target offset or tuple of targets."""

    __slots__ = ("offset", "opcode", "operand", "next")

    def __init__(self, offset: int, opcode: OpCode, operand, next_offset: int):
        self.offset = offset
        self.opcode = opcode
        self.operand = operand
        self.next = next_offset

    @property
    def size(self) -> int:
        return self.next - self.offset

    def branch_targets(self):
        """The absolute offsets this instruction may branch to (empty for non-branches)."""
        k = self.opcode.operand
        if k is K.SWITCH:
            return self.operand
        if k is K.BRANCH8 or k is K.BRANCH32:
            return (self.operand,)
        return ()

    def __repr__(self):
        op = "" if self.operand is None else f" {self.operand!r}"
        return f"IL_{self.offset:04x}: {self.opcode.name}{op}"


class ILDecodeError(InvalidProgramError):
    """The IL byte stream cannot be decoded (undefined opcode or truncated operand)."""

    def __init__(self, message: str, offset: int, where: str = ""):
        self.offset = offset
        self.where = where
        super().__init__(f"{where + ': ' if where else ''}IL offset 0x{offset:04x}: {message}")


def decode(code: bytes, where: str = "") -> list:
    """Decode a whole IL body. Raises ILDecodeError naming the offset of the first bad instruction."""
    out = []
    append = out.append
    n = len(code)
    pos = 0
    one, two = _ONE, _TWO
    u32, i32, i8 = _U32.unpack_from, _I32.unpack_from, _I8.unpack_from
    make = Instruction
    while pos < n:
        start = pos
        b = code[pos]
        if b != PREFIX_BYTE:
            op, kind, size = one[b]
            pos += 1
        elif pos + 1 < n:
            op, kind, size = two[code[pos + 1]]
            pos += 2
        else:
            raise ILDecodeError("truncated two-byte opcode", start, where)
        if kind == _NONE:
            append(make(start, op, None, pos))
            continue
        end = pos + size
        if end > n:
            if op is None:
                value = (b << 8 | code[start + 1]) if b == PREFIX_BYTE else b
                raise ILDecodeError(f"undefined opcode 0x{value:02x}", start, where)
            raise ILDecodeError(f"truncated operand of {op.name}", start, where)
        if kind == _TOKEN:
            operand = Token(u32(code, pos)[0])
        elif kind == _BR8:
            operand = end + i8(code, pos)[0]
        elif kind == _BR32:
            operand = end + i32(code, pos)[0]
        elif kind == _VAR8:
            operand = code[pos]
        elif kind == _SWITCH:
            (count,) = u32(code, pos)
            if count > (n - end) // 4:
                raise ILDecodeError(f"switch with {count} targets runs past the end of the body", start, where)
            offsets = struct.unpack_from(f"<{count}i", code, end)
            end += 4 * count
            operand = tuple(end + d for d in offsets)
        elif kind == _UNDEFINED:
            value = (b << 8 | code[start + 1]) if b == PREFIX_BYTE else b
            raise ILDecodeError(f"undefined opcode 0x{value:02x}", start, where)
        else:
            operand = _READ[kind](code, pos)[0]
        pos = end
        append(make(start, op, operand, pos))
    return out


# Per-byte decoding tables: (opcode, operand class, operand size). The operand classes are small
# ints so that the loop above compares ints, the commonest cases first.
(_NONE, _TOKEN, _BR8, _BR32, _VAR8, _SWITCH, _UNDEFINED, _C_I8, _C_U8, _C_VAR16, _C_I32, _C_I64, _C_R4,
 _C_R8) = range(14)
_KIND_CLASS = {K.NONE: _NONE, K.METHOD: _TOKEN, K.FIELD: _TOKEN, K.TYPE: _TOKEN, K.TOKEN: _TOKEN,
               K.STRING: _TOKEN, K.SIG: _TOKEN, K.BRANCH8: _BR8, K.BRANCH32: _BR32, K.VAR8: _VAR8,
               K.SWITCH: _SWITCH, K.I8: _C_I8, K.VAR16: _C_VAR16, K.I32: _C_I32, K.I64: _C_I64,
               K.R4: _C_R4, K.R8: _C_R8}
_READ = {_C_I8: _I8.unpack_from, _C_U8: struct.Struct("<B").unpack_from, _C_VAR16: _U16.unpack_from,
         _C_I32: _I32.unpack_from, _C_I64: _I64.unpack_from, _C_R4: _R4.unpack_from, _C_R8: _R8.unpack_from}


def _entry(op):
    if op is None:
        return (None, _UNDEFINED, 0)
    kind = _KIND_CLASS[op.operand]
    if kind == _C_I8 and op.value > 0xFF:
        kind = _C_U8         # unaligned. and no. take an unsigned byte; ldc.i4.s a signed one
    return (op, kind, OPERAND_SIZE[op.operand])


_ONE = tuple(_entry(op) for op in ONE_BYTE)
_TWO = tuple(_entry(op) for op in TWO_BYTE)
