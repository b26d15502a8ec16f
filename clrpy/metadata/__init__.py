"""Image loading: PE/COFF, the CLI header, ECMA-335 metadata, signatures and method bodies."""
from .module import Metadata, Module, open_module  # noqa: F401
