"""Reading and writing managed values from internal calls.

Icalls receive raw native arguments: object references and pointers as ints (0 for null),
primitives as numbers. These functions turn them into Python values and back, on the object
layouts of typesys/object_layout.py, and find instance fields of class-library types by name
(never by hard-coded offset: the layout is the type loader's).
"""
import ctypes

from ..runtime.strings import read_string
from ..runtime.native_memory import read_u64, write_u64
from ..typesys.object_layout import ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET


def string_or_none(obj: int):
    """The text of a String object, or None for a null reference."""
    return read_string(obj) if obj else None


def chars(ptr: int, length: int) -> str:
    """`length` UTF-16 units at `ptr` (a char* argument) as text."""
    if not ptr or length <= 0:
        return ""
    return ctypes.string_at(ptr, 2 * length).decode("utf-16-le", "surrogatepass")


def nul_terminated_chars(ptr: int) -> str:
    """The NUL-terminated UTF-16 text at `ptr` (a char* the class library pinned from a string:
    managed strings always end in a NUL unit)."""
    if not ptr:
        return ""
    data = bytearray()
    while True:
        at = ptr + len(data)
        chunk = min(256, 4096 - at % 4096)      # never read past the page the text may end in
        part = ctypes.string_at(at, chunk)
        for i in range(0, chunk, 2):
            if part[i] == 0 and part[i + 1] == 0:
                data += part[:i]
                return data.decode("utf-16-le", "surrogatepass")
        data += part


def new_string(engine, text) -> int:
    """A new String object (0 for None)."""
    return engine.strings.new(text) if text is not None else 0


def array_length(arr: int) -> int:
    return read_u64(arr + ARRAY_LENGTH_OFFSET)


def array_data(arr: int) -> int:
    """The address of element 0 of a single-dimensional array."""
    return arr + ARRAY_DATA_OFFSET


def new_string_array(engine, items) -> int:
    return engine.new_string_array(list(items))


def new_byte_array(engine, data: bytes) -> int:
    loader = engine.loader
    from ..metadata.signatures import ElementType as E
    th = loader.array_of(loader.primitive(E.U1))
    arr = engine.heap.new_szarray(engine.types.address(th), 1, len(data))
    ctypes.memmove(arr + ARRAY_DATA_OFFSET, data, len(data))
    return arr


def instance_field(th, name: str):
    """The FieldDesc of instance field `name` of `th` or a base type (its layout computed)."""
    t = th
    while t is not None:
        for f in t.fields:
            if f.name == name and not f.is_static:
                t.ensure_layout()
                return f
        t = t.parent
    raise KeyError(f"{th.full_name} has no instance field {name}")


class FieldAccess:
    """Offsets of a class-library type's instance fields, looked up by name once.

        thread = FieldAccess(engine.loader.corlib_type("System.Threading", "InternalThread"))
        write_i32(obj + thread["managed_id"], 1)
    """

    def __init__(self, th):
        self.type = th
        self._offsets = {}

    def __getitem__(self, name: str) -> int:
        off = self._offsets.get(name)
        if off is None:
            off = self._offsets[name] = instance_field(self.type, name).offset
        return off


def write_i32(address: int, value: int):
    ctypes.c_int32.from_address(address).value = value


def read_i32(address: int) -> int:
    return ctypes.c_int32.from_address(address).value


def write_i64(address: int, value: int):
    ctypes.c_int64.from_address(address).value = value


def read_i64(address: int) -> int:
    return ctypes.c_int64.from_address(address).value


def write_ref(address: int, obj: int):
    write_u64(address, obj)


def read_ref(address: int) -> int:
    return read_u64(address)


def write_bool(address: int, value: bool):
    ctypes.c_uint8.from_address(address).value = 1 if value else 0
