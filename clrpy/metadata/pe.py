"""PE/COFF: the part of the operating system's loader that finds a managed module's CLI header.

A .NET assembly is an ordinary PE/COFF file (ECMA-335 Partition II §25): a DOS stub whose
`e_lfanew` field points at the "PE\\0\\0" signature, a COFF file header, an optional header
(PE32 or PE32+) ending in sixteen data directories, and a section table. Data directory 14 (the
"COM descriptor" or CLI header) is what makes the file a managed module; everything else the CLR
needs is reached from it through RVAs (relative virtual addresses), which `rva_to_offset` maps
to file offsets through the section table.

The file is mapped, not read: `PEFile.data` is an mmap (or a bytes object for in-memory images)
and every later layer reads from it lazily.
"""
import mmap
import os
import struct
from dataclasses import dataclass
from enum import IntEnum, IntFlag

from ..errors import BadImageError, NotManagedModuleError
from .binary import unpack, U16, U32

DOS_MAGIC = b"MZ"
PE_SIGNATURE = b"PE\0\0"
PE32_MAGIC = 0x10B
PE32PLUS_MAGIC = 0x20B
MAX_SECTIONS = 96           # the PE specification's limit; more means a corrupt header


class Machine(IntEnum):
    I386 = 0x14C
    AMD64 = 0x8664
    ARM = 0x1C4
    ARMNT = 0x1C4
    ARM64 = 0xAA64
    IA64 = 0x200


class DataDirectoryIndex(IntEnum):
    EXPORT = 0
    IMPORT = 1
    RESOURCE = 2
    EXCEPTION = 3
    SECURITY = 4
    BASERELOC = 5
    DEBUG = 6
    ARCHITECTURE = 7
    GLOBALPTR = 8
    TLS = 9
    LOAD_CONFIG = 10
    BOUND_IMPORT = 11
    IAT = 12
    DELAY_IMPORT = 13
    CLR_RUNTIME_HEADER = 14
    RESERVED = 15


class FileCharacteristics(IntFlag):
    RELOCS_STRIPPED = 0x0001
    EXECUTABLE_IMAGE = 0x0002
    LARGE_ADDRESS_AWARE = 0x0020
    MACHINE_32BIT = 0x0100
    DEBUG_STRIPPED = 0x0200
    SYSTEM = 0x1000
    DLL = 0x2000


class SectionCharacteristics(IntFlag):
    CNT_CODE = 0x00000020
    CNT_INITIALIZED_DATA = 0x00000040
    CNT_UNINITIALIZED_DATA = 0x00000080
    MEM_DISCARDABLE = 0x02000000
    MEM_EXECUTE = 0x20000000
    MEM_READ = 0x40000000
    MEM_WRITE = 0x80000000


@dataclass(frozen=True, slots=True)
class DataDirectory:
    rva: int
    size: int


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    virtual_size: int
    virtual_address: int
    size_of_raw_data: int
    pointer_to_raw_data: int
    characteristics: int

    def contains_rva(self, rva: int) -> bool:
        span = max(self.virtual_size, self.size_of_raw_data)
        return self.virtual_address <= rva < self.virtual_address + span


@dataclass(frozen=True, slots=True)
class CoffHeader:
    machine: int
    number_of_sections: int
    time_date_stamp: int
    pointer_to_symbol_table: int
    number_of_symbols: int
    size_of_optional_header: int
    characteristics: int


@dataclass(frozen=True, slots=True)
class OptionalHeader:
    magic: int
    major_linker_version: int
    minor_linker_version: int
    size_of_code: int
    address_of_entry_point: int
    image_base: int
    section_alignment: int
    file_alignment: int
    major_subsystem_version: int
    subsystem: int
    dll_characteristics: int
    size_of_image: int
    size_of_headers: int
    number_of_rva_and_sizes: int

    @property
    def is_pe32_plus(self) -> bool:
        return self.magic == PE32PLUS_MAGIC


_COFF = struct.Struct("<HHIIIHH")
# Standard fields + the Windows-specific fields up to NumberOfRvaAndSizes, for both formats.
_OPT32 = struct.Struct("<HBBIIIIII" "IIIHHHHHHIIIIHHIIIIII")
_OPT64 = struct.Struct("<HBBIIIII" "QIIHHHHHHIIIIHHQQQQII")
_DIRECTORY = struct.Struct("<II")
_SECTION = struct.Struct("<8sIIIIIIHHI")


class PEFile:
    """A mapped PE/COFF file: headers, data directories, sections and RVA translation.

    Raises NotManagedModuleError when the file is not a PE at all, BadImageError when it is a
    PE whose headers are inconsistent.
    """

    def __init__(self, data, path=None):
        self.data = data
        self.path = path
        self._mapping = None
        self._parse()

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def open(cls, path):
        """Map `path` read-only and parse its headers."""
        try:
            with open(path, "rb") as f:
                size = os.fstat(f.fileno()).st_size
                if size == 0:
                    raise NotManagedModuleError("the file is empty", path=path)
                mapping = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except OSError as e:
            raise BadImageError(f"cannot read the file: {e.strerror}", path=path) from None
        try:
            pe = cls(mapping, path)
        except BadImageError as e:
            mapping.close()
            raise e.with_path(path)
        pe._mapping = mapping
        return pe

    def close(self):
        if self._mapping is not None:
            self._mapping.close()
            self._mapping = None

    # -- header parsing ------------------------------------------------------------------------
    def _parse(self):
        data = self.data
        if len(data) < 64 or data[0:2] != DOS_MAGIC:
            raise NotManagedModuleError(self._what_is_it())
        (lfanew,) = unpack(U32, data, 0x3C, "DOS header e_lfanew")
        if lfanew + 4 > len(data) or data[lfanew:lfanew + 4] != PE_SIGNATURE:
            raise NotManagedModuleError(
                f"the DOS header's e_lfanew (0x{lfanew:x}) does not point at a PE signature; "
                "this is a DOS program or a damaged file, not a PE/COFF image")
        coff_at = lfanew + 4
        self.coff = CoffHeader(*unpack(_COFF, data, coff_at, "COFF file header"))
        opt_at = coff_at + _COFF.size
        if self.coff.size_of_optional_header == 0:
            raise NotManagedModuleError("the PE file has no optional header (an object file, not an image)")
        (magic,) = unpack(U16, data, opt_at, "optional header magic")
        if magic == PE32_MAGIC:
            f = unpack(_OPT32, data, opt_at, "PE32 optional header")
            # Field indices follow the PE specification's order; PE32 has BaseOfData (index 8).
            opt = OptionalHeader(f[0], f[1], f[2], f[3], f[6], f[9], f[10], f[11], f[16], f[22], f[23], f[19], f[20], f[29])
            fixed = _OPT32.size
        elif magic == PE32PLUS_MAGIC:
            f = unpack(_OPT64, data, opt_at, "PE32+ optional header")
            opt = OptionalHeader(f[0], f[1], f[2], f[3], f[6], f[8], f[9], f[10], f[15], f[21], f[22], f[18], f[19], f[28])
            fixed = _OPT64.size
        else:
            raise BadImageError(f"unknown optional header magic 0x{magic:x} (expected 0x10b for PE32 "
                                f"or 0x20b for PE32+)", where=f"file offset 0x{opt_at:x}")
        self.optional = opt
        ndirs = opt.number_of_rva_and_sizes
        if ndirs > 16 or fixed + ndirs * 8 > self.coff.size_of_optional_header:
            raise BadImageError(f"the optional header claims {ndirs} data directories, which do not fit "
                                f"in its {self.coff.size_of_optional_header} bytes",
                                where=f"file offset 0x{opt_at:x}")
        dirs = []
        for i in range(ndirs):
            dirs.append(DataDirectory(*unpack(_DIRECTORY, data, opt_at + fixed + 8 * i, f"data directory {i}")))
        while len(dirs) < 16:
            dirs.append(DataDirectory(0, 0))
        self.directories = dirs

        nsec = self.coff.number_of_sections
        if nsec == 0 or nsec > MAX_SECTIONS:
            raise BadImageError(f"the COFF header declares {nsec} sections (expected 1 to {MAX_SECTIONS})",
                                where=f"file offset 0x{coff_at:x}")
        sec_at = opt_at + self.coff.size_of_optional_header
        sections = []
        for i in range(nsec):
            raw = unpack(_SECTION, data, sec_at + i * _SECTION.size, f"section header {i}")
            name = raw[0].rstrip(b"\0").decode("latin-1")
            sections.append(Section(name, raw[1], raw[2], raw[3], raw[4], raw[9]))
        self.sections = sections
        self.section_table_offset = sec_at

    def _what_is_it(self) -> str:
        """A human reason for a file that does not even start like a PE."""
        head = bytes(self.data[0:4])
        if head == b"\x7fELF":
            return "this is an ELF binary (a native Linux program or library), not a PE/COFF image"
        if head[:2] == b"#!":
            return "this is a script (it starts with #!), not a PE/COFF image"
        if len(self.data) < 64:
            return f"the file is only {len(self.data)} bytes, too short for a DOS header"
        sample = bytes(self.data[0:512])
        if sample and all(32 <= b < 127 or b in (9, 10, 13) for b in sample):
            return "this is a text file, not a PE/COFF image (no 'MZ' DOS header)"
        return "the file does not start with the 'MZ' DOS header of a PE/COFF image"

    # -- queries -------------------------------------------------------------------------------
    def directory(self, index: int) -> DataDirectory:
        return self.directories[index]

    def section_for_rva(self, rva: int):
        for s in self.sections:
            if s.contains_rva(rva):
                return s
        return None

    def rva_to_offset(self, rva: int, size: int = 0, what: str = "data") -> int:
        """Translate an RVA to a file offset, checking that `size` bytes from it lie in the file."""
        s = self.section_for_rva(rva)
        if s is None:
            # Headers are mapped 1:1 below the first section.
            if 0 <= rva and rva + size <= self.optional.size_of_headers and rva + size <= len(self.data):
                return rva
            raise BadImageError(f"{what}: RVA 0x{rva:x} is not inside any section")
        offset = rva - s.virtual_address + s.pointer_to_raw_data
        end_in_section = s.pointer_to_raw_data + s.size_of_raw_data
        if offset + size > end_in_section or offset + size > len(self.data):
            raise BadImageError(f"{what}: RVA 0x{rva:x} (+{size} bytes) runs past the end of section "
                                f"'{s.name}' or of the file")
        return offset

    def read_rva(self, rva: int, size: int, what: str = "data") -> bytes:
        off = self.rva_to_offset(rva, size, what)
        return bytes(self.data[off:off + size])

    @property
    def is_dll(self) -> bool:
        return bool(self.coff.characteristics & FileCharacteristics.DLL)
