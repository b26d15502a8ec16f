"""What validation produces: problems (where + what), collected up to a limit, and a report.

Checks never stop at the first problem: each one calls `Problems.add` and goes on, so one run
lists everything wrong with an image (up to `limit` problems; a badly damaged image would
otherwise produce one complaint per row). When the limit is reached `add` raises
`LimitReached`, which the runner catches to stop early.

`Problems.guard(where)` turns a BadImageError or InvalidProgramError raised by the metadata
reader (a structure the check needed could not even be read) into a problem, so one unreadable
structure does not end the whole validation.
"""
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..errors import BadImageError, InvalidProgramError

DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an image: `where` names the structure, `message` says what is wrong."""
    where: str
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


class LimitReached(Exception):
    """Internal: the problem limit was reached; the runner stops checking."""


class Problems:
    """The problems found so far, with the limit after which checking stops."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.items = []
        self.limit = max(1, limit)
        self.truncated = False

    def add(self, where, message: str):
        """Record a problem. `where` may be any object whose str() names the structure (so callers
        can pass a lazily formatted location and pay for it only when something is wrong)."""
        self.items.append(Problem(str(where), message))
        if len(self.items) >= self.limit:
            self.truncated = True
            raise LimitReached()

    def add_error(self, error, where: str = ""):
        """Record a BadImageError/InvalidProgramError raised while reading a structure."""
        if isinstance(error, BadImageError):
            inner = error.where
            loc = f"{where}, {inner}" if where and inner else (where or inner or "")
            self.add(loc, error.message)
        else:
            self.add(where, str(error))

    @contextmanager
    def guard(self, where: str = ""):
        try:
            yield
        except (BadImageError, InvalidProgramError) as e:
            self.add_error(e, where)

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)


@dataclass
class Report:
    """The outcome of validating one image."""
    path: str
    problems: list = field(default_factory=list)
    truncated: bool = False         # stopped at the problem limit
    not_managed: str = None         # the reason, when the file is not a managed module at all
    types: int = 0
    methods: int = 0
    il_bytes: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return (f"{self.path}: OK ({self.types} types, {self.methods} methods, "
                    f"{self.il_bytes} bytes of IL)")
        more = f" (stopped after the first {len(self.problems)})" if self.truncated else ""
        n = len(self.problems)
        return f"{self.path}: INVALID: {n} problem{'s' if n != 1 else ''}{more}"
