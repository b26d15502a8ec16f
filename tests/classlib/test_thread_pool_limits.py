"""The cooperative thread pool's limits (docs/class-library.md, "The thread pool"): a wait that
nothing queued can satisfy, and a timer, raise NotSupportedException saying why, instead of
hanging; an exception escaping a work item is reported as unhandled. Mono would hang on the first
two, so these run under clrpy only."""
import subprocess
import sys

import pytest

from conftest import compile_cs

SOURCE = r"""
using System;
using System.Threading;
using System.Threading.Tasks;
class P {
    static void Main(string[] args) {
        switch (args[0]) {
        case "never-completed":
            Console.WriteLine(new TaskCompletionSource<int>().Task.Result);
            break;
        case "delay":
            Task.Delay(50).Wait();
            break;
        case "work-item-throws":
            ThreadPool.QueueUserWorkItem(_ => { throw new InvalidOperationException("thrown in a work item"); });
            Thread.Sleep(10);
            Console.WriteLine("not reached");
            break;
        }
    }
}
"""

EXPECTED = {
    "never-completed": "System.NotSupportedException: Monitor.Wait without a timeout would never return",
    "delay": "System.NotSupportedException: timers (System.Threading.Timer, Task.Delay) need a scheduler thread",
    "work-item-throws": "System.InvalidOperationException: thrown in a work item",
}


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_reported_not_hung(scenario):
    exe = compile_cs(SOURCE)
    p = subprocess.run([sys.executable, "-m", "clrpy", "run", str(exe), scenario],
                       capture_output=True, text=True, timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    assert p.returncode == 1
    assert p.stdout == ""
    assert f"Unhandled Exception:\n{EXPECTED[scenario]}" in p.stderr
