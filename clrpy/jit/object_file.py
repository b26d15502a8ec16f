"""Reading the ELF object files LLVM produces for each compiled module: symbols and line tables.

MCJIT hands every object file it generates to the engine's object cache before it links it. The
JIT keeps those bytes (they are what an on-disk native-code cache would store) and reads:
* the symbol table: where each function starts in `.text` and how large it is (`--trace=jit`,
  `jitdump`, and mapping return addresses back to methods for stack traces);
* the DWARF line table (`.debug_line`, version 4), in which the JIT records, as the "line" of each
  call instruction, the IL offset it came from plus one: that is how a stack trace gets IL offsets.

Only what that needs is decoded: ELF64 little-endian sections, `.symtab`, the `.rela.debug_line`
relocations (which put `.text` offsets into the line program) and the line-number program.
"""
import bisect
import struct

_EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
_SHDR = struct.Struct("<IIQQQQIIQQ")
_SYM = struct.Struct("<IBBHQQ")
_RELA = struct.Struct("<QQq")
SHT_SYMTAB = 2
SHT_RELA = 4
STT_FUNC = 2
R_X86_64_64 = 1


class ObjectFile:
    def __init__(self, data: bytes):
        self.data = data
        self.sections = []
        self.names = []
        if len(data) < _EHDR.size or data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            return
        e = _EHDR.unpack_from(data, 0)
        shoff, shentsize, shnum, shstrndx = e[6], e[11], e[12], e[13]
        self.sections = [_SHDR.unpack_from(data, shoff + i * shentsize) for i in range(shnum)]
        strtab = self.sections[shstrndx] if shstrndx < shnum else None
        for sh in self.sections:
            self.names.append(self._string(strtab[4], sh[0]) if strtab else "")

    def _string(self, base, offset) -> str:
        end = self.data.index(b"\0", base + offset)
        return self.data[base + offset:end].decode("utf-8", "replace")

    def section(self, name):
        for i, n in enumerate(self.names):
            if n == name:
                return i, self.sections[i]
        return None, None

    def functions(self) -> dict:
        """{name: (offset in its section, size)} of the functions defined."""
        out = {}
        for sh in self.sections:
            if sh[1] != SHT_SYMTAB:
                continue
            strtab = self.sections[sh[6]]
            for off in range(sh[4], sh[4] + sh[5], sh[9] or _SYM.size):
                name_off, info, _other, shndx, value, size = _SYM.unpack_from(self.data, off)
                if info & 0xF == STT_FUNC and shndx != 0:
                    out[self._string(strtab[4], name_off)] = (value, size)
        return out

    def line_table(self):
        """[(offset in .text, line)] rows of the DWARF line program, sorted by offset."""
        idx, sh = self.section(".debug_line")
        if sh is None:
            return []
        data = bytearray(self.data[sh[4]:sh[4] + sh[5]])
        # Apply the relocations that put .text offsets into DW_LNE_set_address operands.
        for i, rsh in enumerate(self.sections):
            if rsh[1] == SHT_RELA and rsh[7] == idx:
                for off in range(rsh[4], rsh[4] + rsh[5], rsh[9] or _RELA.size):
                    r_offset, r_info, addend = _RELA.unpack_from(self.data, off)
                    if r_info & 0xFFFFFFFF == R_X86_64_64:
                        struct.pack_into("<Q", data, r_offset, addend & 0xFFFFFFFFFFFFFFFF)
        return _run_line_program(bytes(data))


def function_sizes(obj: bytes) -> dict:
    """{symbol name: size in bytes} of the functions defined in an ELF64 object file."""
    return {name: size for name, (_value, size) in ObjectFile(obj).functions().items()}


def _uleb(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, pos


def _sleb(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            if b & 0x40:
                result -= 1 << shift
            return result, pos


def _run_line_program(data: bytes):
    """Decode DWARF 4 line-number programs (all units of the section) into (address, line) rows."""
    rows = []
    pos = 0
    while pos + 4 <= len(data):
        unit_length = struct.unpack_from("<I", data, pos)[0]
        end = pos + 4 + unit_length
        version = struct.unpack_from("<H", data, pos + 4)[0]
        header_length = struct.unpack_from("<I", data, pos + 6)[0]
        p = pos + 10
        program = p + header_length
        min_inst = data[p]
        p += 1
        if version >= 4:
            p += 1                      # maximum_operations_per_instruction
        p += 1                          # default_is_stmt
        line_base = struct.unpack_from("<b", data, p)[0]
        line_range = data[p + 1]
        opcode_base = data[p + 2]
        std_lengths = data[p + 3:p + 3 + opcode_base - 1]
        p = program
        address, line = 0, 1
        while p < end:
            op = data[p]
            p += 1
            if op >= opcode_base:
                adj = op - opcode_base
                address += (adj // line_range) * min_inst
                line += line_base + adj % line_range
                rows.append((address, line))
            elif op == 0:
                length, p = _uleb(data, p)
                sub = data[p]
                if sub == 1:                # end_sequence
                    rows.append((address, 0))
                    address, line = 0, 1
                elif sub == 2:              # set_address
                    address = struct.unpack_from("<Q", data, p + 1)[0]
                p += length
            elif op == 1:                   # copy
                rows.append((address, line))
            elif op == 2:                   # advance_pc
                n, p = _uleb(data, p)
                address += n * min_inst
            elif op == 3:                   # advance_line
                n, p = _sleb(data, p)
                line += n
            elif op == 4:                   # set_file
                _, p = _uleb(data, p)
            elif op == 5:                   # set_column
                _, p = _uleb(data, p)
            elif op in (6, 7, 10, 11):      # negate_stmt, basic_block, prologue_end, epilogue_begin
                pass
            elif op == 8:                   # const_add_pc
                address += ((255 - opcode_base) // line_range) * min_inst
            elif op == 9:                   # fixed_advance_pc
                address += struct.unpack_from("<H", data, p)[0]
                p += 2
            elif op == 12:                  # set_isa
                _, p = _uleb(data, p)
            else:                           # an unknown standard opcode: skip its operands
                for _ in range(std_lengths[op - 1]):
                    _, p = _uleb(data, p)
        pos = end
    rows.sort()
    return rows


def line_at(rows, address: int) -> int:
    """The line of the row covering `address` (0: none)."""
    i = bisect.bisect_right(rows, (address, 1 << 62)) - 1
    return rows[i][1] if i >= 0 else 0
