"""Methods the JIT implements itself instead of calling: intrinsics.

Mono's class library declares the System.Math and System.MathF functions as internal calls;
the JIT turns them into LLVM intrinsics (which become single instructions such as sqrtsd, or
calls to the C library's libm) so they cost no more than in C. Interlocked's internal calls become
LLVM atomics (C# events add and remove handlers with Interlocked.CompareExchange<T>). The table is keyed by
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


# System.Threading.Interlocked: LLVM's atomic instructions (sequentially consistent, as the CLR's
# are full fences). The value's LLVM type, the stack kind of the result, and how a float is handled
# (as the integer of its bits).
_ATOMIC_TYPES = {"System.Int32": ("i32", K.I4, None), "System.Int64": ("i64", K.I8, None),
                 "System.IntPtr": ("i64", K.I, None), "System.Object": ("ptr", K.O, None),
                 "System.Single": ("i32", K.F4, "float"), "System.Double": ("i64", K.F8, "double")}


def _interlocked(md):
    params = [p.full_name for p in md.param_types]
    if not params or not params[0].endswith("&"):
        return None
    t = _ATOMIC_TYPES.get(params[0][:-1])
    if t is None:
        return None
    ty, kind, fty = t
    name, n = md.name, len(params)
    by_ref = n >= 3 and all(p.endswith("&") for p in params)     # the private object& forms

    def bits(imp, v):
        return imp.fn.cast("bitcast", v, ty) if fty else v

    def unbits(imp, v):
        return imp.fn.cast("bitcast", v, fty) if fty else v

    def arg(imp, v):
        return imp.fn.load(ty, v, 8) if by_ref else bits(imp, v)

    if name == "CompareExchange" and n in (3, 4):
        def emit(imp, md, args):
            fn = imp.fn
            imp.null_check(args[0])
            value, comparand = arg(imp, args[1]), arg(imp, args[2])
            pair = fn._value(f"{{ {ty}, i1 }}", f"cmpxchg ptr {args[0].ref}, {ty} {comparand.ref}, {ty} {value.ref} seq_cst seq_cst")
            old = fn.extract(pair, 0, ty)
            if by_ref:                                  # (object&, object&, object&, object& result)
                fn.store(old, args[3], 8)
                return None
            if n == 4:                                  # (int32&, int32, int32, bool& succeeded)
                fn.store(fn.cast("zext", fn.extract(pair, 1, "i1"), "i8"), args[3], 1)
            return _item(kind, unbits(imp, old))
        return emit
    if name == "Exchange" and n in (2, 3):
        def emit(imp, md, args):
            fn = imp.fn
            imp.null_check(args[0])
            old = fn._value(ty, f"atomicrmw xchg ptr {args[0].ref}, {ty} {arg(imp, args[1]).ref} seq_cst")
            if by_ref:                                  # (object&, object&, object& result)
                fn.store(old, args[2], 8)
                return None
            return _item(kind, unbits(imp, old))
        return emit
    if name in ("Increment", "Decrement", "Add") and kind in (K.I4, K.I8) and not fty:
        def emit(imp, md, args):
            fn = imp.fn
            imp.null_check(args[0])
            delta = args[1] if name == "Add" else Value(ty, "1" if name == "Increment" else "-1")
            old = fn._value(ty, f"atomicrmw add ptr {args[0].ref}, {ty} {delta.ref} seq_cst")
            return _item(kind, fn.binop("add", old, delta))
        return emit
    if name == "Read" and n == 1 and kind == K.I8:
        def emit(imp, md, args):
            imp.null_check(args[0])
            return _item(kind, imp.fn._value(ty, f"load atomic {ty}, ptr {args[0].ref} seq_cst, align 8"))
        return emit
    return None


def _by_reference(md):
    """System.ByReference<T>, the managed pointer inside Span<T> and ReadOnlySpan<T>: a struct holding
    one pointer, whose constructor and Value getter throw in IL; the runtime implements them."""
    if md.name == ".ctor" and len(md.param_types) == 1:
        def emit(imp, md, args):
            imp.fn.store(args[1], args[0], 8)
            return None
        return emit
    if md.name == "get_Value" and not md.param_types:
        def emit(imp, md, args):
            return _item(K.BYREF, imp.fn.load("ptr", args[0], 8), md.return_type)
        return emit
    return None


def _caller_object(md):
    """Assembly.GetExecutingAssembly() and MethodBase.GetCurrentMethod(): the answer depends only on
    the method that calls them, which the JIT knows, so the call becomes a load of the reflection
    object the runtime made for that method (Mono walks the stack for the same answer)."""
    what = {("Assembly", "GetExecutingAssembly"): "assembly", ("MethodBase", "GetCurrentMethod"): "method"}.get(
        (md.owner.name, md.name))
    if what is None or md.param_types:
        return None

    def emit(imp, md, args):
        cell = imp.mb.external_global(imp.env.caller_object_symbol(what, imp.method))
        return _item(K.O, imp.fn.load("ptr", cell, 8), md.return_type)
    return emit


def _unsafe_mov(md):
    """Array.UnsafeMov<S,R>(S): the class library's reinterpretation of an enum as its integer (what
    EnumEqualityComparer and EnumComparer use), written in IL as box + unbox.any, which fails for an
    enum over byte or short read as int; Mono's JIT moves the value instead. So do we: the integer,
    sign- or zero-extended as S is signed or not, becomes an R; references pass unchanged."""
    from .abi import type_rep
    if len(md.generic_args) != 2:
        return None
    s, r = (type_rep(t) for t in md.generic_args)
    ints = (K.I4, K.I8, K.I)
    if s.kind == K.O and r.kind == K.O:
        def emit_ref(imp, md, args):
            return _item(K.O, args[0], md.generic_args[1])
        return emit_ref
    if s.kind not in ints or r.kind not in ints:
        return None

    def emit(imp, md, args):
        fn = imp.fn
        v = args[0]
        bits = {"i8": 8, "i16": 16, "i32": 32, "i64": 64}
        sb, rb = bits[s.storage], bits[r.storage]
        if sb < rb:
            v = fn.cast("sext" if s.signed else "zext", v, r.storage)
        elif sb > rb:
            v = fn.cast("trunc", v, r.storage)
        if r.is_small:
            v = fn.cast("sext" if r.signed else "zext", v, "i32")
        return _item(r.kind, v, md.generic_args[1])
    return emit


def lookup(md):
    """An emitter `(importer, md, args) -> Item or None` for `md`, or None if it is not an intrinsic."""
    owner = md.owner
    if owner.module is not None and owner.namespace == "System" and owner.name == "Array" \
            and md.name == "UnsafeMov" and not md.is_internal_call:
        return _unsafe_mov(md)
    if owner.module is not None and owner.namespace == "System.Reflection" and md.is_internal_call:
        return _caller_object(md)
    if owner.module is not None and owner.namespace == "System" and owner.name == "ByReference`1":
        return _by_reference(md)
    if owner.module is not None and owner.namespace == "System.Threading":
        return _lookup_threading(md)
    if owner.module is None or owner.namespace != "System":
        return None
    if owner.name in ("Math", "MathF") and md.is_internal_call:
        return _math(md)
    if owner.name == "Activator" and md.name == "CreateInstance" and len(md.generic_args) == 1 and not md.param_types:
        return _create_instance(md)
    return None


def _lookup_threading(md):
    if md.owner.name == "Interlocked" and md.is_internal_call:
        return _interlocked(md)
    return None
