"""The CLI header (ECMA-335 II.25.3.3): the entry into a managed module's metadata.

PE data directory 14 points at this 72-byte structure. It gives the runtime version the image was
built for, the metadata root, the flags that say whether the image is pure IL, and the entry point
(a MethodDef or File token, or with NATIVE_ENTRYPOINT an RVA of native code), plus the locations
of managed resources and of the strong-name signature.
"""
import struct
from dataclasses import dataclass
from enum import IntFlag

from ..errors import BadImageError, NotManagedModuleError
from .binary import unpack
from .pe import DataDirectory, DataDirectoryIndex, PEFile


class CliFlags(IntFlag):
    ILONLY = 0x00000001
    REQUIRED_32BIT = 0x00000002
    IL_LIBRARY = 0x00000004
    STRONGNAMESIGNED = 0x00000008
    NATIVE_ENTRYPOINT = 0x00000010
    TRACKDEBUGDATA = 0x00010000
    PREFERRED_32BIT = 0x00020000


_CLI_HEADER = struct.Struct("<IHHIIIIIIIIIIIIIIII")
CLI_HEADER_SIZE = 72


@dataclass(frozen=True, slots=True)
class CliHeader:
    cb: int
    major_runtime_version: int
    minor_runtime_version: int
    metadata: DataDirectory
    flags: CliFlags
    entry_point: int            # a token, or an RVA when NATIVE_ENTRYPOINT is set
    resources: DataDirectory
    strong_name_signature: DataDirectory
    code_manager_table: DataDirectory
    vtable_fixups: DataDirectory
    export_address_table_jumps: DataDirectory
    managed_native_header: DataDirectory

    @property
    def entry_point_token(self):
        """The entry point token, or None when there is none or it is native code."""
        if self.flags & CliFlags.NATIVE_ENTRYPOINT or self.entry_point == 0:
            return None
        return self.entry_point


def read_cli_header(pe: PEFile) -> CliHeader:
    """Find and decode the CLI header, or explain why this PE is not a managed module."""
    d = pe.directory(DataDirectoryIndex.CLR_RUNTIME_HEADER)
    if d.rva == 0 or d.size == 0:
        raise NotManagedModuleError("the PE file has no CLI header (data directory 14 is empty); "
                                    "it is a native Windows program or library")
    if d.size < CLI_HEADER_SIZE:
        raise BadImageError(f"the CLI header's data directory is {d.size} bytes, expected at least "
                            f"{CLI_HEADER_SIZE}")
    off = pe.rva_to_offset(d.rva, CLI_HEADER_SIZE, "CLI header")
    f = unpack(_CLI_HEADER, pe.data, off, "CLI header")
    if f[0] < CLI_HEADER_SIZE:
        raise BadImageError(f"the CLI header's size field is {f[0]}, expected {CLI_HEADER_SIZE}",
                            where=f"file offset 0x{off:x}")
    dd = lambda i: DataDirectory(f[i], f[i + 1])  # noqa: E731
    return CliHeader(cb=f[0], major_runtime_version=f[1], minor_runtime_version=f[2],
                     metadata=dd(3), flags=CliFlags(f[5]), entry_point=f[6], resources=dd(7),
                     strong_name_signature=dd(9), code_manager_table=dd(11), vtable_fixups=dd(13),
                     export_address_table_jumps=dd(15), managed_native_header=dd(17))
