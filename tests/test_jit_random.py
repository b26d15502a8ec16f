"""Generated-program differential test of the JIT: random arithmetic expressions over all primitive
types and conversions (tests/gen/expressions.py), compiled with mcs, evaluated under clrpy and under
Mono; every method must give the same result.

Each seed makes one library of METHODS_PER_SEED methods. Mono runs it through a small reflection
driver (tests/gen/driver.cs; its output is cached under tests/.cache by the hash of driver and
library), clrpy through the embedding API in one Runtime. Results are compared in a canonical form:
integers in decimal, bool 0/1, char as its code, float/double as the hex of their bits (float32 as
32 bits), an exception as "!" and its type's full name. NaNs are the one exception to bit equality:
ECMA-335 leaves the sign and payload of a NaN unspecified (LLVM's constant folding gives +NaN where
x86 computes -NaN), so every NaN compares equal to every NaN of its type.

The seeds cover four variants (seed % 4): the library as mcs emits it by default or optimised
(`-optimize+`: other IL shapes, dup instead of a store and a load, short branches), run at clrpy's
quick tier (every method runs once, so it stays there) or compiled at the optimising tier at once.

Mono is the oracle, so the generator steers around the bugs of Mono's JIT that it has run into
(listed in tests/gen/expressions.py, M1..M6); clrpy follows ECMA-335 in those cases.

A failure lists every disagreeing method with its source, so it can be reproduced on its own.
"""
import hashlib
import os
import re
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import CACHE, compile_cs
from gen.expressions import TYPES, generate

GEN = Path(__file__).resolve().parent / "gen"
SEEDS = list(range(1, 13))
METHODS_PER_SEED = 500


def _variant(seed):
    """(mcs optimises?, clrpy compiles at the optimising tier?) for a seed."""
    return seed % 2 == 0, seed % 4 >= 2


def _build(seed):
    program = generate(seed, METHODS_PER_SEED)
    optimise, _ = _variant(seed)
    return program, compile_cs(program.source, *(("-optimize+",) if optimise else ()), library=True)


# -- the canonical form -------------------------------------------------------------------------------
def canonical(text: str) -> str:
    """Fold every NaN of a type to one spelling (see the module docstring)."""
    if text.startswith("f:"):
        bits = int(text[2:], 16)
        if bits & 0x7F800000 == 0x7F800000 and bits & 0x007FFFFF:
            return "f:NaN"
    elif text.startswith("d:"):
        bits = int(text[2:], 16)
        if bits & 0x7FF0000000000000 == 0x7FF0000000000000 and bits & 0x000FFFFFFFFFFFFF:
            return "d:NaN"
    return text


def _format(value, clr_type: str) -> str:
    if clr_type == "System.Boolean":
        return "1" if value else "0"
    if clr_type == "System.Char":
        return str(ord(value))
    if clr_type == "System.Single":
        return "f:%08x" % struct.unpack("<I", struct.pack("<f", value))[0]
    if clr_type == "System.Double":
        return "d:%016x" % struct.unpack("<Q", struct.pack("<d", value))[0]
    return str(value)


# -- Mono -----------------------------------------------------------------------------------------------
class MonoFailed(Exception):
    """The Mono driver died (Mono's JIT can crash on a method); `last` is the last method it finished."""

    def __init__(self, last, message):
        super().__init__(message)
        self.last = last


def mono_results(assembly: Path, type_name: str) -> dict:
    """{method name: canonical result} as Mono computes them (cached by content)."""
    driver = compile_cs((GEN / "driver.cs").read_text())
    key = hashlib.sha256(driver.read_bytes() + b"\0" + assembly.read_bytes() + b"\0" + type_name.encode())
    out = CACHE / f"mono-gen-{key.hexdigest()[:20]}.txt"
    if not out.exists():
        # Should Mono's JIT crash (it can: see M6 in gen/expressions.py), no crash dump files and
        # no debugger attached to print its threads.
        env = dict(os.environ, MONO_CRASH_NOFILE="1", MONO_DEBUG="no-gdb-backtrace")
        p = subprocess.run(["mono", str(driver), str(assembly), type_name], capture_output=True, text=True,
                           timeout=600, env=env)
        if p.returncode != 0:
            done = [line for line in p.stdout.splitlines() if re.match(r"\w+\t", line)]
            raise MonoFailed(done[-1].partition("\t")[0] if done else None,
                             f"the mono driver failed on {assembly} (exit status {p.returncode}) after "
                             f"{len(done)} methods:\n" + "\n".join(done[-3:]) + "\n" + p.stdout[-3000:])
        fd, tmp = tempfile.mkstemp(dir=CACHE)
        with os.fdopen(fd, "w") as f:
            f.write(p.stdout)
        os.replace(tmp, out)
    results = {}
    for line in out.read_text().splitlines():
        name, _, value = line.partition("\t")
        results[name] = canonical(value)
    return results


# -- clrpy ----------------------------------------------------------------------------------------------
def clrpy_results(assembly: Path, program, optimising_tier: bool) -> dict:
    """{method name: canonical result} as clrpy computes them, all in one Runtime."""
    import clrpy
    from clrpy.errors import ClrpyError
    results = {}
    # Each method runs once, so a tiered runtime never promotes it: the optimising variant does
    # without tiers, compiling every method optimised at once.
    with clrpy.Runtime(tiered=not optimising_tier) as rt:
        t = rt.load(assembly).type(f"{program.namespace}.{program.class_name}")
        for m in program.methods:
            try:
                value = t.method(m.name)()
            except clrpy.ManagedException as e:
                results[m.name] = "!" + e.type_name
                continue
            except ClrpyError as e:
                results[m.name] = f"error: {type(e).__name__}: {e}"
                continue
            results[m.name] = canonical(_format(value, TYPES[m.return_type][0]))
    return results


def _id(seed):
    optimise, optimising_tier = _variant(seed)
    return f"{seed}-{'mcs-optimize' if optimise else 'mcs'}-{'tier1' if optimising_tier else 'tier0'}"


@pytest.mark.parametrize("seed", SEEDS, ids=[_id(s) for s in SEEDS])
def test_random_expressions_agree_with_mono(seed):
    program, assembly = _build(seed)
    try:
        expected = mono_results(assembly, f"{program.namespace}.{program.class_name}")
    except MonoFailed as e:
        names = [m.name for m in program.methods]
        suspect = program.methods[min(names.index(e.last) + 1, len(names) - 1) if e.last in names else 0]
        pytest.fail(f"{e}\nThe method Mono was probably running (reflection order is declaration order):\n"
                    f"{suspect.source}", pytrace=False)
    assert sorted(expected) == sorted(m.name for m in program.methods), "Mono did not run every method"
    actual = clrpy_results(assembly, program, _variant(seed)[1])
    bad = [m for m in program.methods if actual[m.name] != expected[m.name]]
    if bad:
        report = [f"{len(bad)} of {len(program.methods)} generated methods (seed {seed}) disagree with Mono:"]
        for m in bad[:20]:
            report.append(f"\n{m.name}: clrpy {actual[m.name]}, mono {expected[m.name]}\n{m.source}")
        if len(bad) > 20:
            report.append(f"\n... and {len(bad) - 20} more")
        pytest.fail("\n".join(report), pytrace=False)
