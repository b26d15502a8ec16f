"""Checks of the PE/COFF layer: what the operating system's loader (and the CLR's PE decoder)
requires before it will map the image at all.

`PEFile` already refused files whose headers cannot be read; here we check that what was read is
consistent: the machine matches the optional header's format, alignments are sane, sections lie
in the file, do not overlap each other or the headers, and are in ascending address order (so an
RVA maps to exactly one place), and every data directory lies inside a section.
"""
from ..metadata.pe import DataDirectoryIndex, FileCharacteristics, Machine, PE32PLUS_MAGIC

SECTION_HEADER_SIZE = 40

# Machines a managed image may declare. ReadyToRun images XOR the machine with an OS value;
# those count as the underlying machine.
_MACHINES_PE32 = {Machine.I386, 0x1C0, Machine.ARMNT}
_MACHINES_PE32PLUS = {Machine.AMD64, Machine.ARM64, Machine.IA64}
_R2R_OS_XOR = (0, 0x4644, 0x7B79, 0xADC4, 0x1993)        # none, Apple, Linux, FreeBSD, NetBSD


def _pow2(n: int) -> bool:
    return n > 0 and n & (n - 1) == 0


def _align_up(n: int, a: int) -> int:
    return (n + a - 1) // a * a if a > 0 else n


def check_pe(pe, problems):
    """Check the COFF and optional headers, the section table and the data directories."""
    data_len = len(pe.data)
    coff, opt = pe.coff, pe.optional

    # -- COFF header and optional header -------------------------------------------------------
    machine = coff.machine
    base_machines = {machine ^ x for x in _R2R_OS_XOR}
    if opt.magic == PE32PLUS_MAGIC:
        if not base_machines & _MACHINES_PE32PLUS:
            problems.add("COFF header", f"machine 0x{machine:04x} is not a 64-bit machine, but the optional "
                                        "header is PE32+")
    elif not base_machines & _MACHINES_PE32:
        problems.add("COFF header", f"machine 0x{machine:04x} is not a 32-bit machine a managed PE32 image "
                                    "may declare (0x14c, 0x1c0 or 0x1c4)")
    if not coff.characteristics & FileCharacteristics.EXECUTABLE_IMAGE:
        problems.add("COFF header", f"characteristics 0x{coff.characteristics:04x} lack IMAGE_FILE_EXECUTABLE_IMAGE "
                                    "(0x0002): this is not a loadable image")
    fa, sa = opt.file_alignment, opt.section_alignment
    if not _pow2(fa) or not 0x200 <= fa <= 0x10000:
        problems.add("optional header", f"file alignment 0x{fa:x} is not a power of two from 0x200 to 0x10000")
        fa = 0
    if not _pow2(sa) or (fa and sa < fa):
        problems.add("optional header", f"section alignment 0x{sa:x} is not a power of two at least as large "
                                        "as the file alignment")
        sa = 0
    if opt.size_of_headers > data_len:
        problems.add("optional header", f"SizeOfHeaders (0x{opt.size_of_headers:x}) is larger than the file "
                                        f"({data_len} bytes)")
    table_end = pe.section_table_offset + SECTION_HEADER_SIZE * len(pe.sections)
    if table_end > opt.size_of_headers:
        problems.add("section table", f"the section table ends at file offset 0x{table_end:x}, past SizeOfHeaders "
                                      f"(0x{opt.size_of_headers:x})")

    # -- sections ------------------------------------------------------------------------------
    prev = None
    image_end = 0
    for i, s in enumerate(pe.sections):
        where = f"section {i} '{s.name}'"
        span = max(s.virtual_size, s.size_of_raw_data)
        if s.size_of_raw_data:
            end = s.pointer_to_raw_data + s.size_of_raw_data
            if end > data_len:
                problems.add(where, f"raw data (file offset 0x{s.pointer_to_raw_data:x}, {s.size_of_raw_data} bytes) "
                                    f"runs past the end of the file ({data_len} bytes)")
            if s.pointer_to_raw_data < opt.size_of_headers:
                problems.add(where, f"raw data at file offset 0x{s.pointer_to_raw_data:x} overlaps the headers "
                                    f"(SizeOfHeaders 0x{opt.size_of_headers:x})")
            if fa and s.pointer_to_raw_data % fa:
                problems.add(where, f"raw data offset 0x{s.pointer_to_raw_data:x} is not a multiple of the file "
                                    f"alignment 0x{fa:x}")
        if sa and s.virtual_address % sa:
            problems.add(where, f"virtual address 0x{s.virtual_address:x} is not a multiple of the section "
                                f"alignment 0x{sa:x}")
        if s.virtual_address < opt.size_of_headers:
            problems.add(where, f"virtual address 0x{s.virtual_address:x} lies within the headers "
                                f"(SizeOfHeaders 0x{opt.size_of_headers:x})")
        if prev is not None:
            pspan = max(prev.virtual_size, prev.size_of_raw_data)
            if s.virtual_address < prev.virtual_address + pspan:
                problems.add(where, f"virtual range 0x{s.virtual_address:x}-0x{s.virtual_address + span:x} overlaps "
                                    f"or precedes section '{prev.name}' (0x{prev.virtual_address:x}-"
                                    f"0x{prev.virtual_address + pspan:x}); sections must be in ascending, "
                                    "disjoint address order")
        prev = s
        image_end = max(image_end, s.virtual_address + _align_up(s.virtual_size or s.size_of_raw_data, sa or 1))
    raw = sorted((s.pointer_to_raw_data, s.size_of_raw_data, s.name) for s in pe.sections if s.size_of_raw_data)
    for (a_off, a_size, a_name), (b_off, _b_size, b_name) in zip(raw, raw[1:]):
        if a_off + a_size > b_off:
            problems.add(f"section '{b_name}'", f"raw data at file offset 0x{b_off:x} overlaps the raw data of "
                                                f"section '{a_name}' (0x{a_off:x}-0x{a_off + a_size:x})")
    if opt.size_of_image < image_end:
        problems.add("optional header", f"SizeOfImage (0x{opt.size_of_image:x}) is smaller than the end of the "
                                        f"last section (0x{image_end:x})")

    # -- data directories -------------------------------------------------------------------------
    for i, d in enumerate(pe.directories):
        if d.size == 0 and d.rva == 0:
            continue
        name = DataDirectoryIndex(i).name
        where = f"data directory {i} ({name})"
        if i == DataDirectoryIndex.SECURITY:
            # The certificate table is addressed by file offset, not RVA, and is not mapped.
            if d.rva + d.size > data_len:
                problems.add(where, f"file offset 0x{d.rva:x} (+{d.size} bytes) runs past the end of the file")
            continue
        if i == DataDirectoryIndex.RESERVED:
            problems.add(where, "the reserved data directory must be zero")
            continue
        if d.size == 0:
            continue
        if d.rva == 0:
            problems.add(where, f"{d.size} bytes at RVA 0")
            continue
        reason = range_problem(pe, d.rva, d.size)
        if reason:
            problems.add(where, reason)


def check_directory_in_image(pe, problems, where: str, rva: int, size: int):
    """A (RVA, size) range named by a header must lie in one section's raw data."""
    if rva == 0 and size == 0:
        return True
    if rva == 0 or size == 0:
        problems.add(where, f"RVA 0x{rva:x} with size {size}: one is zero and the other is not")
        return False
    reason = range_problem(pe, rva, size)
    if reason:
        problems.add(where, reason)
        return False
    return True


def range_problem(pe, rva: int, size: int):
    """Why `size` bytes at `rva` are not readable from one section's raw data (or the headers), or None."""
    s = pe.section_for_rva(rva)
    if s is None:
        if rva + size <= min(pe.optional.size_of_headers, len(pe.data)):
            return None
        return f"RVA 0x{rva:x} (+{size} bytes) is not inside any section"
    span = max(s.virtual_size, s.size_of_raw_data)
    if rva + size > s.virtual_address + span:
        return f"RVA 0x{rva:x} (+{size} bytes) runs past the end of section '{s.name}'"
    offset = rva - s.virtual_address + s.pointer_to_raw_data
    if offset + size > min(s.pointer_to_raw_data + s.size_of_raw_data, len(pe.data)):
        return (f"RVA 0x{rva:x} (+{size} bytes) lies beyond the data of section '{s.name}' present in the "
                "file")
    return None
