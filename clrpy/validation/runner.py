"""Runs the checks in layer order and collects the problems into a report.

Order: PE/COFF headers, CLI header, metadata (streams and heaps, table rows, sortedness and runs,
signatures, data the rows point at), the entry point, then method bodies and their IL. Each
layer reads structures the previous one vouched for, so the earliest problem is the most
fundamental one; a layer still runs when an earlier one found problems (every read is bounds
checked), so one run reports everything up to the limit.

Opening the module is itself the first check. A file that is not a PE or has no CLI header is
"not a managed module" (one problem, with the reason); when the PE headers could be read but the
CLI header, metadata root or tables header could not, the PE-level checks run too (they usually
say why: a truncated file shows as sections running past its end) before the error that stopped
opening.
"""
from ..errors import BadImageError, NotManagedModuleError
from ..metadata.module import Module
from ..metadata.pe import PEFile
from ..metadata.schema import TableId
from .cli_checks import check_cli_header, check_entry_point
from .il_checks import ILChecker
from .metadata_checks import MetadataChecker
from .pe_checks import check_pe
from .report import DEFAULT_LIMIT, LimitReached, Problems, Report

T = TableId


def check_module(module, limit: int = DEFAULT_LIMIT, path=None) -> Report:
    """Validate an open module; the report carries the problems and the module's sizes."""
    report = Report(str(path or module.path or "<memory>"))
    report.types = module.tables[T.TypeDef].num_rows
    report.methods = module.tables[T.MethodDef].num_rows
    problems = Problems(limit)
    il = None
    try:
        guard = problems.guard
        with guard("PE headers"):
            check_pe(module.pe, problems)
        with guard("CLI header"):
            check_cli_header(module, problems)
        md = MetadataChecker(module, problems)
        with guard("metadata"):
            md.check_streams()
        us_starts = None
        with guard("#US heap"):
            us_starts = md.user_string_starts()
        with guard("metadata tables"):
            md.check_row_counts()
            md.check_columns()
        with guard("metadata tables"):
            md.check_sorted()
            md.check_runs()
        sigs = None
        with guard("signatures"):
            sigs = md.check_signatures()
        with guard("metadata tables"):
            md.check_field_rvas()
            md.check_resources()
        if sigs is not None:
            with guard("entry point"):
                method_sigs = {rid: s for rid, s in enumerate(sigs.rows(T.MethodDef)) if s is not None}
                check_entry_point(module, problems, method_sigs)
            with guard("method bodies"):
                il = ILChecker(module, problems, sigs, us_starts)
                il.check_all()
    except LimitReached:
        pass
    report.problems = problems.items
    report.truncated = problems.truncated
    report.il_bytes = il.il_bytes if il is not None else 0
    return report


def validate_module(module, limit: int = DEFAULT_LIMIT) -> list:
    """The problems of an open module (an empty list when it is valid)."""
    return check_module(module, limit).problems


def _open_failure(name, error: BadImageError, pe=None, limit: int = DEFAULT_LIMIT) -> Report:
    """The report of an image that could not be opened as a module: the PE-level problems (when the
    PE headers at least could be read, they usually say why) and the error that stopped opening."""
    report = Report(str(name))
    if isinstance(error, NotManagedModuleError):
        report.not_managed = error.reason
    problems = Problems(limit)
    try:
        if pe is not None and not isinstance(error, NotManagedModuleError):
            try:
                check_pe(pe, problems)
            except BadImageError as e:
                problems.add_error(e, "PE headers")
        problems.add(error.where or "", error.message)
    except LimitReached:
        pass
    report.problems = problems.items
    report.truncated = problems.truncated
    return report


def _open(pe, name, limit):
    try:
        module = Module(pe)
    except BadImageError as e:
        return None, _open_failure(name, e, pe, limit)
    return module, None


def validate_file(path, limit: int = DEFAULT_LIMIT) -> Report:
    """Open and validate the file at `path`; never raises for a bad image (the report says why)."""
    try:
        pe = PEFile.open(path)
    except BadImageError as e:
        return _open_failure(path, e, None, limit)
    try:
        module, failure = _open(pe, path, limit)
        if failure is not None:
            return failure
        return check_module(module, limit, path)
    finally:
        pe.close()


def validate_bytes(data: bytes, name: str = "<memory>", limit: int = DEFAULT_LIMIT) -> Report:
    """Validate an image held in memory (tests and fuzzing)."""
    try:
        pe = PEFile(data)
    except BadImageError as e:
        return _open_failure(name, e, None, limit)
    module, failure = _open(pe, name, limit)
    if failure is not None:
        return failure
    return check_module(module, limit, name)
