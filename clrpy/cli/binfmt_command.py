"""`clrpy binfmt [--install | --uninstall]`: have Linux start managed programs with clrpy, as `./app.exe`.

On Windows the OS loader recognises a managed image and hands it to the runtime. Linux's equivalent
is binfmt_misc: a table of (magic bytes -> interpreter) rules the kernel consults when a file that is
not ELF is executed. This command prints the rule that makes the kernel run `clrpy PROGRAM ARGS...`
for files starting with the PE magic "MZ" (so `chmod +x app.exe && ./app.exe` works), in the format
of /proc/sys/fs/binfmt_misc/register, which is also the format of systemd's /etc/binfmt.d/*.conf
files: everything but the rule is a `#` comment, so `clrpy binfmt > /etc/binfmt.d/clrpy.conf` makes
it permanent. `--install` writes the rule to the kernel's register file, which needs root and a
mounted binfmt_misc; `--uninstall` removes it. Where it cannot, the command explains what is needed.

"MZ" starts every PE file, native Windows programs too; clrpy reports those as "not a managed
module" (exit status 1). Mono's package registers the same magic through binfmt-support (entry
`cli`, with a detector program that tells managed images apart); when both are registered the
kernel uses the one registered last. The printed notes name any such entry found on this machine.

$CLRPY_BINFMT_DIR replaces /proc/sys/fs/binfmt_misc (for tests, or a binfmt_misc mounted elsewhere).
"""
import errno
import os
import shutil
import sys
from pathlib import Path

from ..errors import ClrpyError

HELP = "print (or --install) the Linux binfmt_misc rule that makes ./app.exe start clrpy"
BINFMT_DIR_ENV = "CLRPY_BINFMT_DIR"
DEFAULT_BINFMT_DIR = "/proc/sys/fs/binfmt_misc"
ENTRY_NAME = "clrpy"
MAGIC = "MZ"
# Where binfmt-support (Debian's update-binfmts) keeps the formats packages register.
BINFMT_SUPPORT_DIRS = (Path("/var/lib/binfmts"), Path("/usr/share/binfmts"))
_DELIMITERS = ":|#!%,;"


class BinfmtError(ClrpyError):
    """The registration cannot be made or removed here (not root, binfmt_misc not mounted, ...)."""


def add_arguments(parser):
    parser.epilog = (f"The rule matches files starting with '{MAGIC}', i.e. every PE image: native Windows programs "
                     f"too, which clrpy reports as \"not a managed module\" (exit status 1). Mono's binfmt-support "
                     f"entry 'cli' claims the same magic; the entry registered last wins. "
                     f"${BINFMT_DIR_ENV} replaces {DEFAULT_BINFMT_DIR}.")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--install", action="store_true",
                        help="register the rule with the kernel now (root; lasts until reboot)")
    action.add_argument("--uninstall", action="store_true", help="remove the rule from the kernel")
    parser.add_argument("--interpreter", metavar="PATH",
                        help="the executable the kernel starts with the program's path and arguments "
                             "(default: this installation's `clrpy` command)")
    parser.add_argument("--name", default=ENTRY_NAME, help=f"the rule's name in binfmt_misc (default {ENTRY_NAME})")


def run(args) -> int:
    directory = Path(os.environ.get(BINFMT_DIR_ENV) or DEFAULT_BINFMT_DIR)
    name = args.name
    if not name or "/" in name or name in (".", "..", "register", "status") or any(c in name for c in _DELIMITERS):
        raise BinfmtError(f"'{name}' cannot name a binfmt_misc entry")
    if args.uninstall:
        return uninstall(directory, name)
    interpreter = interpreter_path(args.interpreter)
    rule = registration(name, interpreter)
    if args.install:
        return install(directory, name, rule, interpreter)
    sys.stdout.write(describe(directory, name, rule, interpreter))
    return 0


# -- the rule ----------------------------------------------------------------------------------------------
def default_interpreter():
    """This installation's `clrpy` command: next to the running Python (a venv's bin/), else on PATH."""
    beside = Path(sys.executable).parent / "clrpy"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("clrpy")
    return os.path.abspath(found) if found else None


def interpreter_path(given) -> str:
    path = given if given is not None else default_interpreter()
    if path is None:
        raise BinfmtError("no `clrpy` command found next to this Python or on PATH; name the program the "
                          "kernel should start with --interpreter PATH")
    path = os.path.abspath(path)
    if not os.path.isfile(path) or not os.access(path, os.X_OK):
        raise BinfmtError(f"the interpreter {path} is not an executable file (binfmt_misc needs one)")
    return path


def registration(name: str, interpreter: str) -> str:
    """`:name:M::MZ::interpreter:` - type M(agic) at offset 0, no mask, no flags. The first character
    is the field delimiter: ':' unless the interpreter's path contains one."""
    delimiter = next((d for d in _DELIMITERS if d not in interpreter), None)
    if delimiter is None:
        raise BinfmtError(f"the interpreter path {interpreter} contains every usable field delimiter")
    d = delimiter
    return f"{d}{name}{d}M{d}{d}{MAGIC}{d}{d}{interpreter}{d}"


def parse_registration(rule: str) -> dict:
    """The fields of a registration string (the inverse of `registration`, for checks and tests)."""
    d = rule[0]
    fields = rule.rstrip("\n")[1:].split(d)
    if len(fields) != 7:
        raise ValueError(f"a registration has 7 fields, this one {len(fields)}: {rule!r}")
    keys = ("name", "type", "offset", "magic", "mask", "interpreter", "flags")
    return dict(zip(keys, fields))


def describe(directory: Path, name: str, rule: str, interpreter: str) -> str:
    """The rule with instructions, as `#` comments (valid as a systemd binfmt.d file)."""
    me = interpreter
    lines = [
        f"# binfmt_misc rule: run files that start with '{MAGIC}' (PE images) with {interpreter}",
        rule,
        "#",
        f"# Install it now (as root; until reboot):  {me} binfmt --install",
        f"#   or by hand:  echo '{rule}' > {directory / 'register'}",
        f"# Make it permanent (systemd):  {me} binfmt > /etc/binfmt.d/{name}.conf",
        f"# Remove it:  {me} binfmt --uninstall   (or: echo -1 > {directory / name})",
        "# Then:  chmod +x app.exe && ./app.exe ARGS...   runs   clrpy app.exe ARGS...",
        "#",
        f"# '{MAGIC}' starts every PE file: native Windows programs too. clrpy refuses those with",
        "# \"not a managed module\" and exit status 1.",
    ]
    lines += [f"# {line}" for line in conflict_notes(directory, name)]
    status = entry_status(directory, name)
    if status is not None:
        lines.append(f"# Currently registered as '{name}': {status.get('state', '?')}, "
                     f"interpreter {status.get('interpreter', '?')}")
    return "\n".join(lines) + "\n"


# -- other registrations of the same magic ---------------------------------------------------------------
def conflict_notes(directory: Path, name: str):
    """Lines about other binfmt entries that also claim MZ files (Mono's `cli`, Wine's...)."""
    notes = []
    seen = set()
    for other, interpreter, source in mz_registrations(directory):
        key = (other, source.split()[0])        # one note per entry in the kernel, one per package format
        if other == name or key in seen:
            continue
        seen.add(key)
        notes.append(f"Entry '{other}' ({source}) also claims '{MAGIC}' files, with {interpreter}.")
    if notes:
        notes.append("When two entries match, the kernel uses the one registered last. To keep the other")
        notes.append("from taking over at the next boot, disable it (binfmt-support: update-binfmts --disable NAME).")
    return notes


def mz_registrations(directory: Path):
    """(name, interpreter, where found) of the entries for PE files: in the kernel's table and in
    binfmt-support's databases (which registers them at boot)."""
    found = []
    try:
        entries = sorted(directory.iterdir()) if directory.is_dir() else []
    except OSError:
        entries = []
    for entry in entries:
        if entry.name in ("register", "status"):
            continue
        status = _read_kernel_entry(entry)
        if status and status.get("magic", "").lower().startswith("4d5a"):
            found.append((entry.name, status.get("interpreter", "?"), f"registered in {directory}"))
    for base in BINFMT_SUPPORT_DIRS:
        try:
            files = sorted(p for p in base.iterdir() if p.is_file()) if base.is_dir() else []
        except OSError:
            files = []
        for path in files:
            fmt = _read_binfmt_support(path)
            if fmt and fmt.get("magic") in ("MZ", "\\x4d\\x5a", "\\x4D\\x5A") and not fmt.get("offset", "0").strip("0"):
                interpreter = fmt.get("interpreter", "?")
                if fmt.get("detector"):
                    interpreter += f" (detector {fmt['detector']})"
                found.append((path.name, interpreter, f"binfmt-support {path}"))
    return found


def _read_kernel_entry(path: Path):
    """A /proc/sys/fs/binfmt_misc/NAME file: 'enabled', 'interpreter X', 'magic 4d5a', ..."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return None
    status = {}
    for line in text.splitlines():
        if line in ("enabled", "disabled"):
            status["state"] = line
        elif " " in line:
            key, value = line.split(" ", 1)
            status[key.rstrip(":")] = value
    return status


def _read_binfmt_support(path: Path):
    """A binfmt-support format: /usr/share/binfmts ("key value" lines) or /var/lib/binfmts (the
    fields one per line: package, type, offset, magic, mask, interpreter, detector, ...)."""
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return None
    if any(line.startswith(("magic ", "interpreter ")) for line in lines):
        fmt = {}
        for line in lines:
            if " " in line:
                key, value = line.split(" ", 1)
                fmt[key] = value.strip()
        return fmt
    if len(lines) >= 6 and lines[1] == "magic":
        fmt = dict(zip(("package", "type", "offset", "magic", "mask", "interpreter", "detector"), lines))
        return fmt
    return None


def entry_status(directory: Path, name: str):
    path = directory / name
    return _read_kernel_entry(path) if path.is_file() else None


# -- changing the kernel's table -------------------------------------------------------------------------------
def _need_root_hint():
    return "registering binary formats needs root (CAP_SYS_ADMIN): run the command with sudo"


def _not_mounted(directory: Path) -> BinfmtError:
    return BinfmtError(
        f"binfmt_misc is not available at {directory} (no {directory / 'register'}): mount it as root with "
        f"`mount -t binfmt_misc binfmt_misc {DEFAULT_BINFMT_DIR}` (in a container: on the host, or run the "
        f"container privileged), or point ${BINFMT_DIR_ENV} at where it is mounted")


def _write(path: Path, text: str, what: str):
    try:
        with open(path, "w") as f:
            f.write(text)
    except PermissionError:
        raise BinfmtError(f"cannot {what}: permission denied writing {path}; {_need_root_hint()}") from None
    except OSError as e:
        if e.errno == errno.EROFS:
            raise BinfmtError(f"cannot {what}: {path} is on a read-only file system (a container without "
                              f"privileges? register the rule on the host)") from None
        if e.errno == errno.EEXIST:
            raise BinfmtError(f"cannot {what}: the kernel already has an entry of that name") from None
        if e.errno == errno.EINVAL:
            raise BinfmtError(f"cannot {what}: the kernel rejected the rule as invalid ({text.strip()!r})") from None
        raise BinfmtError(f"cannot {what}: {path}: {e.strerror or e}") from None


def install(directory: Path, name: str, rule: str, interpreter: str) -> int:
    register = directory / "register"
    if not register.exists():
        raise _not_mounted(directory)
    current = entry_status(directory, name)
    if current is not None:
        if current.get("interpreter") == interpreter:
            print(f"binfmt_misc entry '{name}' is already registered with {interpreter} ({current.get('state', '?')})")
            return 0
        raise BinfmtError(f"a binfmt_misc entry '{name}' is already registered, with interpreter "
                          f"{current.get('interpreter', '?')}; remove it first (clrpy binfmt --uninstall)")
    _write(register, rule + "\n", f"register the '{name}' rule")
    print(f"registered binfmt_misc entry '{name}': {rule}")
    print("executable PE files now start clrpy: chmod +x app.exe && ./app.exe")
    for note in conflict_notes(directory, name):
        print(f"note: {note}")
    return 0


def uninstall(directory: Path, name: str) -> int:
    if not (directory / "register").exists():
        raise _not_mounted(directory)
    path = directory / name
    if not path.exists():
        print(f"no binfmt_misc entry '{name}' is registered; nothing to remove")
        return 0
    _write(path, "-1\n", f"remove the '{name}' entry")
    print(f"removed binfmt_misc entry '{name}'")
    return 0
