"""Methods the JIT implements itself instead of calling: intrinsics.

Mono's class library declares the System.Math and System.MathF functions as internal calls;
the JIT turns them into LLVM intrinsics (which become single instructions such as sqrtsd, or
calls to the C library's libm) so they cost no more than in C. The table is keyed by
(namespace, type, method, parameter count, parameter element type).
"""
from .abi import StackKind as K
from .ir_builder import Value
from ..metadata.signatures import ElementType as E

# Math functions: LLVM intrinsic (llvm.NAME.f64) or C library function NAME.
_LLVM_UNARY = {"Sqrt": "sqrt", "Abs": "fabs", "Floor": "floor", "Ceiling": "ceil", "Round": "roundeven",
               "Sin": "sin", "Cos": "cos", "Exp": "exp", "Log": "log", "Log10": "log10"}
_LIBM_UNARY = {"Tan": "tan", "Asin": "asin", "Acos": "acos", "Atan": "atan", "Sinh": "sinh", "Cosh": "cosh",
               "Tanh": "tanh", "Asinh": "asinh", "Acosh": "acosh", "Atanh": "atanh", "Cbrt": "cbrt"}
_LIBM_BINARY = {"Atan2": "atan2", "Pow": "pow"}
# ModF(x, double* intpart) (Math.Truncate calls it): C's modf; the pointer is a native int to us.
_LIBM_MODF = "modf"

# The C library functions generated code may call directly (the runtime binds their addresses).
_LIBM_ALL = set(_LIBM_UNARY.values()) | set(_LIBM_BINARY.values()) | {_LIBM_MODF}
LIBM_FUNCTIONS = sorted(_LIBM_ALL | {f + "f" for f in _LIBM_ALL})


def _float_type(md):
    et = md.param_types[0].cor_type if md.param_types else None
    if et == E.R8:
        return "double", "f64", K.F8, ""
    if et == E.R4:
        return "float", "f32", K.F4, "f"
    return None


def _math(md):
    ft = _float_type(md)
    if ft is None:
        return None
    llvm_t, suffix, kind, cname = ft
    name = md.name
    n = len(md.param_types)
    if n == 1 and name in _LLVM_UNARY:
        intr = f"llvm.{_LLVM_UNARY[name]}.{suffix}"

        def emit(imp, md, args):
            imp.mb.declare(intr, llvm_t, [llvm_t])
            return _item(kind, imp.fn.intrinsic(llvm_t, f'"{intr}"', args))
        return emit
    if n == 1 and name in _LIBM_UNARY:
        cfn = _LIBM_UNARY[name] + cname

        def emit(imp, md, args):
            callee = imp.mb.declare(cfn, llvm_t, [llvm_t])
            return _item(kind, imp.fn.call(llvm_t, callee, args))
        return emit
    if n == 2 and name in _LIBM_BINARY:
        cfn = _LIBM_BINARY[name] + cname

        def emit(imp, md, args):
            callee = imp.mb.declare(cfn, llvm_t, [llvm_t, llvm_t])
            return _item(kind, imp.fn.call(llvm_t, callee, args))
        return emit
    if n == 2 and name == "ModF":
        cfn = _LIBM_MODF + cname

        def emit(imp, md, args):
            callee = imp.mb.declare(cfn, llvm_t, [llvm_t, "i64"])
            return _item(kind, imp.fn.call(llvm_t, callee, args))
        return emit
    if n == 2 and name == "FMod":
        def emit(imp, md, args):
            return _item(kind, imp.fn.binop("frem", args[0], args[1]))
        return emit
    return None


def _item(kind, value, th=None):
    from .importer import Item
    return Item(kind, value, th)


def _create_instance(md):
    """Activator.CreateInstance<T>() (what C# compiles `new T()` to): generics are specialised, so
    T is known here and the call becomes a zeroed value or a newobj, without Mono's reflection."""
    t = md.generic_args[0]
    if t.is_value_type:
        def emit(imp, md, args):
            from .abi import type_rep
            from .ir_builder import const
            rep = type_rep(t)
            tmp = imp.temp_value(t)
            imp.fn.memset(tmp, const("i8", 0), const("i64", rep.size), max(rep.align, 1))
            return imp.load_as_item(rep, tmp) if rep.kind != K.VALUE else _item(K.VALUE, tmp, t)
        return emit
    if t.kind.name != "CLASS" or t.is_abstract or t is t.loader.string_type or t.is_delegate:
        return None
    ctor = next((m for m in t.methods if m.is_constructor and not m.param_types), None)
    if ctor is None:
        return None

    def emit(imp, md, args):
        obj = imp.allocate_object(t)
        imp.emit_managed_call(ctor, [obj])
        return _item(K.O, obj, t)
    return emit


def lookup(md):
    """An emitter `(importer, md, args) -> Item or None` for `md`, or None if it is not an intrinsic."""
    owner = md.owner
    if owner.module is None or owner.namespace != "System":
        return None
    if owner.name in ("Math", "MathF") and md.is_internal_call:
        return _math(md)
    if owner.name == "Activator" and md.name == "CreateInstance" and len(md.generic_args) == 1 and not md.param_types:
        return _create_instance(md)
    return None
