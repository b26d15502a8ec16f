"""Whole programs run by `clrpy run`, against Mono: the same exit code, and no Python traceback.

The programs are tests/jit/exe/*.cs and the kernels of /work/shared/kernels (when present) at small
sizes. Also: an uncaught exception ends the process with exit code 1 and its name on stderr, and
a method called 1000 times is compiled once (`--trace=jit`).
"""
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import compile_cs

EXE = Path(__file__).resolve().parent / "exe"
KERNELS = Path("/work/shared/kernels")

# (program, arguments)
RUNS = [
    ("checksum.cs", []),
    ("args.cs", []),
    ("args.cs", ["12", "x", "-7", "hello world", "300"]),
    ("args.cs", ["", "9999999"]),
    ("void_main.cs", []),
    ("void_main.cs", ["fail"]),
    ("throws.cs", []),
    ("exit_codes.cs", []),
    ("exit_codes.cs", ["negative"]),
    ("exit_codes.cs", ["max"]),
    ("exit_codes.cs", ["abc"]),
    ("compile_once.cs", []),
]
KERNEL_RUNS = [("fannkuch.cs", ["7"]), ("sieve.cs", ["100000", "2"]), ("spectralnorm.cs", ["100"])]


def run_clrpy(exe, args, *options):
    return subprocess.run([sys.executable, "-m", "clrpy", "run", *options, str(exe), *args],
                          capture_output=True, text=True, timeout=300)


def run_mono(exe, args):
    return subprocess.run(["mono", str(exe), *args], capture_output=True, text=True, timeout=300)


def _compare(exe, args):
    ours, theirs = run_clrpy(exe, args), run_mono(exe, args)
    assert "Traceback" not in ours.stderr, ours.stderr
    assert ours.returncode == theirs.returncode, (ours.stderr, theirs.stderr)
    return ours, theirs


@pytest.mark.parametrize("name,args", RUNS, ids=[f"{n}-{'-'.join(a) or 'noargs'}" for n, a in RUNS])
def test_exit_code_as_mono(name, args):
    _compare(compile_cs((EXE / name).read_text()), args)


@pytest.mark.parametrize("name,args", KERNEL_RUNS, ids=[n for n, _ in KERNEL_RUNS])
def test_kernel_exit_code_as_mono(name, args):
    source = KERNELS / name
    if not source.exists():
        pytest.skip(f"{source} is not on this machine")
    _compare(compile_cs(source.read_text(), "-optimize+"), args)


def test_uncaught_exception():
    ours, theirs = _compare(compile_cs((EXE / "throws.cs").read_text()), [])
    assert ours.returncode == 1
    assert "System.DivideByZeroException" in ours.stderr
    assert "System.DivideByZeroException" in theirs.stderr


def test_method_called_1000_times_is_compiled_once():
    """Once per tier when the runtime compiles in tiers (the trace line then names the tier)."""
    exe = compile_cs((EXE / "compile_once.cs").read_text())
    p = run_clrpy(exe, [], "--trace=jit")
    assert p.returncode == run_mono(exe, []).returncode
    compiled = Counter()
    for line in p.stderr.splitlines():
        m = re.match(r"\[jit\] .*?Program::(\w+)\(", line)
        if m:
            tier = re.search(r", tier (\d+),", line)
            compiled[m.group(1), tier and tier.group(1)] += 1
    for method in ("Main", "Square", "Twice"):
        tiers = {tier: n for (name, tier), n in compiled.items() if name == method}
        assert tiers and all(n == 1 for n in tiers.values()), (method, p.stderr)
