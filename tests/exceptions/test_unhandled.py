"""Unhandled exceptions and stack traces, against Mono: the same stderr, byte for byte, and the same
exit code, for every scenario of unhandled.cs (in mcs's debug and optimised builds).

What is compared: the "Unhandled Exception:" report (type, message — the virtual Message, so
ArgumentException's parameter name —, inner exceptions, the frames with their IL offsets and the
module's MVID), Exception.StackTrace and ToString() seen by the program (surfaced through a new
exception's message), the finally blocks that run on the way out (Environment.Exit inside them
changes the exit code), and TypeInitializationException.

Mono runs with inlining off (-O=-inline): inlined methods vanish from Mono's traces, and clrpy does
not inline (yet). Mono's "(wrapper ...)" frames (its generated stubs, e.g. for array stores) have no
counterpart in clrpy and are left out of the comparison. Where Mono departs from ECMA-335 the test
checks the standard's behaviour instead (docs/exceptions.md lists these).
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import compile_cs, run_mono

HERE = Path(__file__).resolve().parent
SOURCE = (HERE / "unhandled.cs").read_text()
SCENARIOS = re.findall(r'"([\w-]+)"', re.search(r"Scenarios = \{(.*?)\};", SOURCE).group(1))
# Mono throws OutOfMemoryException for a negative array size; ECMA-335 (III.4.20) and CoreCLR say
# OverflowException.
NOT_AS_MONO = {"negative-array": "System.OverflowException: Arithmetic operation resulted in an overflow."}
BUILDS = {"debug": (), "optimised": ("-optimize+",)}


def run_clrpy(exe, *args):
    return subprocess.run([sys.executable, "-m", "clrpy", "run", str(exe), *args],
                          capture_output=True, text=True, timeout=300)


def without_wrappers(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("  at (wrapper "))


def test_every_scenario_is_listed():
    assert len(SCENARIOS) == len(re.findall(r"case \d+:\s+/\* ", SOURCE)) >= 30


@pytest.mark.parametrize("build", sorted(BUILDS))
@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s not in NOT_AS_MONO])
def test_as_mono(build, scenario):
    exe = compile_cs(SOURCE, *BUILDS[build])
    ours = run_clrpy(exe, scenario)
    theirs = run_mono(exe, [scenario], ["-O=-inline"])
    assert "Traceback" not in ours.stderr, ours.stderr
    assert (ours.returncode, ours.stderr) == (theirs.returncode, without_wrappers(theirs.stderr))


@pytest.mark.parametrize("scenario", sorted(NOT_AS_MONO))
def test_as_the_standard_says(scenario):
    ours = run_clrpy(compile_cs(SOURCE), scenario)
    assert ours.returncode == 1
    assert f"Unhandled Exception:\n{NOT_AS_MONO[scenario]}\n" in ours.stderr


STACK_OVERFLOW = """
class Deep {
    static int calls;
    static int Down(int n) { calls++; return Other(n + 1) + 1; }
    static int Other(int n) { return Down(n) * 2; }
    static int Main() { try { return Down(0); } finally { calls = -1; } }
}
"""


def test_stack_overflow_is_reported_not_a_crash():
    """Unbounded recursion: Mono's report (StackOverflowException and the frames, innermost first),
    exit code 1 — never a segmentation fault."""
    exe = compile_cs(STACK_OVERFLOW)
    ours, theirs = run_clrpy(exe), run_mono(exe)
    assert ours.returncode == theirs.returncode == 1
    head = ("\nUnhandled Exception:\nStackOverflowException\n[ERROR] FATAL UNHANDLED EXCEPTION: "
            "System.StackOverflowException: The requested operation caused a stack overflow.\n")
    assert ours.stderr.startswith(head) and theirs.stderr.startswith(head)
    frames = ours.stderr[len(head):].splitlines()
    assert len(frames) > 100
    assert all(re.fullmatch(r"  at Deep\.(Down|Other) \(System\.Int32 n\) \[0x[0-9a-f]{5}\] in <[0-9a-f]{32}>:0 ", f)
               for f in frames), frames[:5]
    assert {f.split(" (")[0] for f in frames} == {"  at Deep.Down", "  at Deep.Other"}


def test_deep_recursion_that_ends_is_not_an_overflow():
    exe = compile_cs("""
class Deep {
    static int Down(int n) { return n == 0 ? 0 : Down(n - 1) + 1; }
    static int Main() { return Down(100000) == 100000 ? 42 : 1; }
}""")
    assert run_clrpy(exe).returncode == 42


def test_python_api_exception_carries_type_message_and_trace():
    """An exception that leaves managed code called from Python arrives as clrpy.ManagedException
    with the .NET type name, the virtual Message and the frames between the throw and Python."""
    import clrpy
    exe = compile_cs(SOURCE)
    with clrpy.Runtime() as rt:
        program = rt.load(str(exe)).type("Unhandled.Program")
        with pytest.raises(clrpy.ManagedException) as info:
            program.Wrap()
    e = info.value
    assert e.type_name == "System.ApplicationException"
    assert e.message == "wrapped once"
    assert e.inner.type_name == "System.ArgumentException"
    assert e.inner.message == "scale is zero\nParameter name: scale"
    assert e.stack_trace.splitlines()[0].startswith("  at Unhandled.Program.Wrap () [0x")
    text = e.format()
    assert text.startswith("System.ApplicationException: wrapped once ---> System.ArgumentException: scale is zero")
    assert "   --- End of inner exception stack trace ---" in text
