"""Image validation: the checks the runtime makes before it runs an image.

`validate_file(path)` and `validate_bytes(data)` return a `Report`; `validate_module(module)`
returns the list of `Problem`s of an open module. The checks live in one module per layer:
`pe_checks` (PE/COFF), `cli_checks` (CLI header, entry point), `metadata_checks` (streams, heaps,
tables, signatures) and `il_checks` (method bodies, IL, exception clauses); `runner` runs them in
that order. See docs/validation.md.
"""
from .report import DEFAULT_LIMIT, Problem, Report
from .runner import check_module, validate_bytes, validate_file, validate_module

__all__ = ["DEFAULT_LIMIT", "Problem", "Report", "check_module", "validate_bytes", "validate_file",
           "validate_module"]
