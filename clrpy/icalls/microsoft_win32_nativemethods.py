"""Internal calls of Microsoft.Win32.NativeMethods (mscorlib and System.dll): the current process."""
import os

from .registry import icall


@icall("Microsoft.Win32.NativeMethods::GetCurrentProcessId()")
def get_current_process_id(engine):
    return os.getpid()
