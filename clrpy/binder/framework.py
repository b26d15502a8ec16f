"""Finding the class libraries: the directory that holds mscorlib.dll, System.dll, ... and Facades/.

clrpy runs Mono's class libraries (the 4.5 profile) as its BCL. Where they live is decided once,
when a binder is made, in this order:

1. a directory given explicitly (the `--framework-dir` option, or `AssemblyBinder(framework_dir=...)`);
2. the environment variable CLRPY_FRAMEWORK_DIR;
3. the default: the 4.5 profile of the Mono installation that provides the `mono` command on PATH,
   then the usual installation prefixes (/usr, /usr/local, /opt/mono, the macOS framework).

The profile's Facades/ subdirectory holds the contract assemblies (System.Runtime.dll, netstandard.dll,
...) that only forward types to the real libraries; it is searched right after the profile.

Nothing here opens an assembly: a location is just paths and the reason they were chosen. A location
whose directory does not exist is kept (with `exists` False) so that the error can say where the
setting came from when something is bound from it.
"""
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

FRAMEWORK_DIR_ENV = "CLRPY_FRAMEWORK_DIR"
PROFILE = "4.5"
FACADES = "Facades"
CORLIB_FILE = "mscorlib.dll"

# Installation prefixes tried after the one the `mono` command comes from.
DEFAULT_PREFIXES = ("/usr", "/usr/local", "/opt/mono", "/Library/Frameworks/Mono.framework/Versions/Current")


@dataclass(frozen=True)
class FrameworkLocation:
    """Where the class libraries are, and how that was decided."""
    directory: Path | None          # None when no class libraries were found
    origin: str                     # "--framework-dir option", "environment variable ...", "default ..."
    candidates: tuple = ()          # the directories the default search looked at (for messages)

    @property
    def exists(self) -> bool:
        return self.directory is not None and self.directory.is_dir()

    @property
    def facades(self) -> Path | None:
        """The Facades/ subdirectory, or None if the class libraries have none."""
        if self.directory is None:
            return None
        facades = self.directory / FACADES
        return facades if facades.is_dir() else None

    @property
    def directories(self):
        """The directories framework assemblies are probed in: the profile, then its facades."""
        if not self.exists:
            return []
        return [self.directory] + ([self.facades] if self.facades else [])

    def describe_missing(self) -> str:
        """A sentence explaining why no class library can be found (for error messages)."""
        if self.directory is None:
            looked = ", ".join(str(c) for c in self.candidates) or "nowhere"
            return (f"no Mono class libraries were found (looked in {looked}); install Mono or set "
                    f"{FRAMEWORK_DIR_ENV} or --framework-dir")
        return f"the class-library directory {self.directory} (from the {self.origin}) does not exist"


def locate_framework(explicit=None, origin: str = "--framework-dir option", environ=None) -> FrameworkLocation:
    """Decide where the class libraries are (see the module docstring for the order)."""
    if isinstance(explicit, FrameworkLocation):
        return explicit
    if explicit is not None:
        return FrameworkLocation(absolute_path(explicit), origin)
    environ = os.environ if environ is None else environ
    from_env = environ.get(FRAMEWORK_DIR_ENV)
    if from_env:
        return FrameworkLocation(absolute_path(from_env), f"environment variable {FRAMEWORK_DIR_ENV}")
    return _default_location(environ)


def _default_location(environ) -> FrameworkLocation:
    candidates = _default_candidates(environ)
    for directory, origin in candidates:
        if (directory / CORLIB_FILE).is_file():
            return FrameworkLocation(directory, origin, tuple(d for d, _ in candidates))
    return FrameworkLocation(None, "default search", tuple(d for d, _ in candidates))


def _default_candidates(environ):
    """(directory, origin) pairs, best first, without duplicates."""
    found = []
    mono = shutil.which("mono", path=environ.get("PATH"))
    if mono:
        # <prefix>/bin/mono  ->  <prefix>/lib/mono/4.5
        prefix = Path(os.path.realpath(mono)).parent.parent
        found.append((prefix / "lib" / "mono" / PROFILE, f"default: the Mono installation of {mono}"))
    for prefix in DEFAULT_PREFIXES:
        found.append((Path(prefix) / "lib" / "mono" / PROFILE, f"default: the Mono installation prefix {prefix}"))
    unique, seen = [], set()
    for directory, origin in found:
        if directory not in seen:
            seen.add(directory)
            unique.append((directory, origin))
    return unique


def absolute_path(path) -> Path:
    """`path` made absolute (against the current directory), with ~ expanded."""
    return Path(os.path.abspath(os.path.expanduser(str(path))))
