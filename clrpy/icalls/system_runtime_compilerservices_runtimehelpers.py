"""Internal calls of System.Runtime.CompilerServices.RuntimeHelpers."""
import ctypes

from ..errors import InvalidProgramError
from ..runtime.native_memory import read_u64
from ..typesys.object_layout import ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET, STRING_CHARS_OFFSET
from .registry import icall


@icall("System.Runtime.CompilerServices.RuntimeHelpers::InitializeArray(System.Array,System.IntPtr)")
def initialize_array(engine, array, field_handle):
    """Fill a new array from the data of a field with an RVA (C# array initialisers); the handle is
    RuntimeFieldHandle.value."""
    field = engine.type_objects.member_of_handle(field_handle)
    th = engine.types.type_of_object(array)
    count = read_u64(array + ARRAY_LENGTH_OFFSET)
    size = count * th.element.size_of_value
    if size > field.type.size_of_value:
        raise InvalidProgramError(f"InitializeArray: field {field.name} holds {field.type.size_of_value} bytes, "
                                  f"the array needs {size}")
    data = field.module.field_initial_data(field.rid, size)
    ctypes.memmove(array + ARRAY_DATA_OFFSET, data, size)


@icall("System.Runtime.CompilerServices.RuntimeHelpers::get_OffsetToStringData()")
def offset_to_string_data(engine):
    return STRING_CHARS_OFFSET
