"""The CIL instruction set (ECMA-335 Partition III) as a table.

One row per opcode: its ilasm name, its encoding (one byte, or 0xFE plus a byte), the kind of
operand that follows it, how many stack items it pops and pushes, and its control-flow kind.
Every consumer (decoder, disassembler, validator, JIT importer) dispatches on these rows instead
of repeating opcode numbers. Pops and pushes of -1 mean "depends on the operand" (calls, `ret`).
"""
from dataclasses import dataclass
from enum import Enum


class OperandKind(Enum):
    NONE = 0                # InlineNone
    VAR8 = 1                # ShortInlineVar: unsigned 8-bit argument or local number
    VAR16 = 2               # InlineVar: unsigned 16-bit argument or local number
    I8 = 3                  # ShortInlineI: signed 8-bit integer (unsigned for unaligned. and no.)
    I32 = 4                 # InlineI
    I64 = 5                 # InlineI8
    R4 = 6                  # ShortInlineR
    R8 = 7                  # InlineR
    BRANCH8 = 8             # ShortInlineBrTarget: signed 8-bit offset from the next instruction
    BRANCH32 = 9            # InlineBrTarget
    SWITCH = 10             # InlineSwitch: count, then that many 32-bit offsets
    METHOD = 11             # InlineMethod: MethodDef, MemberRef or MethodSpec token
    FIELD = 12              # InlineField: FieldDef or MemberRef token
    TYPE = 13               # InlineType: TypeDef, TypeRef or TypeSpec token
    TOKEN = 14              # InlineTok: a type, method or field token (ldtoken)
    STRING = 15             # InlineString: a #US token (0x70...)
    SIG = 16                # InlineSig: a StandAloneSig token (calli)


OPERAND_SIZE = {OperandKind.NONE: 0, OperandKind.VAR8: 1, OperandKind.VAR16: 2, OperandKind.I8: 1,
                OperandKind.I32: 4, OperandKind.I64: 8, OperandKind.R4: 4, OperandKind.R8: 8,
                OperandKind.BRANCH8: 1, OperandKind.BRANCH32: 4, OperandKind.SWITCH: 4,
                OperandKind.METHOD: 4, OperandKind.FIELD: 4, OperandKind.TYPE: 4, OperandKind.TOKEN: 4,
                OperandKind.STRING: 4, OperandKind.SIG: 4}

TOKEN_OPERANDS = frozenset({OperandKind.METHOD, OperandKind.FIELD, OperandKind.TYPE, OperandKind.TOKEN,
                            OperandKind.STRING, OperandKind.SIG})


class Flow(Enum):
    NEXT = 0                # falls through to the next instruction
    BRANCH = 1              # unconditional branch
    COND_BRANCH = 2         # conditional branch or switch: may fall through
    CALL = 3                # a call, then falls through
    RETURN = 4              # ret, endfinally, endfilter: leaves the method or handler
    THROW = 5               # throw, rethrow
    META = 6                # a prefix: modifies the next instruction
    BREAK = 7               # break: a debugger trap, then falls through


@dataclass(frozen=True, slots=True)
class OpCode:
    name: str
    value: int              # 0x00-0xE0, or 0xFE00-0xFE1E
    operand: OperandKind
    pops: int
    pushes: int
    flow: Flow

    @property
    def size(self) -> int:
        return 2 if self.value > 0xFF else 1

    @property
    def is_prefix(self) -> bool:
        return self.flow is Flow.META

    @property
    def is_branch(self) -> bool:
        return self.operand in (OperandKind.BRANCH8, OperandKind.BRANCH32, OperandKind.SWITCH)

    @property
    def ends_block(self) -> bool:
        """Control never falls through to the next instruction."""
        return self.flow in (Flow.BRANCH, Flow.RETURN, Flow.THROW)

    def __repr__(self):
        return f"<OpCode {self.name}>"


K = OperandKind
F = Flow
V = -1      # variable pop/push count

# (value, name, operand, pops, pushes, flow)
_TABLE = [
    (0x00, "nop", K.NONE, 0, 0, F.NEXT),
    (0x01, "break", K.NONE, 0, 0, F.BREAK),
    (0x02, "ldarg.0", K.NONE, 0, 1, F.NEXT),
    (0x03, "ldarg.1", K.NONE, 0, 1, F.NEXT),
    (0x04, "ldarg.2", K.NONE, 0, 1, F.NEXT),
    (0x05, "ldarg.3", K.NONE, 0, 1, F.NEXT),
    (0x06, "ldloc.0", K.NONE, 0, 1, F.NEXT),
    (0x07, "ldloc.1", K.NONE, 0, 1, F.NEXT),
    (0x08, "ldloc.2", K.NONE, 0, 1, F.NEXT),
    (0x09, "ldloc.3", K.NONE, 0, 1, F.NEXT),
    (0x0A, "stloc.0", K.NONE, 1, 0, F.NEXT),
    (0x0B, "stloc.1", K.NONE, 1, 0, F.NEXT),
    (0x0C, "stloc.2", K.NONE, 1, 0, F.NEXT),
    (0x0D, "stloc.3", K.NONE, 1, 0, F.NEXT),
    (0x0E, "ldarg.s", K.VAR8, 0, 1, F.NEXT),
    (0x0F, "ldarga.s", K.VAR8, 0, 1, F.NEXT),
    (0x10, "starg.s", K.VAR8, 1, 0, F.NEXT),
    (0x11, "ldloc.s", K.VAR8, 0, 1, F.NEXT),
    (0x12, "ldloca.s", K.VAR8, 0, 1, F.NEXT),
    (0x13, "stloc.s", K.VAR8, 1, 0, F.NEXT),
    (0x14, "ldnull", K.NONE, 0, 1, F.NEXT),
    (0x15, "ldc.i4.m1", K.NONE, 0, 1, F.NEXT),
    (0x16, "ldc.i4.0", K.NONE, 0, 1, F.NEXT),
    (0x17, "ldc.i4.1", K.NONE, 0, 1, F.NEXT),
    (0x18, "ldc.i4.2", K.NONE, 0, 1, F.NEXT),
    (0x19, "ldc.i4.3", K.NONE, 0, 1, F.NEXT),
    (0x1A, "ldc.i4.4", K.NONE, 0, 1, F.NEXT),
    (0x1B, "ldc.i4.5", K.NONE, 0, 1, F.NEXT),
    (0x1C, "ldc.i4.6", K.NONE, 0, 1, F.NEXT),
    (0x1D, "ldc.i4.7", K.NONE, 0, 1, F.NEXT),
    (0x1E, "ldc.i4.8", K.NONE, 0, 1, F.NEXT),
    (0x1F, "ldc.i4.s", K.I8, 0, 1, F.NEXT),
    (0x20, "ldc.i4", K.I32, 0, 1, F.NEXT),
    (0x21, "ldc.i8", K.I64, 0, 1, F.NEXT),
    (0x22, "ldc.r4", K.R4, 0, 1, F.NEXT),
    (0x23, "ldc.r8", K.R8, 0, 1, F.NEXT),
    (0x25, "dup", K.NONE, 1, 2, F.NEXT),
    (0x26, "pop", K.NONE, 1, 0, F.NEXT),
    (0x27, "jmp", K.METHOD, 0, 0, F.CALL),
    (0x28, "call", K.METHOD, V, V, F.CALL),
    (0x29, "calli", K.SIG, V, V, F.CALL),
    (0x2A, "ret", K.NONE, V, 0, F.RETURN),
    (0x2B, "br.s", K.BRANCH8, 0, 0, F.BRANCH),
    (0x2C, "brfalse.s", K.BRANCH8, 1, 0, F.COND_BRANCH),
    (0x2D, "brtrue.s", K.BRANCH8, 1, 0, F.COND_BRANCH),
    (0x2E, "beq.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x2F, "bge.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x30, "bgt.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x31, "ble.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x32, "blt.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x33, "bne.un.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x34, "bge.un.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x35, "bgt.un.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x36, "ble.un.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x37, "blt.un.s", K.BRANCH8, 2, 0, F.COND_BRANCH),
    (0x38, "br", K.BRANCH32, 0, 0, F.BRANCH),
    (0x39, "brfalse", K.BRANCH32, 1, 0, F.COND_BRANCH),
    (0x3A, "brtrue", K.BRANCH32, 1, 0, F.COND_BRANCH),
    (0x3B, "beq", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x3C, "bge", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x3D, "bgt", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x3E, "ble", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x3F, "blt", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x40, "bne.un", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x41, "bge.un", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x42, "bgt.un", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x43, "ble.un", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x44, "blt.un", K.BRANCH32, 2, 0, F.COND_BRANCH),
    (0x45, "switch", K.SWITCH, 1, 0, F.COND_BRANCH),
    (0x46, "ldind.i1", K.NONE, 1, 1, F.NEXT),
    (0x47, "ldind.u1", K.NONE, 1, 1, F.NEXT),
    (0x48, "ldind.i2", K.NONE, 1, 1, F.NEXT),
    (0x49, "ldind.u2", K.NONE, 1, 1, F.NEXT),
    (0x4A, "ldind.i4", K.NONE, 1, 1, F.NEXT),
    (0x4B, "ldind.u4", K.NONE, 1, 1, F.NEXT),
    (0x4C, "ldind.i8", K.NONE, 1, 1, F.NEXT),
    (0x4D, "ldind.i", K.NONE, 1, 1, F.NEXT),
    (0x4E, "ldind.r4", K.NONE, 1, 1, F.NEXT),
    (0x4F, "ldind.r8", K.NONE, 1, 1, F.NEXT),
    (0x50, "ldind.ref", K.NONE, 1, 1, F.NEXT),
    (0x51, "stind.ref", K.NONE, 2, 0, F.NEXT),
    (0x52, "stind.i1", K.NONE, 2, 0, F.NEXT),
    (0x53, "stind.i2", K.NONE, 2, 0, F.NEXT),
    (0x54, "stind.i4", K.NONE, 2, 0, F.NEXT),
    (0x55, "stind.i8", K.NONE, 2, 0, F.NEXT),
    (0x56, "stind.r4", K.NONE, 2, 0, F.NEXT),
    (0x57, "stind.r8", K.NONE, 2, 0, F.NEXT),
    (0x58, "add", K.NONE, 2, 1, F.NEXT),
    (0x59, "sub", K.NONE, 2, 1, F.NEXT),
    (0x5A, "mul", K.NONE, 2, 1, F.NEXT),
    (0x5B, "div", K.NONE, 2, 1, F.NEXT),
    (0x5C, "div.un", K.NONE, 2, 1, F.NEXT),
    (0x5D, "rem", K.NONE, 2, 1, F.NEXT),
    (0x5E, "rem.un", K.NONE, 2, 1, F.NEXT),
    (0x5F, "and", K.NONE, 2, 1, F.NEXT),
    (0x60, "or", K.NONE, 2, 1, F.NEXT),
    (0x61, "xor", K.NONE, 2, 1, F.NEXT),
    (0x62, "shl", K.NONE, 2, 1, F.NEXT),
    (0x63, "shr", K.NONE, 2, 1, F.NEXT),
    (0x64, "shr.un", K.NONE, 2, 1, F.NEXT),
    (0x65, "neg", K.NONE, 1, 1, F.NEXT),
    (0x66, "not", K.NONE, 1, 1, F.NEXT),
    (0x67, "conv.i1", K.NONE, 1, 1, F.NEXT),
    (0x68, "conv.i2", K.NONE, 1, 1, F.NEXT),
    (0x69, "conv.i4", K.NONE, 1, 1, F.NEXT),
    (0x6A, "conv.i8", K.NONE, 1, 1, F.NEXT),
    (0x6B, "conv.r4", K.NONE, 1, 1, F.NEXT),
    (0x6C, "conv.r8", K.NONE, 1, 1, F.NEXT),
    (0x6D, "conv.u4", K.NONE, 1, 1, F.NEXT),
    (0x6E, "conv.u8", K.NONE, 1, 1, F.NEXT),
    (0x6F, "callvirt", K.METHOD, V, V, F.CALL),
    (0x70, "cpobj", K.TYPE, 2, 0, F.NEXT),
    (0x71, "ldobj", K.TYPE, 1, 1, F.NEXT),
    (0x72, "ldstr", K.STRING, 0, 1, F.NEXT),
    (0x73, "newobj", K.METHOD, V, 1, F.CALL),
    (0x74, "castclass", K.TYPE, 1, 1, F.NEXT),
    (0x75, "isinst", K.TYPE, 1, 1, F.NEXT),
    (0x76, "conv.r.un", K.NONE, 1, 1, F.NEXT),
    (0x79, "unbox", K.TYPE, 1, 1, F.NEXT),
    (0x7A, "throw", K.NONE, 1, 0, F.THROW),
    (0x7B, "ldfld", K.FIELD, 1, 1, F.NEXT),
    (0x7C, "ldflda", K.FIELD, 1, 1, F.NEXT),
    (0x7D, "stfld", K.FIELD, 2, 0, F.NEXT),
    (0x7E, "ldsfld", K.FIELD, 0, 1, F.NEXT),
    (0x7F, "ldsflda", K.FIELD, 0, 1, F.NEXT),
    (0x80, "stsfld", K.FIELD, 1, 0, F.NEXT),
    (0x81, "stobj", K.TYPE, 2, 0, F.NEXT),
    (0x82, "conv.ovf.i1.un", K.NONE, 1, 1, F.NEXT),
    (0x83, "conv.ovf.i2.un", K.NONE, 1, 1, F.NEXT),
    (0x84, "conv.ovf.i4.un", K.NONE, 1, 1, F.NEXT),
    (0x85, "conv.ovf.i8.un", K.NONE, 1, 1, F.NEXT),
    (0x86, "conv.ovf.u1.un", K.NONE, 1, 1, F.NEXT),
    (0x87, "conv.ovf.u2.un", K.NONE, 1, 1, F.NEXT),
    (0x88, "conv.ovf.u4.un", K.NONE, 1, 1, F.NEXT),
    (0x89, "conv.ovf.u8.un", K.NONE, 1, 1, F.NEXT),
    (0x8A, "conv.ovf.i.un", K.NONE, 1, 1, F.NEXT),
    (0x8B, "conv.ovf.u.un", K.NONE, 1, 1, F.NEXT),
    (0x8C, "box", K.TYPE, 1, 1, F.NEXT),
    (0x8D, "newarr", K.TYPE, 1, 1, F.NEXT),
    (0x8E, "ldlen", K.NONE, 1, 1, F.NEXT),
    (0x8F, "ldelema", K.TYPE, 2, 1, F.NEXT),
    (0x90, "ldelem.i1", K.NONE, 2, 1, F.NEXT),
    (0x91, "ldelem.u1", K.NONE, 2, 1, F.NEXT),
    (0x92, "ldelem.i2", K.NONE, 2, 1, F.NEXT),
    (0x93, "ldelem.u2", K.NONE, 2, 1, F.NEXT),
    (0x94, "ldelem.i4", K.NONE, 2, 1, F.NEXT),
    (0x95, "ldelem.u4", K.NONE, 2, 1, F.NEXT),
    (0x96, "ldelem.i8", K.NONE, 2, 1, F.NEXT),
    (0x97, "ldelem.i", K.NONE, 2, 1, F.NEXT),
    (0x98, "ldelem.r4", K.NONE, 2, 1, F.NEXT),
    (0x99, "ldelem.r8", K.NONE, 2, 1, F.NEXT),
    (0x9A, "ldelem.ref", K.NONE, 2, 1, F.NEXT),
    (0x9B, "stelem.i", K.NONE, 3, 0, F.NEXT),
    (0x9C, "stelem.i1", K.NONE, 3, 0, F.NEXT),
    (0x9D, "stelem.i2", K.NONE, 3, 0, F.NEXT),
    (0x9E, "stelem.i4", K.NONE, 3, 0, F.NEXT),
    (0x9F, "stelem.i8", K.NONE, 3, 0, F.NEXT),
    (0xA0, "stelem.r4", K.NONE, 3, 0, F.NEXT),
    (0xA1, "stelem.r8", K.NONE, 3, 0, F.NEXT),
    (0xA2, "stelem.ref", K.NONE, 3, 0, F.NEXT),
    (0xA3, "ldelem", K.TYPE, 2, 1, F.NEXT),
    (0xA4, "stelem", K.TYPE, 3, 0, F.NEXT),
    (0xA5, "unbox.any", K.TYPE, 1, 1, F.NEXT),
    (0xB3, "conv.ovf.i1", K.NONE, 1, 1, F.NEXT),
    (0xB4, "conv.ovf.u1", K.NONE, 1, 1, F.NEXT),
    (0xB5, "conv.ovf.i2", K.NONE, 1, 1, F.NEXT),
    (0xB6, "conv.ovf.u2", K.NONE, 1, 1, F.NEXT),
    (0xB7, "conv.ovf.i4", K.NONE, 1, 1, F.NEXT),
    (0xB8, "conv.ovf.u4", K.NONE, 1, 1, F.NEXT),
    (0xB9, "conv.ovf.i8", K.NONE, 1, 1, F.NEXT),
    (0xBA, "conv.ovf.u8", K.NONE, 1, 1, F.NEXT),
    (0xC2, "refanyval", K.TYPE, 1, 1, F.NEXT),
    (0xC3, "ckfinite", K.NONE, 1, 1, F.NEXT),
    (0xC6, "mkrefany", K.TYPE, 1, 1, F.NEXT),
    (0xD0, "ldtoken", K.TOKEN, 0, 1, F.NEXT),
    (0xD1, "conv.u2", K.NONE, 1, 1, F.NEXT),
    (0xD2, "conv.u1", K.NONE, 1, 1, F.NEXT),
    (0xD3, "conv.i", K.NONE, 1, 1, F.NEXT),
    (0xD4, "conv.ovf.i", K.NONE, 1, 1, F.NEXT),
    (0xD5, "conv.ovf.u", K.NONE, 1, 1, F.NEXT),
    (0xD6, "add.ovf", K.NONE, 2, 1, F.NEXT),
    (0xD7, "add.ovf.un", K.NONE, 2, 1, F.NEXT),
    (0xD8, "mul.ovf", K.NONE, 2, 1, F.NEXT),
    (0xD9, "mul.ovf.un", K.NONE, 2, 1, F.NEXT),
    (0xDA, "sub.ovf", K.NONE, 2, 1, F.NEXT),
    (0xDB, "sub.ovf.un", K.NONE, 2, 1, F.NEXT),
    (0xDC, "endfinally", K.NONE, 0, 0, F.RETURN),
    (0xDD, "leave", K.BRANCH32, 0, 0, F.BRANCH),
    (0xDE, "leave.s", K.BRANCH8, 0, 0, F.BRANCH),
    (0xDF, "stind.i", K.NONE, 2, 0, F.NEXT),
    (0xE0, "conv.u", K.NONE, 1, 1, F.NEXT),
    (0xFE00, "arglist", K.NONE, 0, 1, F.NEXT),
    (0xFE01, "ceq", K.NONE, 2, 1, F.NEXT),
    (0xFE02, "cgt", K.NONE, 2, 1, F.NEXT),
    (0xFE03, "cgt.un", K.NONE, 2, 1, F.NEXT),
    (0xFE04, "clt", K.NONE, 2, 1, F.NEXT),
    (0xFE05, "clt.un", K.NONE, 2, 1, F.NEXT),
    (0xFE06, "ldftn", K.METHOD, 0, 1, F.NEXT),
    (0xFE07, "ldvirtftn", K.METHOD, 1, 1, F.NEXT),
    (0xFE09, "ldarg", K.VAR16, 0, 1, F.NEXT),
    (0xFE0A, "ldarga", K.VAR16, 0, 1, F.NEXT),
    (0xFE0B, "starg", K.VAR16, 1, 0, F.NEXT),
    (0xFE0C, "ldloc", K.VAR16, 0, 1, F.NEXT),
    (0xFE0D, "ldloca", K.VAR16, 0, 1, F.NEXT),
    (0xFE0E, "stloc", K.VAR16, 1, 0, F.NEXT),
    (0xFE0F, "localloc", K.NONE, 1, 1, F.NEXT),
    (0xFE11, "endfilter", K.NONE, 1, 0, F.RETURN),
    (0xFE12, "unaligned.", K.I8, 0, 0, F.META),
    (0xFE13, "volatile.", K.NONE, 0, 0, F.META),
    (0xFE14, "tail.", K.NONE, 0, 0, F.META),
    (0xFE15, "initobj", K.TYPE, 1, 0, F.NEXT),
    (0xFE16, "constrained.", K.TYPE, 0, 0, F.META),
    (0xFE17, "cpblk", K.NONE, 3, 0, F.NEXT),
    (0xFE18, "initblk", K.NONE, 3, 0, F.NEXT),
    (0xFE19, "no.", K.I8, 0, 0, F.META),
    (0xFE1A, "rethrow", K.NONE, 0, 0, F.THROW),
    (0xFE1C, "sizeof", K.TYPE, 0, 1, F.NEXT),
    (0xFE1D, "refanytype", K.NONE, 1, 1, F.NEXT),
    (0xFE1E, "readonly.", K.NONE, 0, 0, F.META),
]

OPCODES = tuple(OpCode(name, value, operand, pops, pushes, flow)
                for value, name, operand, pops, pushes, flow in _TABLE)
BY_NAME = {op.name: op for op in OPCODES}
BY_VALUE = {op.value: op for op in OPCODES}

# Dense lookup tables for the decoder: index by the (second) byte, None where undefined.
ONE_BYTE = tuple(BY_VALUE.get(b) for b in range(256))
TWO_BYTE = tuple(BY_VALUE.get(0xFE00 | b) for b in range(256))
PREFIX_BYTE = 0xFE


class _Names:
    """Attribute access to opcodes: `Op.ldarg_0`, `Op.conv_ovf_i4_un`, `Op.tail_`."""

    def __getattr__(self, attr):
        name = attr.rstrip("_").replace("_", ".") + ("." if attr.endswith("_") else "")
        try:
            return BY_NAME[name]
        except KeyError:
            raise AttributeError(attr) from None


Op = _Names()
