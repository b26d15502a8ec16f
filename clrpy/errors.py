"""The exception types clrpy raises, one small hierarchy for the whole runtime.

Every layer raises one of these, with context (file, table and row, method and IL offset),
never a bare IndexError or struct.error. Front ends turn them into one-line messages and a
non-zero exit; later, the execution engine maps them onto managed exceptions
(BadImageFormatException, FileNotFoundException, TypeLoadException, ...).
"""


class ClrpyError(Exception):
    """Base of every error clrpy reports."""


class BadImageError(ClrpyError):
    """The file is not a valid managed image (the CLR's BadImageFormatException).

    `where` names the offending structure: a file offset, a table and row, a heap and offset, or a
    method and IL offset.
    """

    def __init__(self, message, where=None, path=None):
        self.message = message
        self.where = where
        self.path = path
        super().__init__(self._text())

    def _text(self):
        parts = []
        if self.path:
            parts.append(str(self.path))
        if self.where:
            parts.append(str(self.where))
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message

    def with_path(self, path):
        """Return the same error, naming the file it came from (set once, at the API boundary)."""
        if self.path is None:
            self.path = path
            self.args = (self._text(),)
        return self

    def __str__(self):
        return self._text()


class NotManagedModuleError(BadImageError):
    """A readable file that is not a managed module: not a PE at all, or a PE without a CLI header."""

    def __init__(self, reason, path=None):
        super().__init__(f"not a managed module: {reason}", path=path)
        self.reason = reason


class AssemblyResolutionError(ClrpyError):
    """An assembly reference could not be bound to a file (the CLR's FileNotFoundException)."""

    def __init__(self, name, searched, detail=None):
        self.name = name
        self.searched = list(searched)
        text = f"could not load assembly '{name}'"
        if detail:
            text += f": {detail}"
        if self.searched:
            text += "; searched: " + ", ".join(self.searched)
        super().__init__(text)


class TypeResolutionError(ClrpyError):
    """A type reference names a type its target assembly does not define or forward, or a type
    cannot be loaded (TypeLoadException), or a member reference finds no member (`managed_type`
    MissingFieldException / MissingMethodException).

    `type_name` and `assembly` (display names) are kept for the mapping onto TypeLoadException.
    """

    def __init__(self, message, type_name=None, assembly=None, managed_type="System.TypeLoadException"):
        super().__init__(message)
        self.type_name = type_name
        self.assembly = assembly
        self.managed_type = managed_type


class InvalidProgramError(ClrpyError):
    """The IL of a method is invalid (InvalidProgramException)."""


class UnsupportedFeatureError(ClrpyError):
    """A feature clrpy does not implement yet (NotSupportedException naming the feature)."""


class ManagedExceptionPending(ClrpyError):
    """Managed code the runtime called from an internal call raised: the exception is pending
    already, and the internal call must return at once, leaving it so."""
