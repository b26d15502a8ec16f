"""Internal calls of System.Threading.Timer: not supported, with a clear message.

Mono's timers (System.Threading.Timer, and through it Task.Delay with a delay and
CancellationTokenSource.CancelAfter) are fired by a scheduler thread the library starts, which
clrpy's one managed thread cannot provide. A timer asks for the monotonic clock as soon as it is
given a due time, so that is where the NotSupportedException is raised, naming the cause; a timer
created disabled (Timeout.Infinite) still works, as does Task.Delay(0).
"""
from .managed_errors import not_supported
from .registry import icall


@icall("System.Threading.Timer::GetTimeMonotonic()")
def get_time_monotonic(engine):
    raise not_supported("timers (System.Threading.Timer, Task.Delay) need a scheduler thread: "
                        "clrpy runs managed code on one thread")
