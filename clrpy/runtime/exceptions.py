"""Exceptions raised in managed code, as the runtime tracks them.

The *pending exception* is one word of native memory (`clrpy_pending_exception`): zero normally,
non-zero while an exception propagates. Generated code tests it after every call that may raise
and returns at once when it is set (jit/importer.py); the caller does the same, and so on up to
the frame that entered managed code from Python, which turns it into a `ManagedException`.

Until the class library can build exception objects, runtime-raised exceptions are records kept
here (type name, message, the method and IL offset where they arose), each identified by a small
block of native memory whose address is stored in the pending word.
"""
from dataclasses import dataclass, field

from ..errors import ClrpyError
from .native_memory import read_u64, write_u64


@dataclass
class ExceptionRecord:
    type_name: str
    message: str
    frames: list = field(default_factory=list)     # "Type::Method [IL offset]" strings, innermost first
    managed_object: int = 0                         # the exception object, once there is one


class ManagedException(ClrpyError):
    """A managed exception that reached the boundary between managed code and Python."""

    def __init__(self, record: ExceptionRecord):
        self.record = record
        self.type_name = record.type_name
        self.message = record.message
        self.frames = list(record.frames)
        super().__init__(f"{record.type_name}: {record.message}")

    def format(self) -> str:
        lines = [f"{self.type_name}: {self.message}"]
        lines.extend(f"  at {f}" for f in self.frames)
        return "\n".join(lines)


class PendingExceptions:
    def __init__(self, arena, define_symbol, symbol):
        self.arena = arena
        self.cell = arena.alloc(8, 8)
        define_symbol(symbol, self.cell)
        self.records = {}           # identity address -> ExceptionRecord

    def raise_record(self, record: ExceptionRecord):
        key = record.managed_object or self.arena.alloc(16, 16)
        self.records[key] = record
        write_u64(self.cell, key)

    def take(self):
        """The pending exception's record, clearing the pending word; None if nothing is pending."""
        key = read_u64(self.cell)
        if not key:
            return None
        write_u64(self.cell, 0)
        return self.records.pop(key, None) or ExceptionRecord("System.Exception", "(unknown managed exception)")

    @property
    def is_pending(self) -> bool:
        return read_u64(self.cell) != 0
