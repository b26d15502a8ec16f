"""Calling a method reflectively: MethodBase.Invoke, ConstructorInfo.Invoke, Activator.CreateInstance.

The class library's managed code checks and converts the arguments (RuntimeMethodInfo.ConvertValues:
each argument is null or an object of its parameter's type, or of a type the binder may pass) and
then calls `InternalInvoke(obj, object[] args, out Exception)`. The runtime does the rest here:

* the receiver: a virtual method is dispatched on the receiver's type (Mono does the same); a
  value type's method gets a pointer into the box, so that mutations are visible to the caller;
* a constructor invoked without a receiver allocates the object (or the box) first and returns it;
* arguments go native by our calling convention (jit/abi.py): primitives as numbers, references as
  themselves, value types as a pointer to a fresh copy, byref parameters as a pointer to a copy of
  the argument whose new value is boxed back into the array afterwards (out and ref parameters);
* the result comes back as an object (reflection_values.box_value).

An exception the method raises propagates out of InternalInvoke like any other (it is pending when
the call returns): the managed caller wraps it in TargetInvocationException unless asked not to
(BindingFlags.DoNotWrapExceptions). A GC-visible copy of each object the runtime creates here is
held as a Python root for as long as Python code holds it.
"""
import ctypes
from contextlib import contextmanager

from ..errors import ManagedExceptionPending, UnsupportedFeatureError
from ..jit.abi import method_llvm_signature, type_rep
from ..typesys.object_layout import ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET, OBJECT_HEADER_SIZE
from ..typesys.type_handle import TypeKind
from .native_memory import read_u64, write_u64
from .reflection_values import box_value, store_value

_CTYPES = {"i8": ctypes.c_int8, "i16": ctypes.c_int16, "i32": ctypes.c_int32, "i64": ctypes.c_int64,
           "float": ctypes.c_float, "double": ctypes.c_double, "ptr": ctypes.c_void_p, "void": None}


@contextmanager
def held(engine, *objects):
    """Keep `objects` alive (GC roots) while Python code holds them across managed calls."""
    objects = [o for o in objects if o]
    for o in objects:
        engine.add_python_root(o)
    try:
        yield
    finally:
        for o in objects:
            engine.remove_python_root(o)


def invoke(engine, md, this: int, args: int) -> int:
    """Call `md` with receiver `this` (0 for static methods, or for a constructor: allocate) and the
    object[] `args` (0 for none); return the result as an object. Raises ManagedExceptionPending
    when the method raised."""
    params = md.param_types
    n = read_u64(args + ARRAY_LENGTH_OFFSET) if args else 0
    if n != len(params):
        from ..icalls.managed_errors import ManagedError
        raise ManagedError("System.Reflection.TargetParameterCountException", "Parameter count mismatch.")
    if md.is_generic_method_definition or _open(md):
        raise UnsupportedFeatureError(f"invoking {md.full_name}, which has unassigned generic parameters")
    owner = md.owner
    constructing = md.is_constructor and not this
    with held(engine, this, args):
        if constructing:
            if owner.is_abstract:
                from ..icalls.managed_errors import ManagedError
                raise ManagedError("System.MemberAccessException", f"Cannot create an abstract class '{owner.full_name}'.")
            engine.class_init.ensure(owner)
            if engine.pending.is_pending:
                raise ManagedExceptionPending(owner.full_name)
            if owner is engine.loader.string_type or owner.kind == TypeKind.ARRAY:
                raise UnsupportedFeatureError(f"constructing a {owner.full_name} through reflection")
            size = engine.object_size_of_box(owner) if owner.is_value_type else owner.ensure_layout().instance_size
            this = engine.heap.new_object(engine.types.address(owner), size)
        with held(engine, this):
            target = md
            if this and md.is_virtual and not md.is_final:
                target = engine.dispatch.resolve_for_type(engine.types.type_of_object(this), md)
            result = _call(engine, target, this, args, params)
            if engine.pending.is_pending:
                raise ManagedExceptionPending(md.full_name)
            return this if constructing else result


def _open(md) -> bool:
    def is_open(th):
        if th.kind == TypeKind.GENERIC_PARAM:
            return True
        if th.element is not None and th.kind != TypeKind.VALUE_TYPE:
            return is_open(th.element)
        return any(is_open(a) for a in th.generic_args)
    return is_open(md.owner) or any(is_open(a) for a in md.generic_args)


def _call(engine, md, this, args, params) -> int:
    ret, native_params, _attrs, sret = method_llvm_signature(md)
    values = []
    keep = []                       # ctypes buffers that must live through the call
    byrefs = []                     # (index, element type, buffer) to box back into args
    if sret:
        out = ctypes.create_string_buffer(max(type_rep(md.return_type).size, 8))
        keep.append(out)
        values.append(ctypes.addressof(out))
    if md.has_this:
        if md.owner.is_value_type and this and engine.types.type_of_object(this).is_value_type:
            values.append(this + OBJECT_HEADER_SIZE)
        else:
            values.append(this)
    for i, p in enumerate(params):
        arg = read_u64(args + ARRAY_DATA_OFFSET + 8 * i)
        if p.kind == TypeKind.BYREF:
            elem = p.element
            buf = ctypes.create_string_buffer(max(elem.size_of_value, 8))
            store_value(engine, elem, ctypes.addressof(buf), arg)
            keep.append(buf)
            byrefs.append((i, elem, buf))
            values.append(ctypes.addressof(buf))
        elif p.is_reference_type:
            values.append(arg)
        elif p.kind == TypeKind.VALUE_TYPE and type_rep(p).storage is None:
            buf = ctypes.create_string_buffer(max(p.size_of_value, 8))
            store_value(engine, p, ctypes.addressof(buf), arg)
            keep.append(buf)
            values.append(ctypes.addressof(buf))
        else:
            # A primitive, enum, pointer or Nullable-free small struct: read it from the box.
            buf = ctypes.create_string_buffer(8)
            store_value(engine, p, ctypes.addressof(buf), arg)
            values.append(_CTYPES[native_params[len(values)]].from_buffer(buf).value)
    code = engine.ensure_compiled(md)
    proto = ctypes.CFUNCTYPE(_CTYPES[ret], *[_CTYPES[t] for t in native_params])
    with engine.gc.roots.managed_call():       # Python's new objects stay alive meanwhile (gc/roots.py)
        raw = proto(code)(*values)
    if engine.pending.is_pending:
        return 0
    for i, elem, buf in byrefs:
        write_u64(args + ARRAY_DATA_OFFSET + 8 * i, box_value(engine, elem, ctypes.addressof(buf)))
    rt = md.return_type
    if rt is None:
        return 0
    if sret:
        return box_value(engine, rt, ctypes.addressof(keep[0]))
    if rt.is_reference_type:
        return raw or 0
    buf = ctypes.create_string_buffer(8)
    ctypes.cast(buf, ctypes.POINTER(_CTYPES[ret]))[0] = raw if raw is not None else 0
    return box_value(engine, rt, ctypes.addressof(buf))
