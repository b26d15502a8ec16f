"""Reading the symbol table of the ELF object files LLVM produces for each compiled module.

MCJIT hands every object file it generates to the engine's object cache before it links it. The
JIT keeps those bytes (they are what an on-disk native-code cache would store) and reads their
symbol tables to learn how large each compiled function is, for `--trace=jit` and `jitdump`.
Only what that needs is decoded: ELF64 little-endian section headers and `.symtab` entries.
"""
import struct

_EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
_SHDR = struct.Struct("<IIQQQQIIQQ")
_SYM = struct.Struct("<IBBHQQ")
SHT_SYMTAB = 2
STT_FUNC = 2


def function_sizes(obj: bytes) -> dict:
    """{symbol name: size in bytes} of the functions defined in an ELF64 object file."""
    if len(obj) < _EHDR.size or obj[:4] != b"\x7fELF" or obj[4] != 2 or obj[5] != 1:
        return {}
    e = _EHDR.unpack_from(obj, 0)
    shoff, shentsize, shnum = e[6], e[11], e[12]
    sections = [_SHDR.unpack_from(obj, shoff + i * shentsize) for i in range(shnum)]
    sizes = {}
    for sh in sections:
        if sh[1] != SHT_SYMTAB:
            continue
        strtab = sections[sh[6]]
        str_off = strtab[4]
        for off in range(sh[4], sh[4] + sh[5], sh[9] or _SYM.size):
            name_off, info, _other, shndx, _value, size = _SYM.unpack_from(obj, off)
            if info & 0xF == STT_FUNC and shndx != 0:
                end = obj.index(b"\0", str_off + name_off)
                sizes[obj[str_off + name_off:end].decode("utf-8", "replace")] = size
    return sizes
