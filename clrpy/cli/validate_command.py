"""`clrpy validate`: check images the way the runtime does before running them.

For each file prints one line, "FILE: OK (N types, M methods, K bytes of IL)", or one line per
problem ("FILE: where: what") followed by "FILE: INVALID: N problems". Exits 0 when every file is
valid and 1 otherwise. See docs/validation.md for what is checked.
"""
import sys

from ..validation import DEFAULT_LIMIT, validate_file

HELP = "check managed images (PE, CLI header, metadata, IL) as the runtime does before running them"


def add_arguments(parser):
    parser.add_argument("files", nargs="+", metavar="FILE", help="a managed .exe or .dll")
    parser.add_argument("--max-problems", type=int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"stop after N problems per file (default {DEFAULT_LIMIT})")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")


def run(args) -> int:
    status = 0
    out = sys.stdout
    for path in args.files:
        report = validate_file(path, limit=args.max_problems)
        if report.ok:
            if not args.quiet:
                print(report.summary(), file=out)
            continue
        status = 1
        for problem in report.problems:
            print(f"{path}: {problem}", file=out)
        if report.not_managed is None:
            print(report.summary(), file=out)
    return status
