"""The `clrpy` command: parses arguments and dispatches to one module per subcommand.

Every ClrpyError becomes one line on stderr ("clrpy: error: ...") and exit status 1; a usage
error exits with 2. No Python traceback reaches the user for bad input.
"""
import argparse
import sys

from ..errors import ClrpyError
from . import dis_command, info_command, run_command, validate_command

COMMANDS = {
    "run": run_command,
    "dis": dis_command,
    "validate": validate_command,
    "info": info_command,
}


def build_parser():
    parser = argparse.ArgumentParser(prog="clrpy", description="A Common Language Runtime written in Python.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        p = sub.add_parser(name, help=module.HELP, description=module.__doc__.strip().splitlines()[0])
        module.add_arguments(p)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "run")           # `clrpy app.exe args...` is `clrpy run app.exe args...`
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return COMMANDS[args.command].run(args) or 0
    except ClrpyError as e:
        print(f"clrpy: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as command-line tools do.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
