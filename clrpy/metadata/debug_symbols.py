"""Debug symbols of a module: finding its symbol file and mapping IL offsets to source lines.

A module's symbols live next to it: `prog.exe.mdb` (Mono's format, mono_symbols.py; what
`mcs -debug` writes) or `prog.pdb` (a portable PDB, portable_pdb.py). Nothing is read until a
caller asks (`symbols_of(module)`), and the answer is remembered on the module; a symbol file
that describes another build of the module (its GUID is not the module's MVID, or not the GUID
the module's CodeView debug entry names) is ignored, as Mono ignores it.

Lookup follows Mono: the source location of an IL offset is that of the last visible sequence
point at or before it (hidden points, line 0xfeefee, name no source line and are skipped).
"""
import os
import struct

from ..errors import BadImageError
from .schema import TableId as T

CODEVIEW_TYPE = 2
RSDS = b"RSDS"


class DebugSymbols:
    """The symbol file of one module, behind one interface for both formats."""

    def __init__(self, reader, path):
        self.reader = reader
        self.path = path

    def sequence_points(self, method_token: int):
        return self.reader.sequence_points(method_token)

    def location(self, method_token: int, il_offset: int):
        """(source file, line) of `il_offset` in the method, or None."""
        return source_location(self.sequence_points(method_token), il_offset)


def source_location(points, il_offset: int):
    best = None
    for p in points:
        if p.il_offset > il_offset:
            break
        if not p.hidden:
            best = p
    return (best.document, best.line) if best is not None else None


_NONE = object()


def symbols_of(module):
    """The module's DebugSymbols, or None when it has no (matching) symbol file."""
    cached = getattr(module, "_debug_symbols", _NONE)
    if cached is _NONE:
        cached = _load(module)
        try:
            module._debug_symbols = cached
        except AttributeError:
            pass
    return cached


def _load(module):
    path = getattr(module, "path", None)
    if not path:
        return None
    path = str(path)
    mdb = path + ".mdb"
    if os.path.exists(mdb):
        from .mono_symbols import MonoSymbolFile
        try:
            reader = MonoSymbolFile.open(mdb)
        except (OSError, BadImageError):
            return None
        mvid = _mvid_bytes(module)
        return DebugSymbols(reader, mdb) if mvid is not None and reader.matches(mvid) else None
    pdb = os.path.splitext(path)[0] + ".pdb"
    if os.path.exists(pdb):
        from .portable_pdb import PortablePdb
        try:
            reader = PortablePdb.open(pdb)
        except (OSError, BadImageError):
            return None
        expected = codeview_guid(module)
        if expected is not None and expected != reader.guid:
            return None
        return DebugSymbols(reader, pdb)
    return None


def _mvid_bytes(module):
    if not module.tables[T.Module].num_rows:
        return None
    mvid = module.tables[T.Module][1].mvid
    return mvid.bytes_le if mvid is not None else None


def codeview_guid(module):
    """The PDB GUID the module's CodeView debug-directory entry names (None without one)."""
    pe = getattr(module, "pe", None)
    if pe is None:
        return None
    try:
        d = pe.directory(6)         # the debug directory
        if not d.rva or d.size < 28:
            return None
        raw = pe.read_rva(d.rva, d.size, "debug directory")
        for at in range(0, len(raw) - 27, 28):
            _, _, _, _, kind, size, rva, _ = struct.unpack_from("<IIHHIIII", raw, at)
            if kind == CODEVIEW_TYPE and size >= 24 and rva:
                entry = pe.read_rva(rva, 24, "CodeView entry")
                if entry[:4] == RSDS:
                    return bytes(entry[4:20])
    except BadImageError:
        return None
    return None
