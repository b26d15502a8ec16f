"""Stack traces as objects (new StackTrace(exception), StackFrame) and ExceptionDispatchInfo's
rethrow keeping the first throw's frames, against Mono (inlining off, as in test_unhandled.py):
the same stdout, stderr and exit code."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import compile_cs, run_mono

SOURCE = (Path(__file__).resolve().parent / "dispatch_info.cs").read_text()


@pytest.mark.parametrize("options", [(), ("-optimize+",)], ids=["debug", "optimised"])
def test_dispatch_info_as_mono(options):
    exe = compile_cs(SOURCE, *options)
    ours = subprocess.run([sys.executable, "-m", "clrpy", "run", str(exe)], capture_output=True, text=True,
                          timeout=300)
    theirs = run_mono(exe, (), ("-O=-inline",))
    assert "Traceback" not in ours.stderr, ours.stderr
    assert "--- End of stack trace from previous location where exception was thrown ---" in ours.stdout
    assert (ours.returncode, ours.stdout, ours.stderr) == (theirs.returncode, theirs.stdout, theirs.stderr)
