"""The `clrpy` command: parses arguments and dispatches to one module per subcommand.

Subcommand modules are imported only when used (the runtime's start-up time is part of every
program's run time), except for `clrpy --help`, which lists them all. Every ClrpyError becomes one
line on stderr ("clrpy: error: ...") and exit status 1; a usage error exits with 2. No Python
traceback reaches the user for bad input.
"""
import argparse
import importlib
import sys

from ..errors import ClrpyError

# command name -> module (in clrpy.cli) implementing it: HELP, add_arguments(parser), run(args)
COMMANDS = {
    "run": "run_command",
    "dis": "dis_command",
    "validate": "validate_command",
    "info": "info_command",
    "jitdump": "jitdump_command",
    "binfmt": "binfmt_command",
}


def command_module(name: str):
    return importlib.import_module(f".{COMMANDS[name]}", __package__)


def build_parser(only=None):
    """The argument parser; with `only`, just that subcommand's (the others are not imported)."""
    parser = argparse.ArgumentParser(prog="clrpy", description="A Common Language Runtime written in Python.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is not None and name != only:
            continue
        module = command_module(name)
        p = sub.add_parser(name, help=module.HELP, description=module.__doc__.strip().splitlines()[0])
        module.add_arguments(p)
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "run")           # `clrpy app.exe args...` is `clrpy run app.exe args...`
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return command_module(args.command).run(args) or 0
    except ClrpyError as e:
        print(f"clrpy: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as command-line tools do.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
