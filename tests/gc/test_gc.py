"""The garbage collector (docs/gc.md): C# programs against Mono, the same programs under the stress
mode (a collection every few allocations, the heap verifier after each), the heap limit, the trace,
and objects held by Python through the embedding API.

Programs in tests/gc/programs/*.cs print only what does not depend on when a collection happens or
on stale stack words the conservative scan may see (counts over many objects, not one object's fate).
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import compile_cs

PROGRAMS = Path(__file__).resolve().parent / "programs"
COMPARED = ["reachability", "weak_and_cycles", "finalizers"]
TIMEOUT = 600


def run(command, env_extra=None):
    env = dict(os.environ)
    env.pop("CLRPY_GC_STRESS", None)
    env.update(env_extra or {})
    with tempfile.TemporaryDirectory(prefix="clrpy-gc-") as cwd:
        p = subprocess.run(command, capture_output=True, cwd=cwd, env=env, timeout=TIMEOUT)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def clrpy(*args, env=None):
    return run([sys.executable, "-m", "clrpy", "run", *map(str, args)], env)


def program(name: str) -> Path:
    return compile_cs((PROGRAMS / f"{name}.cs").read_text(), "-unsafe")


_mono = {}


def mono(name: str):
    if name not in _mono:
        _mono[name] = run(["mono", str(program(name))])
    return _mono[name]


@pytest.mark.parametrize("name", COMPARED)
def test_program_as_mono(name):
    rc, out, err = clrpy(program(name))
    m_rc, m_out, _ = mono(name)
    assert "Traceback" not in err, err
    assert out == m_out, err[-3000:]
    assert rc == m_rc


@pytest.mark.parametrize("name", COMPARED)
def test_program_under_stress(name):
    """A collection at every 97th allocation, and the heap verified after each: no missing root
    (a freed object still referenced) and no heap corruption."""
    rc, out, err = clrpy(program(name), env={"CLRPY_GC_STRESS": "97"})
    m_rc, m_out, _ = mono(name)
    assert "heap verification failed" not in err, err[-3000:]
    assert out == m_out, err[-3000:]
    assert rc == m_rc


def test_trace_line_per_collection():
    lines = []
    for name in ("reachability", "heap_policy"):    # GC.Collect; allocations past the budget
        rc, out, err = clrpy("--trace=gc", program(name))
        assert rc == 0, err
        lines += [l for l in err.splitlines() if l.startswith("[gc]")]
    assert len(lines) >= 4
    pattern = re.compile(r"\[gc\] #(\d+) (\S.*?): [\d.]+ MB -> [\d.]+ MB live \((\d+) objects\), (\d+) objects freed, "
                         r"heap [\d.]+ MB -> [\d.]+ MB, [\d.]+ ms")
    numbers = []
    for line in lines:
        m = pattern.fullmatch(line)
        assert m, line
        numbers.append(int(m.group(1)))
    assert numbers[0] == 1 and all(b == a + 1 or b == 1 for a, b in zip(numbers, numbers[1:]))
    assert numbers.count(1) == 2
    assert any("GC.Collect" in l for l in lines) and any("allocation" in l for l in lines)


def test_out_of_memory_is_catchable():
    rc, out, err = clrpy("--max-heap", "64M", program("out_of_memory"))
    assert rc == 0, err
    assert out.splitlines() == ["churned MB: 200", "caught: OutOfMemoryException after True",
                                "allocated again: 32", "huge array refused"]


def test_max_heap_from_environment():
    rc, out, err = clrpy(program("out_of_memory"), env={"CLRPY_MAX_HEAP": "64M"})
    assert rc == 0, err
    assert "caught: OutOfMemoryException after True" in out


def test_bad_max_heap_is_a_clear_error():
    rc, out, err = clrpy("--max-heap", "lots", program("out_of_memory"))
    assert rc != 0
    assert "--max-heap" in err and "Traceback" not in err


LIBRARY = """
using System;
public class GcBox { public int Value; public string Text; public GcBox Next; }
public static class GcLib {
    public static GcBox Make(int v) { return new GcBox { Value = v, Text = "t" + v, Next = new GcBox { Value = -v } }; }
    public static int Churn(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) { var b = new GcBox { Value = i, Text = i.ToString() }; s += b.Text.Length; }
        GC.Collect();
        return s;
    }
    public static int Collections() { return GC.CollectionCount(0); }
    public static string Describe(GcBox b) { return b.Text + ":" + b.Value + ":" + b.Next.Value; }
}
"""


def test_objects_held_by_python_survive():
    from clrpy.api import Runtime
    dll = compile_cs(LIBRARY, library=True)
    rt = Runtime()
    lib = rt.load(dll).type("GcLib")
    boxes = [lib.Make(i) for i in range(40)]
    for _ in range(3):
        lib.Churn(300000)
    assert lib.Collections() >= 3
    assert [lib.Describe(b) for b in boxes] == [f"t{i}:{i}:{-i}" for i in range(40)]


def test_heap_policy():
    """Garbage with a tiny live set keeps the heap small; with a 16 MB live set the heap may reach
    SMALL_HEAP (48 MB, 3x live), so there are few collections; and it grows no further
    (collector.py, docs/gc.md "Policy")."""
    rc, out, err = clrpy("--trace=gc", program("heap_policy"))
    assert rc == 0, err
    assert out.split() == ["5000000", "10000000", "524287"]
    lines = [(float(m.group(1)), float(m.group(2)))
             for m in re.finditer(r"MB -> ([\d.]+) MB live .* heap [\d.]+ MB -> ([\d.]+) MB", err)]
    tiny = [heap for live, heap in lines if live < 1]
    kept = [heap for live, heap in lines if live >= 15]
    assert tiny and max(tiny) <= 16, err[-3000:]
    assert 5 <= len(kept) <= 14, err[-3000:]
    assert max(kept) <= 64, err[-3000:]
