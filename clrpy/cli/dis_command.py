"""`clrpy dis FILE [--type T] [--method M]`: the ilasm-style listing of a managed module.

Prints the manifest, every type (or the selected ones) with its members, and the IL of each method
body with tokens resolved to names (see clrpy/cil/disassembler.py). The listing streams to stdout.
Methods whose bodies cannot be decoded get an error line in the listing; the command then reports
how many there were on stderr and exits with status 1.
"""
import sys

from ..cil.disassembler import disassemble
from ..metadata.module import Module

HELP = "disassemble a managed module (ilasm-style listing with names resolved)"


def add_arguments(parser):
    parser.add_argument("file", help="the assembly or module (.exe, .dll, .netmodule)")
    parser.add_argument("--type", dest="type_name", metavar="T",
                        help="only the type with this full name (Ns.Name, or Ns.Outer/Inner for nested types)")
    parser.add_argument("--method", dest="method_name", metavar="M",
                        help="only the methods with this name (or Type::Method)")


def run(args) -> int:
    with Module.open(args.file) as module:
        errors = disassemble(module, sys.stdout, args.type_name, args.method_name)
    sys.stdout.flush()
    if errors:
        print(f"clrpy: error: {errors} method{'s' if errors != 1 else ''} could not be disassembled "
              f"(see the ERROR lines in the listing)", file=sys.stderr)
        return 1
    return 0
