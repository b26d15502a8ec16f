"""How CLI types become LLVM types: on the evaluation stack, in memory, and across calls.

The evaluation stack (ECMA-335 III.1.5) has few types: int32, int64, native int, F, object
references (O) and managed pointers (&), plus value types. We keep F split into float32 and
float64 so float arithmetic happens at float precision, as Mono and CoreCLR do.

    stack kind   LLVM      holds
    I4           i32       bool, char, int8..int32 (widened), uint32
    I8           i64       int64, uint64
    I            i64       native int, unmanaged pointers, function pointers
    F4 / F8      float / double
    O            ptr       object references (null or an object)
    BYREF        ptr       managed pointers
    VALUE        ptr       value types: a pointer to a temporary holding the value

Calling convention (our own, between JIT'd methods and for Python through ctypes): the C calling
convention of the host with `this` first, primitives in their natural LLVM types (small integers
widened by the caller per signext/zeroext), references, byrefs and pointers as `ptr`/`i64`, value
types by reference to a caller-owned copy, and value-type results through a hidden first
parameter (sret) pointing at caller memory.
"""
from enum import IntEnum

from ..metadata.signatures import ElementType as E
from ..typesys.type_handle import TypeKind


class StackKind(IntEnum):
    I4 = 1
    I8 = 2
    I = 3
    F4 = 4
    F8 = 5
    O = 6
    BYREF = 7
    VALUE = 8


LLVM_OF_KIND = {StackKind.I4: "i32", StackKind.I8: "i64", StackKind.I: "i64", StackKind.F4: "float",
                StackKind.F8: "double", StackKind.O: "ptr", StackKind.BYREF: "ptr", StackKind.VALUE: "ptr"}

# Primitive element types: (stack kind, LLVM storage type, signed?)
PRIMITIVE_STORAGE = {
    E.BOOLEAN: (StackKind.I4, "i8", False), E.CHAR: (StackKind.I4, "i16", False),
    E.I1: (StackKind.I4, "i8", True), E.U1: (StackKind.I4, "i8", False),
    E.I2: (StackKind.I4, "i16", True), E.U2: (StackKind.I4, "i16", False),
    E.I4: (StackKind.I4, "i32", True), E.U4: (StackKind.I4, "i32", False),
    E.I8: (StackKind.I8, "i64", True), E.U8: (StackKind.I8, "i64", False),
    E.R4: (StackKind.F4, "float", True), E.R8: (StackKind.F8, "double", True),
    E.I: (StackKind.I, "i64", True), E.U: (StackKind.I, "i64", False),
}


class TypeRep:
    """How values of one TypeHandle are represented: stack kind, memory type, size, signedness."""

    __slots__ = ("th", "kind", "storage", "size", "align", "signed", "is_small")

    def __init__(self, th, kind, storage, size, align, signed):
        self.th = th
        self.kind = kind
        self.storage = storage          # LLVM type in memory (for VALUE: None, use size)
        self.size = size
        self.align = align
        self.signed = signed
        self.is_small = storage in ("i8", "i16")

    @property
    def arg_type(self) -> str:
        """The LLVM type of a parameter or return value of this type."""
        return "ptr" if self.kind == StackKind.VALUE else self.storage

    @property
    def ext_attr(self) -> str:
        if self.is_small:
            return "signext" if self.signed else "zeroext"
        return ""


def type_rep(th) -> TypeRep:
    """The representation of values of `th` (cached on the handle)."""
    rep = getattr(th, "_rep", None)
    if rep is not None:
        return rep
    k = th.kind
    if th.is_enum:
        th.ensure_layout()
    et = th.cor_type
    if th.is_enum and th.element is not None:
        et = th.element.cor_type
    if et in PRIMITIVE_STORAGE and k == TypeKind.VALUE_TYPE:
        kind, storage, signed = PRIMITIVE_STORAGE[et]
        size = {"i8": 1, "i16": 2, "i32": 4, "i64": 8, "float": 4, "double": 8}[storage]
        rep = TypeRep(th, kind, storage, size, size, signed)
    elif k == TypeKind.VALUE_TYPE:
        lay = th.ensure_layout()
        rep = TypeRep(th, StackKind.VALUE, None, lay.instance_size, lay.alignment, False)
    elif k in (TypeKind.CLASS, TypeKind.INTERFACE, TypeKind.ARRAY):
        rep = TypeRep(th, StackKind.O, "ptr", 8, 8, False)
    elif k == TypeKind.BYREF:
        rep = TypeRep(th, StackKind.BYREF, "ptr", 8, 8, False)
    elif k in (TypeKind.POINTER, TypeKind.FNPTR):
        rep = TypeRep(th, StackKind.I, "i64", 8, 8, False)
    else:   # an uninstantiated generic parameter: only in code we never run
        rep = TypeRep(th, StackKind.O, "ptr", 8, 8, False)
    th._rep = rep
    return rep


def method_llvm_signature(method):
    """(return LLVM type, [param LLVM types], [param attrs], has_sret) of a method's native entry."""
    params, attrs = [], []
    ret = method.return_type
    sret = False
    if ret is None:
        ret_ty = "void"
    else:
        r = type_rep(ret)
        if r.kind == StackKind.VALUE:
            sret = True
            ret_ty = "void"
            params.append("ptr")
            attrs.append("noalias")
        else:
            ret_ty = r.storage
    if method.has_this:
        params.append("ptr")
        attrs.append("")
    for p in method.param_types:
        r = type_rep(p)
        params.append(r.arg_type)
        attrs.append(r.ext_attr)
    return ret_ty, params, attrs, sret


def return_attr(method) -> str:
    ret = method.return_type
    if ret is None:
        return ""
    return type_rep(ret).ext_attr
