"""Metadata tokens: a table number in the top byte and a 1-based row number (RID) below it.

Tokens appear in IL operands (`call 0x0A000012`), in coded indices once decoded, and in the CLI
header's entry point. Row 0 is the nil token of its table.
"""
from .schema import TableId, TOKEN_USER_STRING


class Token(int):
    """An int that knows its table and row; `Token(0x06000001).table is TableId.MethodDef`."""

    __slots__ = ()

    @classmethod
    def make(cls, table: int, rid: int) -> "Token":
        return cls((table << 24) | rid)

    @property
    def table(self) -> int:
        return self >> 24

    @property
    def rid(self) -> int:
        return self & 0xFFFFFF

    @property
    def is_nil(self) -> bool:
        return self & 0xFFFFFF == 0

    def table_name(self) -> str:
        t = self >> 24
        if t == TOKEN_USER_STRING:
            return "UserString"
        try:
            return TableId(t).name
        except ValueError:
            return f"Table0x{t:02x}"

    def __repr__(self):
        return f"{self.table_name()}[{self.rid}]"

    def __str__(self):
        return f"0x{int(self):08x}"
