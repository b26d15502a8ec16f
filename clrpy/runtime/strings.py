"""String literals, the intern table, and reading a String object's text.

`ldstr` pushes the same String object every time it runs, and equal literals anywhere in the
process are the same object (ECMA-335 III.4.16, and String.Intern). Each literal a method uses is
created when the method is compiled and stored in a cell of native memory named
`str:ASSEMBLY:TOKEN`; the code loads the object from the cell. Interned strings live as long as
the runtime (the collector treats the table as a root).
"""
import ctypes

from ..typesys.object_layout import STRING_CHARS_OFFSET, STRING_LENGTH_OFFSET
from .native_memory import write_u64


def read_string(obj: int) -> str:
    """The text of a managed String object (Mono's layout: int32 length, then UTF-16 chars)."""
    n = ctypes.c_int32.from_address(obj + STRING_LENGTH_OFFSET).value
    return ctypes.string_at(obj + STRING_CHARS_OFFSET, 2 * n).decode("utf-16-le", "surrogatepass")


class StringTable:
    def __init__(self, engine):
        self.engine = engine
        self.interned = {}          # text -> object address
        self._literal_cells = {}    # (module, token) -> cell address

    def intern(self, text: str) -> int:
        obj = self.interned.get(text)
        if obj is None:
            e = self.engine
            obj = e.heap.new_string(e.types.address(e.loader.string_type), text)
            self.interned[text] = obj
        return obj

    def new(self, text: str) -> int:
        """A new (not interned) String object."""
        e = self.engine
        return e.heap.new_string(e.types.address(e.loader.string_type), text)

    def literal_symbol(self, module, token: int) -> str:
        name = module.assembly_name.name if module.assembly_name else module.name
        symbol = f"str:{name}:{token:08x}"
        key = (module, token)
        if key not in self._literal_cells:
            cell = self.engine.arena.alloc(8, 8)
            write_u64(cell, self.intern(module.user_string(token)))
            self._literal_cells[key] = cell
            self.engine.native.define_symbol(symbol, cell)
        return symbol
