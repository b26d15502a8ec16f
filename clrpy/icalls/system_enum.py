"""Internal calls of System.Enum: hashing, comparison, flags, the underlying type, boxing, and the
names and values of an enum's constants (what Enum.ToString, Parse, GetNames, GetValues and
IsDefined work from; [Flags] is a custom attribute, read through MonoCustomAttrs)."""
import ctypes
import struct

from ..metadata.signatures import ElementType as E
from ..runtime.native_memory import write_u64
from ..typesys.object_layout import ARRAY_DATA_OFFSET, OBJECT_HEADER_SIZE
from .registry import icall

_CTYPES = {E.BOOLEAN: ctypes.c_uint8, E.U1: ctypes.c_uint8, E.I1: ctypes.c_int8, E.CHAR: ctypes.c_uint16,
           E.U2: ctypes.c_uint16, E.I2: ctypes.c_int16, E.U4: ctypes.c_uint32, E.I4: ctypes.c_int32,
           E.U8: ctypes.c_uint64, E.I8: ctypes.c_int64, E.I: ctypes.c_int64, E.U: ctypes.c_uint64}


def underlying(th):
    """The underlying primitive type of enum type `th`."""
    th.ensure_layout()
    return th.element


def _value(engine, obj) -> int:
    """The value of a boxed enum (or boxed integer), as a Python int of its underlying type."""
    th = engine.types.type_of_object(obj)
    base = underlying(th) if th.is_enum else th
    return _CTYPES[base.cor_type].from_address(obj + OBJECT_HEADER_SIZE).value


def _rt_th(engine, rt):
    return engine.type_objects.type_of_runtime_type(rt)


@icall("System.Enum::get_hashcode()")
def get_hashcode(engine, this):
    # As the underlying primitive type's GetHashCode (Mono's icall spells each one out).
    th = engine.types.type_of_object(this)
    et = underlying(th).cor_type
    v = _value(engine, this)
    if et == E.I1:
        h = v ^ (v << 8)
    elif et == E.I2:
        h = (v & 0xFFFF) | (v << 16)
    elif et in (E.I8, E.U8):
        h = (v & 0xFFFFFFFF) ^ ((v >> 32) & 0xFFFFFFFF)
    else:
        h = v
    return ctypes.c_int32(h & 0xFFFFFFFF).value


@icall("System.Enum::InternalCompareTo(System.Object,System.Object)")
def internal_compare_to(engine, o1, o2):
    types = engine.types
    if types.type_of_object(o1) is not types.type_of_object(o2):
        return 2            # the managed caller throws ArgumentException
    a, b = _value(engine, o1), _value(engine, o2)
    return 0 if a == b else (1 if a > b else -1)


@icall("System.Enum::InternalGetUnderlyingType(System.RuntimeType)")
def internal_get_underlying_type(engine, rt):
    return engine.type_objects.runtime_type(underlying(_rt_th(engine, rt)))


@icall("System.Enum::InternalHasFlag(System.Enum)")
def internal_has_flag(engine, this, flags):
    mask = (1 << 64) - 1
    f = _value(engine, flags) & mask
    return 1 if (_value(engine, this) & mask) & f == f else 0


@icall("System.Enum::InternalBoxEnum(System.RuntimeType,System.Int64)")
def internal_box_enum(engine, rt, value):
    th = _rt_th(engine, rt)
    buf = ctypes.create_string_buffer(8)
    ctypes.c_int64.from_buffer(buf).value = value
    return engine.box(th, ctypes.addressof(buf))


@icall("System.Enum::GetEnumValuesAndNames(System.RuntimeType,System.UInt64[]&,System.String[]&)")
def get_enum_values_and_names(engine, rt, values_out, names_out):
    """The constants of an enum in metadata order, values as UInt64 (signed ones sign-extended, as
    Enum.ToUInt64 does); True if they are already in ascending order (else the caller sorts)."""
    th = _rt_th(engine, rt)
    base = underlying(th)
    fmt = _CONSTANT_FORMATS[base.cor_type]
    items = []
    for f in th.fields:
        if not f.is_static or not f.is_literal:
            continue
        row = th.module.constant(f.token)
        value = struct.unpack(fmt, bytes(row.value)[:struct.calcsize(fmt)])[0] if row is not None else 0
        items.append((f.name, value & 0xFFFFFFFFFFFFFFFF))
    loader = engine.loader
    values = engine.heap.new_szarray(engine.types.address(loader.array_of(loader.primitive(E.U8))), 8, len(items))
    write_u64(values_out, values)
    for i, (_, v) in enumerate(items):
        write_u64(values + ARRAY_DATA_OFFSET + 8 * i, v)
    names = engine.heap.new_szarray(engine.types.address(loader.array_of(loader.string_type)), 8, len(items))
    write_u64(names_out, names)
    for i, (name, _) in enumerate(items):
        write_u64(names + ARRAY_DATA_OFFSET + 8 * i, engine.strings.new(name))
    return 1 if all(items[i][1] <= items[i + 1][1] for i in range(len(items) - 1)) else 0


@icall("System.Enum::get_value()")
def get_value(engine, this):
    """The enum's value boxed as its underlying type."""
    th = engine.types.type_of_object(this)
    return engine.box(underlying(th), this + OBJECT_HEADER_SIZE)


_CONSTANT_FORMATS = {E.BOOLEAN: "<B", E.CHAR: "<H", E.I1: "<b", E.U1: "<B", E.I2: "<h", E.U2: "<H",
                     E.I4: "<i", E.U4: "<I", E.I8: "<q", E.U8: "<Q", E.I: "<q", E.U: "<Q"}
