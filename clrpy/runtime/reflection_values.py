"""Values crossing reflection: between a storage location of some type and the object that holds it.

Reflection deals in objects: FieldInfo.GetValue returns a box, MethodBase.Invoke takes its arguments
as object[] and returns its result as an object, custom attribute arguments and constants (Constant
table: enum values, parameter defaults, `const` fields) arrive as boxes. The rules are the CLI's
boxing rules (ECMA-335 III.4.1): a reference is itself; a value type is copied into a new box;
Nullable<T> boxes to null or to a boxed T, and unboxes from either; pointers are boxed as IntPtr
(as Mono's reflection does).
"""
import ctypes
import struct

from ..errors import UnsupportedFeatureError
from ..metadata.signatures import ElementType as E
from ..typesys.object_layout import OBJECT_HEADER_SIZE
from ..typesys.type_handle import TypeKind
from .native_memory import read_u64, write_u64

_CONSTANT_FORMATS = {E.BOOLEAN: "<?", E.CHAR: "<H", E.I1: "<b", E.U1: "<B", E.I2: "<h", E.U2: "<H", E.I4: "<i",
                     E.U4: "<I", E.I8: "<q", E.U8: "<Q", E.R4: "<f", E.R8: "<d"}
_UNSIGNED = {1: "<B", 2: "<H", 4: "<I", 8: "<Q"}


def nullable_fields(th):
    """(has_value FieldDesc, value FieldDesc) of a Nullable<T> instantiation."""
    th.ensure_layout()
    fields = [f for f in th.fields if not f.is_static]
    return (next(f for f in fields if f.name in ("has_value", "hasValue")), next(f for f in fields if f.name == "value"))


def box_value(engine, th, address: int) -> int:
    """The object standing for the `th` value stored at `address`."""
    k = th.kind
    if th.is_reference_type:
        return read_u64(address)
    if k in (TypeKind.POINTER, TypeKind.FNPTR):
        return engine.box(engine.loader.primitive(E.I), address)
    if k == TypeKind.BYREF:
        raise UnsupportedFeatureError(f"boxing a value of byref type {th.full_name} (reflection)")
    if th.is_nullable:
        has_value, value = nullable_fields(th)
        if not ctypes.c_uint8.from_address(address + has_value.offset).value:
            return 0
        return engine.box(th.generic_args[0], address + value.offset)
    return engine.box(th, address)


def store_value(engine, th, address: int, obj: int):
    """Store object `obj` into a `th` location at `address`: the reference itself, or the box's
    value (null stores the type's zero value; Nullable<T> takes a boxed T or null). The caller has
    checked that `obj` is of a suitable type."""
    if th.is_reference_type:
        write_u64(address, obj)
        return
    size = th.size_of_value if th.kind == TypeKind.VALUE_TYPE else 8
    if not obj:
        ctypes.memset(address, 0, size)
        return
    if th.is_nullable:
        has_value, value = nullable_fields(th)
        ctypes.memset(address, 0, size)
        ctypes.c_uint8.from_address(address + has_value.offset).value = 1
        inner = th.generic_args[0]
        ctypes.memmove(address + value.offset, obj + OBJECT_HEADER_SIZE, inner.size_of_value)
        return
    ctypes.memmove(address, obj + OBJECT_HEADER_SIZE, size)


def box_python(engine, th, value) -> int:
    """A box of primitive (or enum) type `th` holding Python value `value` (int, float, bool, str for
    char); strings and null are returned as objects."""
    if th is engine.loader.string_type:
        return engine.strings.new(value) if value is not None else 0
    if value is None:
        return 0
    base = th
    if th.is_enum:
        th.ensure_layout()
        base = th.element
    fmt = _CONSTANT_FORMATS.get(base.cor_type)
    if fmt is None:
        raise UnsupportedFeatureError(f"a constant of type {th.full_name}")
    if isinstance(value, str):
        value = ord(value)
    if fmt not in ("<f", "<d", "<?"):
        size = struct.calcsize(fmt)
        value &= (1 << (8 * size)) - 1
        fmt = _UNSIGNED[size]
    data = ctypes.create_string_buffer(struct.pack(fmt, value), 8)
    return engine.box(th, ctypes.addressof(data))


def constant_value(engine, module, token: int, th=None) -> int:
    """The object for the Constant row of `token` (a field, parameter or property): a box of the
    constant's type (or of enum type `th`), a string, or null."""
    row = module.constant(token)
    if row is None:
        return 0
    data = bytes(row.value)
    et = E(row.type)
    loader = engine.loader
    if et == E.STRING:
        return engine.strings.new(data.decode("utf-16-le", "surrogatepass"))
    if et == E.CLASS:
        return 0                            # the null reference constant
    fmt = _CONSTANT_FORMATS.get(et)
    if fmt is None:
        raise UnsupportedFeatureError(f"a constant of element type {et.name}")
    value = struct.unpack(fmt, data[:struct.calcsize(fmt)])[0]
    target = th if th is not None and th.is_enum else loader.primitive(et)
    if th is not None and th.is_nullable:
        target = th.generic_args[0]
    return box_python(engine, target, value)


def dbnull(engine) -> int:
    """System.DBNull.Value."""
    th = engine.loader.corlib_type("System", "DBNull")
    f = next(f for f in th.fields if f.is_static and f.name == "Value")
    return read_u64(static_field_address(engine, f))


def static_field_address(engine, f) -> int:
    """The address of static field `f` for code running inside a managed call (an icall): its
    type's class constructor runs first; if it fails, the exception is left pending and
    ManagedExceptionPending unwinds the icall."""
    from ..errors import ManagedExceptionPending
    engine.class_init.ensure(f.owner)
    if engine.pending.is_pending:
        raise ManagedExceptionPending(f"the class constructor of {f.owner.full_name} failed")
    return engine.statics.field_address(f)


def read_primitive(th, address: int):
    """The Python value of a primitive (or enum) stored at `address`."""
    base = th
    if th.is_enum:
        th.ensure_layout()
        base = th.element
    fmt = _CONSTANT_FORMATS.get(base.cor_type)
    if fmt is None:
        if base.cor_type in (E.I, E.U):
            fmt = "<q" if base.cor_type == E.I else "<Q"
        else:
            raise UnsupportedFeatureError(f"reading a value of type {th.full_name}")
    return struct.unpack(fmt, ctypes.string_at(address, struct.calcsize(fmt)))[0]
