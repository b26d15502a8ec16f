"""Internal calls of System.DateTime: the system clock (DateTime.UtcNow; DateTime.Now adds the local
time zone's offset in managed code, from TimeZoneInfo, which reads the system's tz database)."""
import time

from .system_io_monoio import FILETIME_UNIX_EPOCH
from .registry import icall


@icall("System.DateTime::GetSystemTimeAsFileTime()")
def get_system_time_as_file_time(engine):
    """Now, in 100-nanosecond intervals since 1601-01-01 UTC."""
    return FILETIME_UNIX_EPOCH + time.time_ns() // 100
