"""`clrpy run PROGRAM [ARGS...]` (or just `clrpy PROGRAM [ARGS...]`): load, validate and run a program.

The program's entry point (Main, with or without string[], returning int or void) runs as native
code compiled method by method on first call; the process exit code is Main's return value. An
exception that leaves Main is printed to stderr, as Mono prints it, and the exit code is 1.
"""
import os
import sys

from ..runtime.exceptions import ManagedException
from .options import add_binding_arguments, binder_from_args

HELP = "run a .NET program (the default command: `clrpy app.exe` runs it)"
TRACE_ENV = "CLRPY_TRACE"
TRACE_CHOICES = ("jit", "ir", "gc")


def add_arguments(parser):
    parser.add_argument("program", help="the .exe to run")
    parser.add_argument("args", nargs="...", help="arguments passed to the program's Main")
    parser.add_argument("--trace", metavar="WHAT", default=os.environ.get(TRACE_ENV, ""),
                        help=f"comma-separated: jit (one line per compiled method), ir (the LLVM IR), "
                             f"gc (one line per collection); also ${TRACE_ENV}")
    parser.add_argument("--max-heap", metavar="SIZE", default=None,
                        help="largest managed heap (e.g. 512M, 2G); past it allocation raises "
                             "OutOfMemoryException; also $CLRPY_MAX_HEAP")
    parser.add_argument("-O", dest="opt_level", type=int, choices=(0, 1, 2, 3), default=2,
                        help="LLVM optimisation level (default 2)")
    parser.add_argument("--debug", action="store_true",
                        help="as mono --debug: stack traces name source files and lines from the "
                             "program's debug symbols (prog.exe.mdb or prog.pdb)")
    parser.add_argument("--no-validate", action="store_true", help="skip image validation before running")
    add_binding_arguments(parser)


def parse_trace(text: str):
    items = {t.strip() for t in text.split(",") if t.strip()}
    unknown = items - set(TRACE_CHOICES)
    if unknown:
        raise SystemExit(f"clrpy: error: unknown --trace value(s): {', '.join(sorted(unknown))} "
                         f"(choose from {', '.join(TRACE_CHOICES)})")
    return items


def run(args) -> int:
    from ..runtime.execution_engine import ExecutionEngine, RuntimeOptions
    from ..runtime.threads import run_on_managed_stack
    trace = parse_trace(args.trace)
    binder = binder_from_args(args, app_path=args.program)
    module = binder.load_file(args.program)
    if not args.no_validate:
        _validate(module)
    max_heap = _parse_max_heap(args.max_heap)
    engine = ExecutionEngine(binder, RuntimeOptions(trace=trace, opt_level=args.opt_level, debug=args.debug,
                                                    max_heap=max_heap))
    engine.gc.finalization.exit_on_exception = True     # as Mono: a finalizer's exception ends the process
    try:
        code = run_on_managed_stack(engine.run_main, module, list(args.args))
    except ManagedException as e:
        # As Mono reports an exception nothing caught (its finally blocks have run by now).
        sys.stdout.flush()
        text = e.format()
        sys.stderr.write(f"\nUnhandled Exception:\n{text}\n[ERROR] FATAL UNHANDLED EXCEPTION: {text}\n")
        sys.stderr.flush()
        return 1
    sys.stdout.flush()
    return code


def _parse_max_heap(text):
    if text is None:
        return None
    from ..runtime.gc.collector import parse_size
    try:
        return parse_size(text)
    except ValueError as e:
        raise SystemExit(f"clrpy: error: --max-heap: {e}")


def _validate(module):
    """The image checks the runtime makes before running a program (clrpy.validation)."""
    try:
        from ..validation import validate_module
    except ImportError:
        return
    from ..errors import BadImageError
    problems = validate_module(module)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems; run `clrpy validate`)" if len(problems) > 1 else ""
        raise BadImageError(f"{first}{more}", path=str(module.path))
