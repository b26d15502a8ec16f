"""Internal calls of System.ConsoleDriver: what Mono's console drivers ask of the terminal.

ConsoleDriver picks a driver in its class constructor: when stdin and stdout are both terminals
(`Isatty`) and TERM is set and not "dumb", the TermInfoDriver, which reads the terminfo database
(managed code, through File) and calls `TtySetup` to take the terminal out of canonical mode,
`SetEcho`/`SetBreak` around key reads and `InternalKeyAvailable` to poll for input; otherwise the
NullConsoleDriver, which needs none of these (output redirected, as in tests).

The terminal's settings at TtySetup are restored when the process ends (normally, by an unhandled
exception, or by Environment.Exit), after writing the terminfo "teardown" string the driver passes.
"""
import atexit
import ctypes
import os
import select

from .managed_values import new_byte_array, string_or_none, write_i64, write_ref
from .registry import icall
from .system_io_monoio import HANDLE_BIAS, open_files

try:
    import termios
except ImportError:             # not a POSIX system: no terminal control
    termios = None

STDIN = 0


@icall("System.ConsoleDriver::Isatty(System.IntPtr)")
def isatty(engine, handle):
    f = open_files(engine).get(handle)
    fd = f.fd if f is not None else handle - HANDLE_BIAS
    try:
        return 1 if os.isatty(fd) else 0
    except OSError:
        return 0


class _Terminal:
    """The terminal settings TtySetup found, to restore at exit."""
    saved = None
    teardown = b""
    size_cell = None

    @classmethod
    def restore(cls):
        if cls.saved is not None and termios is not None:
            try:
                termios.tcsetattr(STDIN, termios.TCSANOW, cls.saved)
            except (termios.error, OSError):
                pass
            cls.saved = None
        if cls.teardown:
            try:
                os.write(1, cls.teardown)
            except OSError:
                pass
            cls.teardown = b""


atexit.register(_Terminal.restore)


@icall("System.ConsoleDriver::TtySetup(System.String,System.String,System.Byte[]&,System.Int32*&)")
def tty_setup(engine, keypad_xmit, teardown, control_chars_out, size_out):
    """Non-canonical input (the driver edits lines itself), the keypad in transmit mode; returns
    the terminal's control characters and a pointer to its size as (columns << 16) | rows."""
    if termios is None:
        return 0
    try:
        attrs = termios.tcgetattr(STDIN)
    except (termios.error, OSError):
        return 0
    if _Terminal.saved is None:
        _Terminal.saved = [list(a) if isinstance(a, list) else a for a in attrs]
        hooks = getattr(engine, "exit_hooks", None)
        if hooks is not None:
            hooks.append(_Terminal.restore)
    cc = attrs[6]
    control = bytes((c[0] if isinstance(c, bytes) else c) & 0xFF for c in cc)
    write_ref(control_chars_out, new_byte_array(engine, control))
    keypad = string_or_none(keypad_xmit)
    if keypad:
        os.write(1, keypad.encode("utf-8"))
    _Terminal.teardown = (string_or_none(teardown) or "").encode("utf-8")
    new = termios.tcgetattr(STDIN)
    new[3] &= ~termios.ICANON
    new[0] &= ~(termios.IXON | termios.IXOFF)
    new[6][termios.VMIN] = 1
    new[6][termios.VTIME] = 0
    try:
        termios.tcsetattr(STDIN, termios.TCSANOW, new)
    except (termios.error, OSError):
        pass
    if _Terminal.size_cell is None:
        _Terminal.size_cell = engine.arena.alloc(4, 4)
    try:
        size = os.get_terminal_size(1)
        packed = (size.columns << 16) | (size.lines & 0xFFFF)
    except OSError:
        packed = -1
    ctypes.c_int32.from_address(_Terminal.size_cell).value = packed
    write_i64(size_out, _Terminal.size_cell)
    return 1


def _set_lflag(flag, on: bool) -> int:
    if termios is None:
        return 0
    try:
        attrs = termios.tcgetattr(STDIN)
        attrs[3] = attrs[3] | flag if on else attrs[3] & ~flag
        termios.tcsetattr(STDIN, termios.TCSANOW, attrs)
        return 1
    except (termios.error, OSError):
        return 0


@icall("System.ConsoleDriver::SetEcho(System.Boolean)")
def set_echo(engine, want_echo):
    return _set_lflag(termios.ECHO if termios else 0, bool(want_echo))


@icall("System.ConsoleDriver::SetBreak(System.Boolean)")
def set_break(engine, want_break):
    """Whether Ctrl-C interrupts (ISIG) or arrives as input."""
    return _set_lflag(termios.ISIG if termios else 0, bool(want_break))


@icall("System.ConsoleDriver::InternalKeyAvailable(System.Int32)")
def internal_key_available(engine, timeout_ms):
    """1 when stdin has input within `timeout_ms` (-1: wait), 0 when not, -1 on error."""
    try:
        ready, _, _ = select.select([STDIN], [], [], None if timeout_ms < 0 else timeout_ms / 1000)
    except (OSError, ValueError):
        return -1
    return 1 if ready else 0
