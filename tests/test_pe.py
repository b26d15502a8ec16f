"""PE/COFF headers, the CLI header and the metadata root of real images, and the "not a managed
module" diagnosis of files that are not .NET assemblies."""
import struct

import pytest

from clrpy.errors import BadImageError, NotManagedModuleError
from clrpy.metadata import Module
from clrpy.metadata.cli_header import CliFlags
from clrpy.metadata.pe import DataDirectoryIndex, PEFile, PE32_MAGIC, PE32PLUS_MAGIC
from conftest import compile_cs

SIMPLE = "class P { static int Main() { return 7; } }"


def test_mscorlib_headers(mscorlib_path):
    with Module.open(mscorlib_path) as m:
        assert m.pe.optional.magic in (PE32_MAGIC, PE32PLUS_MAGIC)
        assert m.pe.is_dll
        assert [s.name for s in m.pe.sections][:1] == [".text"]
        assert m.cli.flags & CliFlags.ILONLY
        assert m.cli.major_runtime_version == 2
        assert m.root.version.startswith("v4.0")
        assert {s.name for s in m.root.streams} >= {"#~", "#Strings", "#US", "#GUID", "#Blob"}
        # Debian's build reserves the 128-byte signature of a 1024-bit key (the flag itself is not set).
        assert len(m.strong_name_signature()) == 128
        assert m.entry_point_token is None


def test_exe_entry_point_and_flags():
    exe = compile_cs(SIMPLE)
    with Module.open(exe) as m:
        assert not m.pe.is_dll
        tok = m.entry_point_token
        assert tok >> 24 == 0x06
        assert m.tables[0x06][tok & 0xFFFFFF].name == "Main"
        assert m.pe.directory(DataDirectoryIndex.CLR_RUNTIME_HEADER).size >= 72


@pytest.mark.parametrize("platform, magic", [("x86", PE32_MAGIC), ("x64", PE32PLUS_MAGIC)])
def test_pe32_and_pe32plus(platform, magic):
    exe = compile_cs(SIMPLE, f"-platform:{platform}")
    with Module.open(exe) as m:
        assert m.pe.optional.magic == magic
        if platform == "x86":
            assert m.cli.flags & CliFlags.REQUIRED_32BIT
        body = m.method_body(m.entry_point_token & 0xFFFFFF)
        assert body.code.endswith(b"\x2a")       # ret


def test_rva_translation_matches_sections(mscorlib_path):
    pe = PEFile.open(mscorlib_path)
    try:
        text = pe.sections[0]
        assert pe.rva_to_offset(text.virtual_address + 0x10) == text.pointer_to_raw_data + 0x10
        with pytest.raises(BadImageError, match="not inside any section"):
            pe.rva_to_offset(0x7FFFFFF0)
    finally:
        pe.close()


def test_elf_binary_is_not_managed(tmp_path):
    with pytest.raises(NotManagedModuleError, match="not a managed module: this is an ELF binary"):
        Module.open("/bin/ls")


def test_text_file_is_not_managed(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("hello, this is not an assembly\n" * 10)
    with pytest.raises(NotManagedModuleError, match="not a managed module: this is a text file"):
        Module.open(p)


def test_empty_and_tiny_files(tmp_path):
    p = tmp_path / "empty.dll"
    p.write_bytes(b"")
    with pytest.raises(NotManagedModuleError, match="empty"):
        Module.open(p)
    p.write_bytes(b"MZ")
    with pytest.raises(NotManagedModuleError, match="too short"):
        Module.open(p)


def minimal_native_pe() -> bytes:
    """A PE32 image with one section and no CLI header, built field by field."""
    dos = bytearray(64)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 64)
    coff = struct.pack("<HHIIIHH", 0x14C, 1, 0, 0, 0, 224, 0x0102)
    opt = bytearray(224)
    struct.pack_into("<HBB", opt, 0, PE32_MAGIC, 8, 0)
    struct.pack_into("<III", opt, 28, 0x400000, 0x1000, 0x200)       # ImageBase, alignments
    struct.pack_into("<II", opt, 56, 0x2000, 0x200)                    # SizeOfImage, SizeOfHeaders
    struct.pack_into("<H", opt, 68, 3)                                 # Subsystem: console
    struct.pack_into("<I", opt, 92, 16)                                # NumberOfRvaAndSizes
    section = struct.pack("<8sIIIIIIHHI", b".text", 0x10, 0x1000, 0x200, 0x200, 0, 0, 0, 0, 0x60000020)
    head = bytes(dos) + b"PE\0\0" + coff + bytes(opt) + section
    return head.ljust(0x200, b"\0") + b"\xc3".ljust(0x200, b"\0")


def test_native_pe_without_cli_header(tmp_path):
    p = tmp_path / "native.exe"
    p.write_bytes(minimal_native_pe())
    assert PEFile(p.read_bytes()).sections[0].name == ".text"
    with pytest.raises(NotManagedModuleError, match="not a managed module: the PE file has no CLI header"):
        Module.open(p)


def test_truncated_image_is_bad_image(tmp_path):
    data = compile_cs(SIMPLE).read_bytes()
    for cut in (100, 300, 700, 1000):      # the header, the section table, inside .text
        with pytest.raises(BadImageError):
            m = Module.from_bytes(data[:cut], "cut.exe")
            m.method_body(m.entry_point_token & 0xFFFFFF)


def test_error_names_the_file(tmp_path):
    p = tmp_path / "broken.dll"
    p.write_bytes(b"MZ" + b"\0" * 100)
    with pytest.raises(BadImageError) as info:
        Module.open(p)
    assert str(p) in str(info.value)
