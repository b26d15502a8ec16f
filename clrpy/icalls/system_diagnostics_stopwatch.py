"""Internal calls of System.Diagnostics.Stopwatch (System.dll): a monotonic clock in 100-nanosecond
ticks (Stopwatch.Frequency is 10,000,000 in Mono's class library)."""
import time

from .registry import icall


@icall("System.Diagnostics.Stopwatch::GetTimestamp()")
def get_timestamp(engine):
    return time.monotonic_ns() // 100
