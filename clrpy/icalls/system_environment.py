"""Internal calls (and replaced methods) of System.Environment: the process as managed code sees it.

Command-line arguments, the exit code, environment variables, the host's name, processors, page
size, and the operating system's version. Environment variables are the process's own (os.environ,
so that a child process sees changes) with one correction: when Python starts in the C locale it
sets LC_CTYPE=C.UTF-8 itself (PEP 538), which the program was not started with, so LC_CTYPE is
taken from the environment the process began with.
"""
import getpass
import mmap
import os
import platform
import sys
import time

from ..runtime.stack_traces import format_trace
from .managed_values import chars, new_string, new_string_array
from .registry import icall, replaces

PLATFORM_UNIX = 4                   # System.PlatformID.Unix


def initial_environment() -> dict:
    """The environment the process was started with (Linux: /proc/self/environ), or None."""
    try:
        with open("/proc/self/environ", "rb") as f:
            raw = f.read()
    except OSError:
        return None
    env = {}
    for item in raw.split(b"\0"):
        name, sep, value = item.partition(b"=")
        if sep:
            env[os.fsdecode(name)] = os.fsdecode(value)
    return env


def _undo_locale_coercion():
    initial = initial_environment()
    if initial is not None and os.environ.get("LC_CTYPE") != initial.get("LC_CTYPE"):
        if "LC_CTYPE" in initial:
            os.environ["LC_CTYPE"] = initial["LC_CTYPE"]
        else:
            os.environ.pop("LC_CTYPE", None)


_undo_locale_coercion()


@replaces("System.Environment::GetStackTrace(System.Exception,System.Boolean)")
def get_stack_trace(engine, exception, need_file_info):
    """The text of an exception's stack trace (what Exception.StackTrace returns), from the return
    addresses its throw captured (runtime/stack_traces.py)."""
    if not exception:
        return engine.strings.new("")
    return engine.strings.new(format_trace(engine, exception))


# -- the program -------------------------------------------------------------------------------------
@icall("System.Environment::GetCommandLineArgs()")
def get_command_line_args(engine):
    """The program's full path, then its arguments (as Mono: argv[0] is the assembly's path)."""
    return new_string_array(engine, getattr(engine, "command_line", None) or [sys.argv[0]])


@icall("System.Environment::get_ExitCode()")
def get_exit_code(engine):
    return engine.exit_code


@icall("System.Environment::set_ExitCode(System.Int32)")
def set_exit_code(engine, value):
    engine.exit_code = value


@icall("System.Environment::Exit(System.Int32)")
def exit_process(engine, code):
    """End the process now with `code`. Console output is never buffered by the runtime (it goes
    to the file descriptors as the class library writes it), so nothing is lost; Python's own
    streams are flushed."""
    engine.exit_code = code
    engine.shutdown(code)


@icall("System.Environment::get_HasShutdownStarted()")
def has_shutdown_started(engine):
    return 0


@icall("System.Environment::FailFast(System.String,System.Exception,System.String)")
def fail_fast(engine, message, exception, error_source):
    from .managed_values import string_or_none
    text = string_or_none(message) or ""
    sys.stderr.write(f"{text}\n")
    engine.shutdown(134)


# -- environment variables -----------------------------------------------------------------------------
@icall("System.Environment::internalGetEnvironmentVariable_native(System.IntPtr)")
def get_environment_variable(engine, utf8_name):
    """`utf8_name` is a NUL-terminated UTF-8 string (Mono.SafeStringMarshal)."""
    import ctypes
    name = ctypes.string_at(utf8_name).decode("utf-8", "surrogateescape") if utf8_name else ""
    return new_string(engine, os.environ.get(name))


@icall("System.Environment::GetEnvironmentVariableNames()")
def get_environment_variable_names(engine):
    return new_string_array(engine, list(os.environ))


@icall("System.Environment::InternalSetEnvironmentVariable(System.Char*,System.Int32,System.Char*,System.Int32)")
def set_environment_variable(engine, name, name_length, value, value_length):
    key = chars(name, name_length)
    if not value or value_length == 0:
        os.environ.pop(key, None)
    else:
        os.environ[key] = chars(value, value_length)


@icall("System.Environment::internalBroadcastSettingChange()")
def broadcast_setting_change(engine):
    pass


# -- the machine ----------------------------------------------------------------------------------------
@icall("System.Environment::GetNewLine()")
def get_new_line(engine):
    return engine.strings.intern("\n")


@icall("System.Environment::get_Platform()")
def get_platform(engine):
    return PLATFORM_UNIX


@icall("System.Environment::GetOSVersionString()")
def get_os_version_string(engine):
    return new_string(engine, platform.release())


@icall("System.Environment::get_TickCount()")
def get_tick_count(engine):
    """Milliseconds since the system started, wrapping as an int32."""
    ms = int(time.clock_gettime(getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC)) * 1000)
    ms &= 0xFFFFFFFF
    return ms - (1 << 32) if ms >= 1 << 31 else ms


@icall("System.Environment::get_UserName()")
def get_user_name(engine):
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "Unknown"
    return new_string(engine, name)


@icall("System.Environment::get_MachineName()")
def get_machine_name(engine):
    import socket           # here, not at the top: every program imports this module, few ask this
    return new_string(engine, socket.gethostname().split(".")[0])


@icall("System.Environment::get_ProcessorCount()")
def get_processor_count(engine):
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@icall("System.Environment::GetIs64BitOperatingSystem()")
def get_is_64bit_os(engine):
    return 1


@icall("System.Environment::GetPageSize()")
def get_page_size(engine):
    return mmap.PAGESIZE


@icall("System.Environment::internalGetHome()")
def get_home(engine):
    return new_string(engine, os.path.expanduser("~"))


@icall("System.Environment::GetLogicalDrivesInternal()")
def get_logical_drives(engine):
    return new_string_array(engine, ["/"])


@icall("System.Environment::GetMachineConfigPath()")
def get_machine_config_path(engine):
    return new_string(engine, "/etc/mono/4.5/machine.config")


@icall("System.Environment::internalGetGacPath()")
def get_gac_path(engine):
    framework = engine.binder.framework_dir         # .../lib/mono/4.5; the GAC is .../lib/mono/gac
    return new_string(engine, str(framework.parent / "gac") if framework else "")


@icall("System.Environment::get_bundled_machine_config()")
def get_bundled_machine_config(engine):
    return 0
