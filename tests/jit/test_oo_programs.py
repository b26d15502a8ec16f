"""Whole object-model programs (tests/jit/oo_exe/*.cs) run by `clrpy run` and by Mono: the same exit
code (each program returns a checksum of what it computed), and no Python traceback. A program that
does not catch an exception ends with status 1 and names the exception on stderr, as Mono does."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import compile_cs

PROGRAMS = Path(__file__).resolve().parent / "oo_exe"
SOURCES = sorted(p.name for p in PROGRAMS.glob("*.cs"))


def _run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("options", [(), ("-optimize+",)], ids=["debug", "opt"])
def test_exit_code_as_mono(name, options):
    exe = compile_cs((PROGRAMS / name).read_text(), *options)
    ours = _run([sys.executable, "-m", "clrpy", "run", str(exe)])
    theirs = _run(["mono", str(exe)])
    assert "Traceback" not in ours.stderr, ours.stderr
    assert ours.returncode == theirs.returncode, (ours.stderr, theirs.stderr)


def test_uncaught_invalid_cast_is_named():
    exe = compile_cs((PROGRAMS / "uncaught_cast.cs").read_text())
    ours = _run([sys.executable, "-m", "clrpy", "run", str(exe)])
    assert ours.returncode == 1
    assert "System.InvalidCastException" in ours.stderr
    assert "System.InvalidCastException: Specified cast is not valid." in ours.stderr
