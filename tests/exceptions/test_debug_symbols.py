"""Stack traces with source files and lines (`clrpy run --debug`) against `mono --debug`, and the
two symbol-file readers (docs/debug-symbols.md).

Mono only reads symbols with --debug, and with them its frames' IL offsets follow the symbol
file's sequence points (call sites included), laid out as Mono's JIT lays code out; clrpy mirrors
the flag, so the comparison is byte for byte: stderr (offsets, files, lines) and exit code, for
every scenario of unhandled.cs and debug_symbols.cs, in mcs's debug and optimised builds.

The readers: the .mdb files mcs writes (and a real one shipped with Debian's Mono), checked
against facts independent of clrpy (the source text, the module's MVID and method table); a
portable PDB made from the same sequence points (pdb_writer.py) reads back the same, and a
program run with it instead of its .mdb prints the same trace.
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import compile_cs, run_mono
from pdb_writer import write_portable_pdb

from clrpy.metadata.debug_symbols import source_location, symbols_of
from clrpy.metadata.module import Module
from clrpy.metadata.mono_symbols import MonoSymbolFile
from clrpy.metadata.portable_pdb import PortablePdb
from clrpy.metadata.schema import TableId as T
from clrpy.errors import BadImageError

HERE = Path(__file__).resolve().parent
UNHANDLED = (HERE / "unhandled.cs").read_text()
SYMBOLS = (HERE / "debug_symbols.cs").read_text()
UNHANDLED_SCENARIOS = [s for s in re.findall(r'"([\w-]+)"', re.search(r"Scenarios = \{(.*?)\};", UNHANDLED).group(1))
                       if s != "negative-array"]      # Mono departs from ECMA-335 there (test_unhandled.py)
SYMBOL_SCENARIOS = re.findall(r'case "(\w+)":', SYMBOLS)
BUILDS = {"debug": ("-debug",), "optimised": ("-debug", "-optimize+")}
BTLS = Path("/usr/lib/mono/gac/Mono.Btls.Interface/4.0.0.0__0738eb9f132ed756/Mono.Btls.Interface.dll")


def run_clrpy(exe, *args, debug=True):
    cmd = [sys.executable, "-m", "clrpy", "run", *(["--debug"] if debug else []), str(exe), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def without_wrappers(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("  at (wrapper "))


def assert_as_mono_debug(exe, scenario):
    ours = run_clrpy(exe, scenario)
    theirs = run_mono(exe, [scenario], ["--debug", "-O=-inline"])
    assert "Traceback" not in ours.stderr, ours.stderr
    assert (ours.returncode, ours.stderr) == (theirs.returncode, without_wrappers(theirs.stderr))


@pytest.mark.parametrize("build", sorted(BUILDS))
@pytest.mark.parametrize("scenario", SYMBOL_SCENARIOS)
def test_lines_as_mono(build, scenario):
    assert_as_mono_debug(compile_cs(SYMBOLS, *BUILDS[build]), scenario)


@pytest.mark.parametrize("build", sorted(BUILDS))
@pytest.mark.parametrize("scenario", UNHANDLED_SCENARIOS)
def test_unhandled_with_lines_as_mono(build, scenario):
    assert_as_mono_debug(compile_cs(UNHANDLED, *BUILDS[build]), scenario)


def test_scenarios_are_listed():
    assert len(SYMBOL_SCENARIOS) >= 6 and len(UNHANDLED_SCENARIOS) >= 30


def test_without_debug_flag_no_lines():
    """As Mono without --debug: symbols present but unused, frames name the module's MVID."""
    exe = compile_cs(SYMBOLS, "-debug")
    ours = run_clrpy(exe, "twice", debug=False)
    assert ours.stderr == run_mono(exe, ["twice"], ["-O=-inline"]).stderr
    assert re.search(r"\] in <[0-9a-f]{32}>:0 $", ours.stderr.splitlines()[3])


def test_python_api_debug_option():
    """clrpy.Runtime(debug=True) is `clrpy run --debug` for embedders: the frames of a
    ManagedException name the source file and line of the statement that threw."""
    import clrpy
    exe = compile_cs(UNHANDLED, "-debug")
    wrap_line = source_line(UNHANDLED, 'throw new ApplicationException("wrapped once"')
    for debug in (True, False):
        with clrpy.Runtime(debug=debug) as rt:
            program = rt.load(str(exe)).type("Unhandled.Program")
            with pytest.raises(clrpy.ManagedException) as info:
                program.Wrap()
        first = info.value.stack_trace.splitlines()[0]
        assert first.startswith("  at Unhandled.Program.Wrap () [0x")
        if debug:
            assert re.search(rf"\] in \S+\.cs:{wrap_line}\s*$", first), first
        else:
            assert re.search(r"\] in <[0-9a-f]{32}>:0\s*$", first), first


# -- the .mdb reader ---------------------------------------------------------------------------------
def source_line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def method_token(module, name: str) -> int:
    t = module.tables[T.MethodDef]
    return 0x06000000 | next(rid for rid in range(1, t.num_rows + 1) if t[rid].name == name)


def test_mdb_of_mcs_build():
    exe = compile_cs(SYMBOLS, "-debug")
    module = Module.open(exe)
    mdb = MonoSymbolFile.open(str(exe) + ".mdb")
    assert mdb.matches(module.tables[T.Module][1].mvid.bytes_le)
    files = mdb.source_files()
    assert len(files) == 3 and files[0].endswith("/prog.cs")
    assert files[1].endswith("/generated/other.cs") and files[2] == "/abs/elsewhere.cs"
    # Twice: the method's "{" ... "}" lines, in order, all in the main file.
    points = mdb.sequence_points(method_token(module, "Twice"))
    first = source_line(SYMBOLS, "static int Twice(int x)")
    assert [p.line for p in points][0] == first and points[-1].line == first + 3
    assert {p.document for p in points} == {files[0]} and not any(p.hidden for p in points)
    assert [p.il_offset for p in points] == sorted(p.il_offset for p in points) and points[0].il_offset == 0
    assert points[0].column == 33      # the "{" after "static int Twice(int x) "
    # #line directives: another file, then lines far below and back.
    assert {p.line for p in mdb.sequence_points(method_token(module, "Elsewhere"))} == {200, 201, 202, 203, 204}
    loop = mdb.sequence_points(method_token(module, "Loop"))
    assert {p.document for p in loop} == {"/abs/elsewhere.cs"} and loop[0].line == 40
    # Compiler-generated methods (the default constructor) have no points.
    assert mdb.sequence_points(method_token(module, ".ctor")) == []


def test_mdb_shipped_with_mono():
    """A symbol file Debian's Mono ships (built by Mono's own toolchain): it describes its
    assembly (same GUID as the MVID), every method it lists is a MethodDef of that assembly, and
    every method's line table decodes."""
    if not BTLS.exists():
        pytest.skip("Mono.Btls.Interface is not installed")
    module = Module.open(BTLS)
    symbols = symbols_of(module)
    assert symbols is not None and symbols.path.endswith(".mdb")
    mdb = symbols.reader
    methods = module.tables[T.MethodDef].num_rows
    tokens = mdb.method_tokens()
    assert tokens == sorted(tokens) and all(0x06000001 <= t <= 0x06000000 + methods for t in tokens)
    total = 0
    for t in tokens:
        points = mdb.sequence_points(t)
        total += len(points)
        assert all(p.line > 0 and p.document.endswith(".cs") for p in points)
    assert total > len(tokens)


def test_stale_or_broken_symbols_are_ignored(tmp_path):
    exe = compile_cs(SYMBOLS, "-debug")
    other = compile_cs(SYMBOLS.replace("too big", "much too big"), "-debug")
    copy = tmp_path / "prog.exe"
    shutil.copy(exe, copy)
    shutil.copy(str(other) + ".mdb", str(copy) + ".mdb")       # another build's symbols
    assert symbols_of(Module.open(copy)) is None
    (tmp_path / "prog.exe.mdb").write_bytes(b"not a symbol file")
    assert symbols_of(Module.open(copy)) is None
    with pytest.raises(BadImageError):
        MonoSymbolFile(b"\0" * 200)


def test_location_skips_hidden_points():
    from clrpy.metadata.mono_symbols import SequencePoint
    points = [SequencePoint(0, 10, 1, "a.cs"), SequencePoint(4, 0xFEEFEE, 0, "a.cs", True),
              SequencePoint(9, 12, 1, "b.cs")]
    assert source_location(points, 0) == ("a.cs", 10)
    assert source_location(points, 6) == ("a.cs", 10)
    assert source_location(points, 9) == ("b.cs", 12)
    assert source_location(points[1:], 5) is None


# -- the portable PDB reader -------------------------------------------------------------------------
def pdb_from_mdb(exe) -> bytes:
    module = Module.open(exe)
    mdb = MonoSymbolFile.open(str(exe) + ".mdb")
    methods = {t: mdb.sequence_points(t) for t in mdb.method_tokens()}
    return write_portable_pdb(methods, module.tables[T.MethodDef].num_rows), methods


def test_portable_pdb_reads_what_was_written():
    from clrpy.metadata.mono_symbols import SequencePoint
    data, methods = pdb_from_mdb(compile_cs(SYMBOLS, "-debug"))
    pdb = PortablePdb(data)
    assert pdb.pdb_id == bytes(range(20))
    assert sorted(pdb.documents()) == sorted({p.document for ps in methods.values() for p in ps})
    for token, points in methods.items():
        assert pdb.sequence_points(token) == [SequencePoint(p.il_offset, p.line, max(p.column, 1), p.document)
                                              for p in points]
    # Hidden points, several documents in one method, lines going back: the encodings' corners.
    points = [SequencePoint(0, 300, 5, "/x/a.cs"), SequencePoint(2, 0xFEEFEE, 0, "/x/a.cs", True),
              SequencePoint(7, 12, 90, "/y/b.cs"), SequencePoint(0x4000, 100000, 2, "/y/b.cs")]
    pdb = PortablePdb(write_portable_pdb({0x06000002: points}, 3))
    assert pdb.sequence_points(0x06000002) == points
    assert pdb.sequence_points(0x06000001) == [] and pdb.sequence_points(0x06000009) == []


def test_program_with_portable_pdb_traces_as_with_mdb(tmp_path):
    exe = compile_cs(SYMBOLS, "-debug")
    copy = tmp_path / "prog.exe"
    shutil.copy(exe, copy)
    data, _ = pdb_from_mdb(exe)
    (tmp_path / "prog.pdb").write_bytes(data)
    with_pdb = run_clrpy(copy, "lines")
    with_mdb = run_clrpy(exe, "lines")
    assert with_mdb.returncode == with_pdb.returncode == 1
    assert with_pdb.stderr == with_mdb.stderr and "/abs/elsewhere.cs:43 " in with_pdb.stderr
