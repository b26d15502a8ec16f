"""`clrpy info`: show clrpy's environment: versions, where the class libraries are, the search order.

This is the first thing to run when an assembly will not load: it prints what the binder will
do (which class libraries, found how; the Facades; the probing paths) and loads mscorlib to show
its identity. If mscorlib cannot be loaded, everything else is still printed and the command fails
with the binder's error.
"""
import platform
import sys

from .. import __version__
from .options import add_binding_arguments, binder_from_args

HELP = "show versions, the class libraries in use and the assembly search order"


def add_arguments(parser):
    parser.add_argument("program", nargs="?", metavar="PROGRAM",
                        help="a program whose directory is searched first (shows the search order it gets)")
    add_binding_arguments(parser)


def run(args) -> int:
    binder = binder_from_args(args, app_path=args.program)
    for line in version_lines() + binding_lines(binder):
        print(line)
    sys.stdout.flush()
    corlib = binder.corlib             # raises AssemblyResolutionError, reported by main
    print(f"mscorlib: {corlib.assembly_name}")
    print(f"  file: {corlib.path}")
    print(f"  runtime version: {corlib.root.version}")
    return 0


def version_lines():
    return [f"clrpy {__version__}",
            f"Python {platform.python_version()} ({sys.executable})",
            f"llvmlite {llvmlite_version()}"]


def llvmlite_version() -> str:
    """"0.50.0 (LLVM 22.1.0)", or "not installed". Imported here: only `info` and the JIT need it."""
    try:
        import llvmlite
        import llvmlite.binding
    except ImportError:
        return "not installed"
    llvm = ".".join(str(v) for v in llvmlite.binding.llvm_version_info)
    return f"{llvmlite.__version__} (LLVM {llvm})"


def binding_lines(binder):
    framework = binder.framework
    if framework.directory is None:
        libraries = f"not found ({framework.describe_missing()})"
    else:
        missing = "" if framework.exists else " -- does not exist"
        libraries = f"{framework.directory} ({framework.origin}){missing}"
    facades = binder.facades_dir
    probes = binder.probe_paths
    search = binder.search_paths()
    lines = [f"class libraries: {libraries}",
             f"facades: {facades if facades is not None else 'none'}",
             "probing paths:" + ("" if probes else " none")]
    lines += [f"  {p.directory} ({p.origin}){'' if p.directory.is_dir() else ' -- does not exist'}" for p in probes]
    lines.append("search order:" + ("" if search else " none"))
    lines += [f"  {i}. {p.directory} ({p.origin})" for i, p in enumerate(search, 1)]
    return lines
