"""Method bodies (ECMA-335 II.25.4): the header, the IL bytes and the exception-handling sections.

A MethodDef's RVA points at a body with either a *tiny* header (one byte: format 0x2 in the low
two bits, code size in the upper six; max stack 8, no locals, no EH) or a *fat* header (twelve
bytes, 4-byte aligned: flags and header size, max stack, code size, local-variable signature
token). With the MoreSects flag, data sections follow the code at the next 4-byte boundary; the
only kind defined is the EH table, whose clauses come in a small (12 bytes) or fat (24 bytes)
form.
"""
import struct
from dataclasses import dataclass
from enum import IntEnum, IntFlag

from ..errors import BadImageError

TINY_FORMAT = 0x2
FAT_FORMAT = 0x3


class BodyFlags(IntFlag):
    TINY_FORMAT = 0x2
    FAT_FORMAT = 0x3
    MORE_SECTS = 0x8
    INIT_LOCALS = 0x10


class SectionKind(IntFlag):
    EH_TABLE = 0x1
    OPT_IL_TABLE = 0x2
    FAT_FORMAT = 0x40
    MORE_SECTS = 0x80


class ClauseKind(IntEnum):
    """COR_ILEXCEPTION_CLAUSE flags: what kind of handler protects a try block."""
    EXCEPTION = 0x0     # a typed catch (class_token names the type)
    FILTER = 0x1        # a filter block at filter_offset decides
    FINALLY = 0x2
    FAULT = 0x4


@dataclass(frozen=True, slots=True)
class ExceptionClause:
    kind: ClauseKind
    try_offset: int
    try_length: int
    handler_offset: int
    handler_length: int
    class_token: int = 0        # EXCEPTION clauses
    filter_offset: int = 0      # FILTER clauses

    @property
    def try_end(self):
        return self.try_offset + self.try_length

    @property
    def handler_end(self):
        return self.handler_offset + self.handler_length


@dataclass(frozen=True, slots=True)
class MethodBody:
    offset: int             # file offset of the header
    fat: bool
    flags: int
    max_stack: int
    code_offset: int        # file offset of the first IL byte
    code: bytes
    local_var_sig_token: int
    clauses: tuple

    @property
    def init_locals(self) -> bool:
        return bool(self.flags & BodyFlags.INIT_LOCALS)

    @property
    def code_size(self) -> int:
        return len(self.code)


_FAT = struct.Struct("<HHII")
_SMALL_CLAUSE = struct.Struct("<HHBHBI")
_FAT_CLAUSE = struct.Struct("<IIIIII")
MAX_SECTIONS = 64


def read_method_body(data, offset: int, limit: int, where: str = "") -> MethodBody:
    """Decode the body whose header is at file `offset`; nothing may extend to or past `limit`."""
    if offset >= limit:
        raise BadImageError("the method body starts past the end of its section", where=where)
    first = data[offset]
    fmt = first & 0x3
    if fmt == TINY_FORMAT:
        size = first >> 2
        start = offset + 1
        if start + size > limit:
            raise BadImageError(f"the tiny method body's {size} bytes of IL run past the end of the section",
                                where=where)
        return MethodBody(offset, False, TINY_FORMAT, 8, start, bytes(data[start:start + size]), 0, ())
    if fmt != FAT_FORMAT:
        raise BadImageError(f"invalid method header format {fmt} (byte 0x{first:02x})", where=where)
    if offset + 12 > limit:
        raise BadImageError("the fat method header runs past the end of the section", where=where)
    flags_size, max_stack, code_size, local_tok = _FAT.unpack_from(data, offset)
    flags = flags_size & 0x0FFF
    header_size = (flags_size >> 12) * 4
    if header_size < 12:
        raise BadImageError(f"fat method header size {header_size} is smaller than 12 bytes", where=where)
    start = offset + header_size
    if start + code_size > limit or code_size > limit:
        raise BadImageError(f"the method's {code_size} bytes of IL run past the end of the section", where=where)
    code = bytes(data[start:start + code_size])
    clauses = []
    if flags & BodyFlags.MORE_SECTS:
        pos = (start + code_size + 3) & ~3
        for _ in range(MAX_SECTIONS):
            if pos + 4 > limit:
                raise BadImageError("a method data section runs past the end of the section", where=where)
            kind = data[pos]
            if kind & SectionKind.FAT_FORMAT:
                sect_size = data[pos + 1] | (data[pos + 2] << 8) | (data[pos + 3] << 16)
            else:
                sect_size = data[pos + 1]
            if sect_size < 4 or pos + sect_size > limit:
                raise BadImageError(f"method data section of {sect_size} bytes is out of range", where=where)
            if kind & SectionKind.EH_TABLE:
                clauses.extend(_read_clauses(data, pos, sect_size, bool(kind & SectionKind.FAT_FORMAT), where))
            elif not kind & SectionKind.OPT_IL_TABLE:
                raise BadImageError(f"unknown method data section kind 0x{kind:02x}", where=where)
            pos += sect_size
            if not kind & SectionKind.MORE_SECTS:
                break
            pos = (pos + 3) & ~3
        else:
            raise BadImageError("too many method data sections", where=where)
    return MethodBody(offset, True, flags, max_stack, start, code, local_tok, tuple(clauses))


def _read_clauses(data, pos, sect_size, fat, where):
    out = []
    if fat:
        n = (sect_size - 4) // 24
        for i in range(n):
            f = _FAT_CLAUSE.unpack_from(data, pos + 4 + 24 * i)
            out.append(_clause(f, where))
    else:
        n = (sect_size - 4) // 12
        for i in range(n):
            f = _SMALL_CLAUSE.unpack_from(data, pos + 4 + 12 * i)
            out.append(_clause(f, where))
    return out


def _clause(f, where):
    flags, try_off, try_len, h_off, h_len, extra = f
    try:
        kind = ClauseKind(flags & 0x7)
    except ValueError:
        raise BadImageError(f"invalid exception clause flags 0x{flags:x}", where=where) from None
    if kind == ClauseKind.FILTER:
        return ExceptionClause(kind, try_off, try_len, h_off, h_len, 0, extra)
    if kind == ClauseKind.EXCEPTION:
        return ExceptionClause(kind, try_off, try_len, h_off, h_len, extra, 0)
    return ExceptionClause(kind, try_off, try_len, h_off, h_len, 0, 0)
