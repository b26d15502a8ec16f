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
from .opcodes import ONE_BYTE, TWO_BYTE, PREFIX_BYTE, OperandKind, OpCode

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
    one, two = ONE_BYTE, TWO_BYTE
    while pos < n:
        start = pos
        b = code[pos]
        if b == PREFIX_BYTE:
            if pos + 1 >= n:
                raise ILDecodeError("truncated two-byte opcode", start, where)
            op = two[code[pos + 1]]
            pos += 2
        else:
            op = one[b]
            pos += 1
        if op is None:
            value = (code[start] << 8 | code[start + 1]) if b == PREFIX_BYTE else b
            raise ILDecodeError(f"undefined opcode 0x{value:02x}", start, where)
        k = op.operand
        if k is K.NONE:
            append(Instruction(start, op, None, pos))
            continue
        if k is K.SWITCH:
            if pos + 4 > n:
                raise ILDecodeError("truncated switch operand", start, where)
            (count,) = _U32.unpack_from(code, pos)
            pos += 4
            if count > (n - pos) // 4:
                raise ILDecodeError(f"switch with {count} targets runs past the end of the body", start, where)
            offsets = struct.unpack_from(f"<{count}i", code, pos)
            pos += 4 * count
            append(Instruction(start, op, tuple(pos + d for d in offsets), pos))
            continue
        size = _SIZES[k]
        if pos + size > n:
            raise ILDecodeError(f"truncated operand of {op.name}", start, where)
        if k in _TOKENS:
            operand = Token(_U32.unpack_from(code, pos)[0])
        elif k is K.BRANCH8:
            operand = pos + 1 + _I8.unpack_from(code, pos)[0]
        elif k is K.BRANCH32:
            operand = pos + 4 + _I32.unpack_from(code, pos)[0]
        elif k is K.VAR8:
            operand = code[pos]
        elif k is K.I8:
            # unaligned. and no. take an unsigned byte; ldc.i4.s a signed one.
            operand = code[pos] if op.value > 0xFF else _I8.unpack_from(code, pos)[0]
        elif k is K.VAR16:
            operand = _U16.unpack_from(code, pos)[0]
        elif k is K.I32:
            operand = _I32.unpack_from(code, pos)[0]
        elif k is K.I64:
            operand = _I64.unpack_from(code, pos)[0]
        elif k is K.R4:
            operand = _R4.unpack_from(code, pos)[0]
        else:
            operand = _R8.unpack_from(code, pos)[0]
        pos += size
        append(Instruction(start, op, operand, pos))
    return out


_SIZES = {K.VAR8: 1, K.VAR16: 2, K.I8: 1, K.I32: 4, K.I64: 8, K.R4: 4, K.R8: 8, K.BRANCH8: 1,
          K.BRANCH32: 4, K.METHOD: 4, K.FIELD: 4, K.TYPE: 4, K.TOKEN: 4, K.STRING: 4, K.SIG: 4}
_TOKENS = frozenset({K.METHOD, K.FIELD, K.TYPE, K.TOKEN, K.STRING, K.SIG})
