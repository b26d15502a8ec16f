"""The cooperative thread pool's limits (docs/class-library.md, "The thread pool"): a wait that
nothing queued and no pending timer can satisfy (timers that are disabled or have already fired do
not count) raises NotSupportedException saying why, instead of hanging; an exception escaping a
work item or a timer callback is reported as unhandled. Mono would hang on the first two, so these run under clrpy
only."""
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
        case "only-disabled-timers":
            var timer = new Timer(_ => { }, null, Timeout.Infinite, Timeout.Infinite);
            var fired = new Timer(_ => { }, null, 10, Timeout.Infinite);
            Task.Delay(20).Wait();
            new ManualResetEventSlim(false).Wait();
            break;
        case "timer-callback-throws":
            var thrower = new Timer(_ => { throw new InvalidOperationException("thrown in a timer"); }, null, 10, Timeout.Infinite);
            Thread.Sleep(200);
            Console.WriteLine("not reached");
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
    "only-disabled-timers": "System.NotSupportedException: Monitor.Wait without a timeout would never return",
    "timer-callback-throws": "System.InvalidOperationException: thrown in a timer",
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
