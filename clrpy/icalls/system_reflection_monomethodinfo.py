"""Internal calls of System.Reflection.MonoMethodInfo: what MethodInfo and ConstructorInfo ask about a
method handle (declaring type, return type, attributes, calling convention, parameters)."""
from .registry import icall

# System.Reflection.CallingConventions
STANDARD, VAR_ARGS, HAS_THIS, EXPLICIT_THIS = 0x1, 0x2, 0x20, 0x40


def _md(engine, handle):
    return engine.type_objects.member_of_handle(handle)


@icall("System.Reflection.MonoMethodInfo::get_method_info(System.IntPtr,System.Reflection.MonoMethodInfo&)")
def get_method_info(engine, handle, info):
    md = _md(engine, handle)
    objects = engine.type_objects
    loader = engine.loader
    th = loader.corlib_type("System.Reflection", "MonoMethodInfo")
    objects.set_field(info, th, "parent", objects.runtime_type(md.owner))
    objects.set_field(info, th, "ret", objects.runtime_type(md.return_type or loader.void_type))
    objects.set_field(info, th, "attrs", md.flags, 4)
    objects.set_field(info, th, "iattrs", md.impl_flags, 4)
    sig = md.signature
    conv = VAR_ARGS if sig.is_vararg else STANDARD
    if sig.has_this:
        conv |= HAS_THIS
    if sig.explicit_this:
        conv |= EXPLICIT_THIS
    objects.set_field(info, th, "callconv", conv, 4)


@icall("System.Reflection.MonoMethodInfo::get_method_attributes(System.IntPtr)")
def get_method_attributes(engine, handle):
    return _md(engine, handle).flags


@icall("System.Reflection.MonoMethodInfo::get_parameter_info(System.IntPtr,System.Reflection.MemberInfo)")
def get_parameter_info(engine, handle, member):
    return engine.type_objects.parameters(_md(engine, handle), member)


@icall("System.Reflection.MonoMethodInfo::get_retval_marshal(System.IntPtr)")
def get_retval_marshal(engine, handle):
    return 0                                # no [return: MarshalAs] information (interop is not reflected)
