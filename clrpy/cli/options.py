"""Command-line options shared by the commands that load assemblies (info, dis, validate, run).

`add_binding_arguments(parser)` adds --framework-dir and --probe; `binder_from_args(args, app_path)`
makes the AssemblyBinder they describe. A directory that does not exist is a usage error, reported
by argparse before anything is loaded.
"""
import argparse
import os
from pathlib import Path

from ..binder import AssemblyBinder, SearchPath, locate_framework
from ..binder.framework import FRAMEWORK_DIR_ENV
from ..binder.probing import PROBE_PATH_ENV


def existing_directory(value: str) -> str:
    """argparse type: a directory that exists."""
    if not os.path.isdir(value):
        raise argparse.ArgumentTypeError(f"{value} is not a directory")
    return value


def add_binding_arguments(parser):
    group = parser.add_argument_group("assembly binding")
    group.add_argument("--framework-dir", metavar="DIR", type=existing_directory,
                       help=f"the class libraries (mscorlib.dll, System.dll, ...) to run against; default: "
                            f"${FRAMEWORK_DIR_ENV}, else Mono's 4.5 profile")
    group.add_argument("--probe", metavar="DIR", type=existing_directory, action="append", default=[],
                       help=f"also look for referenced assemblies in DIR (repeatable; searched before "
                            f"${PROBE_PATH_ENV})")


def binder_from_args(args, app_path=None) -> AssemblyBinder:
    """The binder for parsed arguments; `app_path` (the program) makes its directory the application directory."""
    framework_dir = getattr(args, "framework_dir", None)
    framework = locate_framework(framework_dir, "--framework-dir option") if framework_dir else None
    probes = [SearchPath(Path(os.path.abspath(p)), "--probe option") for p in getattr(args, "probe", None) or ()]
    app_dir = Path(os.path.abspath(app_path)).parent if app_path is not None else None
    return AssemblyBinder(app_dir=app_dir, framework_dir=framework, probe_paths=probes)
