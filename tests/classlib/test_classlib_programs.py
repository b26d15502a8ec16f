"""Class-library programs run by `clrpy run` against Mono: byte-identical stdout and the same exit code.

Each tests/classlib/programs/*.cs is one of our own programs that prints many results (strings,
formatting, files, console input, environment, time, culture...). A program may declare runs in
comment lines at its top, as JSON:

    // run: {"args": ["a", "b c"], "stdin": "line 1\\nline 2\\n", "env": {"LANG": "de_DE.UTF-8"}}

Without one it runs once, with no arguments and empty stdin. Every run starts in a fresh empty
directory (programs that use files work with relative paths there) with a fixed environment:
LANG=C.UTF-8 unless the run says otherwise, no LC_* variables, and TZ=UTC unless set. Mono's
result of each run is cached under tests/.cache by the program's content and the run, so a second
run of the suite starts Mono only for changed programs. CLRPY_TEST_COMMAND replaces the command
that runs clrpy (default: this Python with `-m clrpy`).
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import CACHE, compile_cs

PROGRAMS = Path(__file__).resolve().parent / "programs"
TIMEOUT = 300


def program_runs():
    """(program path, run number, run spec) for every declared run, sorted by program."""
    runs = []
    for path in sorted(PROGRAMS.glob("*.cs")):
        specs = [json.loads(line.split(":", 1)[1]) for line in path.read_text().splitlines()
                 if line.startswith("// run:")]
        for i, spec in enumerate(specs or [{}]):
            runs.append((path, i, spec))
    return runs


def environment(spec) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE", "TZ")}
    env["LANG"] = "C.UTF-8"
    env["TZ"] = "UTC"
    env.update(spec.get("env", {}))
    return env


def run(command, spec):
    with tempfile.TemporaryDirectory(prefix="clrpy-classlib-") as cwd:
        p = subprocess.run(command + spec.get("args", []), input=spec.get("stdin", "").encode(),
                           capture_output=True, cwd=cwd, env=environment(spec), timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr


def mono_result(exe: Path, spec):
    """(exit code, stdout bytes) of the program under Mono, cached."""
    key = hashlib.sha256(exe.read_bytes() + json.dumps(spec, sort_keys=True).encode()).hexdigest()[:20]
    out = CACHE / f"classlib-mono-{key}.json"
    if out.exists():
        d = json.loads(out.read_text())
        return d["rc"], bytes.fromhex(d["stdout"])
    rc, stdout, stderr = run(["mono", str(exe)], spec)
    CACHE.mkdir(exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"rc": rc, "stdout": stdout.hex()}))
    os.replace(tmp, out)
    return rc, stdout


RUNS = program_runs()


@pytest.mark.parametrize("path,number,spec", RUNS, ids=[f"{p.stem}-{n}" for p, n, _ in RUNS])
def test_program_as_mono(path, number, spec):
    exe = compile_cs(path.read_text(), "-unsafe")
    expected_rc, expected = mono_result(exe, spec)
    command = os.environ.get("CLRPY_TEST_COMMAND", f"{sys.executable} -m clrpy").split()
    rc, stdout, stderr = run(command + ["run", str(exe)], spec)
    text = stderr.decode(errors="replace")
    assert "Traceback" not in text, text
    if stdout != expected:
        # Show the first differing line, not two whole outputs.
        ours, theirs = stdout.decode(errors="replace").splitlines(), expected.decode(errors="replace").splitlines()
        for i, (a, b) in enumerate(zip(ours, theirs)):
            if a != b:
                pytest.fail(f"line {i + 1} differs:\n  clrpy: {a!r}\n  mono:  {b!r}\nstderr:\n{text[-3000:]}")
        pytest.fail(f"clrpy printed {len(ours)} lines, mono {len(theirs)}; the next:\n"
                    f"  clrpy: {ours[len(theirs):len(theirs) + 1]}\n  mono:  {theirs[len(ours):len(ours) + 1]}\n"
                    f"stderr:\n{text[-3000:]}")
    assert rc == expected_rc, text[-3000:]
