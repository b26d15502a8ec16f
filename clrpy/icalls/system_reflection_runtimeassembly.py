"""Internal calls of System.Reflection.RuntimeAssembly, Assembly, RuntimeModule and AssemblyName:
assemblies and modules as reflection objects (runtime/type_objects.py makes one per assembly), their
names, locations, types, entry points and embedded resources (the class library's collation tables
are resources of mscorlib, read through Assembly.GetManifestResourceStream).

Assembly.GetExecutingAssembly() is a JIT intrinsic (jit/intrinsics.py): the answer is the calling
method's assembly, which the JIT knows.
"""
import ctypes
import os

from ..metadata.schema import TableId as T
from ..runtime.native_memory import write_u64
from ..runtime.reflection_invoke import held
from ..typesys.object_layout import ARRAY_DATA_OFFSET
from .managed_values import string_or_none
from .registry import icall

# System.Reflection.ResourceLocation
EMBEDDED, CONTAINED_IN_ANOTHER_ASSEMBLY, CONTAINED_IN_MANIFEST_FILE = 1, 2, 4

_libc = ctypes.CDLL(None)
_libc.malloc.restype = ctypes.c_void_p
_libc.malloc.argtypes = [ctypes.c_size_t]


def module_of(engine, assembly_obj):
    th = engine.loader.corlib_type("System.Reflection", "RuntimeAssembly")
    return engine.type_objects.module_of_assembly_record(engine.type_objects.get_field(assembly_obj, th, "_mono_assembly"))


def _module_of_module_object(engine, module_obj):
    th = engine.loader.corlib_type("System.Reflection", "RuntimeModule")
    return engine.type_objects.module_of_assembly_record(engine.type_objects.get_field(module_obj, th, "_impl"))


def _framework_module(engine, module) -> bool:
    fw = engine.binder.framework_dir
    return bool(fw and module.path and os.path.realpath(str(module.path)).startswith(os.path.realpath(str(fw))))


@icall("System.Reflection.RuntimeAssembly::get_fullname(System.Reflection.Assembly)")
def get_fullname(engine, a):
    return engine.strings.new(str(module_of(engine, a).assembly_name))


@icall("System.Reflection.RuntimeAssembly::get_location()")
def get_location(engine, this):
    m = module_of(engine, this)
    return engine.strings.new(os.path.abspath(str(m.path)) if m.path else "")


@icall("System.Reflection.RuntimeAssembly::get_code_base(System.Reflection.Assembly,System.Boolean)")
def get_code_base(engine, a, escaped):
    m = module_of(engine, a)
    return engine.strings.new("file://" + os.path.abspath(str(m.path)) if m.path else "")


@icall("System.Reflection.RuntimeAssembly::get_global_assembly_cache()")
def get_global_assembly_cache(engine, this):
    return 1 if _framework_module(engine, module_of(engine, this)) else 0


@icall("System.Reflection.RuntimeAssembly::get_ReflectionOnly()")
def get_reflection_only(engine, this):
    return 0


@icall("System.Reflection.RuntimeAssembly::InternalImageRuntimeVersion(System.Reflection.Assembly)")
def internal_image_runtime_version(engine, a):
    return engine.strings.new(module_of(engine, a).root.version)


@icall("System.Reflection.RuntimeAssembly::get_EntryPoint()")
def get_entry_point(engine, this):
    m = module_of(engine, this)
    if m.entry_point_token is None:
        return 0
    return engine.type_objects.method_info(engine.entry_point(m))


@icall("System.Reflection.RuntimeAssembly::GetManifestModuleInternal()")
def get_manifest_module_internal(engine, this):
    return engine.type_objects.module_object(module_of(engine, this))


@icall("System.Reflection.RuntimeAssembly::GetModulesInternal()")
def get_modules_internal(engine, this):
    objects = engine.type_objects
    arr = objects.new_array(engine.loader.corlib_type("System.Reflection", "Module"), 1)
    with held(engine, arr):
        write_u64(arr + ARRAY_DATA_OFFSET, objects.module_object(module_of(engine, this)))
    return arr


def _resource_rid(module, name):
    table = module.tables[T.ManifestResource]
    for rid in range(1, table.num_rows + 1):
        if table[rid].name == name:
            return rid
    return 0


@icall("System.Reflection.RuntimeAssembly::GetManifestResourceNames()")
def get_manifest_resource_names(engine, this):
    m = module_of(engine, this)
    table = m.tables[T.ManifestResource]
    return engine.new_string_array([table[rid].name for rid in range(1, table.num_rows + 1)])


@icall("System.Reflection.RuntimeAssembly::GetManifestResourceInfoInternal(System.String,System.Reflection.ManifestResourceInfo)")
def get_manifest_resource_info_internal(engine, this, name, info):
    m = module_of(engine, this)
    rid = _resource_rid(m, string_or_none(name))
    if not rid:
        return 0
    row = m.tables[T.ManifestResource][rid]
    th = engine.types.type_of_object(info)
    objects = engine.type_objects
    if row.implementation.is_nil:
        objects.set_field(info, th, "<ResourceLocation>k__BackingField", EMBEDDED | CONTAINED_IN_MANIFEST_FILE, 4)
        return 1
    if row.implementation.table == T.File:
        objects.set_field(info, th, "<FileName>k__BackingField",
                          engine.strings.new(m.tables[T.File][row.implementation.rid].name))
        objects.set_field(info, th, "<ResourceLocation>k__BackingField", 0, 4)
        return 1
    other = engine.binder.resolve_assembly_ref(m, row.implementation.rid)
    objects.set_field(info, th, "<ReferencedAssembly>k__BackingField", objects.assembly_object(other))
    objects.set_field(info, th, "<ResourceLocation>k__BackingField", CONTAINED_IN_ANOTHER_ASSEMBLY, 4)
    return 1


_resources = {}         # (module, name) -> (address, size): copies that live as long as the process


@icall("System.Reflection.RuntimeAssembly::GetManifestResourceInternal(System.String,System.Int32&,System.Reflection.Module&)")
def get_manifest_resource_internal(engine, this, name, size_out, module_out):
    m = module_of(engine, this)
    text = string_or_none(name)
    key = (m, text)
    found = _resources.get(key)
    if found is None:
        rid = _resource_rid(m, text)
        if not rid or not m.tables[T.ManifestResource][rid].implementation.is_nil:
            return 0
        data = m.resource_data(rid)
        address = _libc.malloc(max(len(data), 1))
        ctypes.memmove(address, data, len(data))
        found = _resources[key] = (address, len(data))
    ctypes.c_int32.from_address(size_out).value = found[1]
    write_u64(module_out, engine.type_objects.module_object(m))
    return found[0]


@icall("System.Reflection.Assembly::GetTypes(System.Boolean)")
def get_types(engine, this, exported_only):
    m = module_of(engine, this)
    loader = engine.loader
    table = m.tables[T.TypeDef]
    types = []
    for rid in range(2, table.num_rows + 1):             # row 1 is <Module>
        th = loader.load_typedef(m, rid)
        if exported_only and not _visible(th):
            continue
        types.append(th)
    objects = engine.type_objects
    arr = objects.new_array(loader.corlib_type("System", "Type"), len(types))
    with held(engine, arr):
        for i, th in enumerate(types):
            write_u64(arr + ARRAY_DATA_OFFSET + 8 * i, objects.runtime_type(th))
    return arr


def _visible(th) -> bool:
    vis = th.flags & 0x7
    if vis == 0x1:                                       # public
        return True
    if vis == 0x2 and th.enclosing is not None:          # nested public
        return _visible(th.enclosing)
    return False


@icall("System.Reflection.Assembly::InternalGetType(System.Reflection.Module,System.String,System.Boolean,System.Boolean)")
def internal_get_type(engine, this, module_obj, name, throw_on_error, ignore_case):
    from .system_runtimetypehandle import type_by_name
    m = module_of(engine, this) if this else _module_of_module_object(engine, module_obj)
    return type_by_name(engine, string_or_none(name), [m], throw_on_error, ignore_case)


@icall("System.Reflection.Assembly::GetEntryAssembly()")
def get_entry_assembly(engine):
    m = getattr(engine, "entry_module", None)
    return engine.type_objects.assembly_object(m) if m is not None else 0


@icall("System.Reflection.RuntimeModule::get_MetadataToken(System.Reflection.Module)")
def module_metadata_token(engine, module_obj):
    return 0x00000001


@icall("System.Reflection.RuntimeModule::GetMDStreamVersion(System.IntPtr)")
def get_md_stream_version(engine, impl):
    return 0x00020000


@icall("System.Reflection.RuntimeModule::InternalGetTypes(System.IntPtr)")
def module_internal_get_types(engine, impl):
    m = engine.type_objects.module_of_assembly_record(impl)
    return get_types(engine, engine.type_objects.assembly_object(m), 0)


@icall("System.Reflection.RuntimeModule::GetGuidInternal(System.IntPtr,System.Byte[])")
def get_guid_internal(engine, impl, guid):
    m = engine.type_objects.module_of_assembly_record(impl)
    mvid = m.tables[T.Module][1].mvid
    ctypes.memmove(guid + ARRAY_DATA_OFFSET, mvid.bytes_le, 16)


_native_names = {}      # Module -> address of its MonoAssemblyName (lives as long as the process)


def _native_bytes(data: bytes) -> int:
    address = _libc.malloc(max(len(data), 1))
    ctypes.memmove(address, data, len(data))
    return address


def _compressed_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    if n < 0x4000:
        return bytes([0x80 | (n >> 8), n & 0xFF])
    return bytes([0xC0 | (n >> 24), (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF])


@icall("System.Reflection.AssemblyName::GetNativeName(System.IntPtr)")
def get_native_name(engine, assembly_ptr):
    """The assembly's name as Mono's MonoAssemblyName (AssemblyName.FillName reads it): UTF-8 name and
    culture, the public key as a length-prefixed blob, the token as 16 hex digits, the version."""
    module = engine.type_objects.module_of_assembly_record(assembly_ptr)
    found = _native_names.get(module)
    if found is not None:
        return found
    th = engine.loader.corlib_type("Mono", "MonoAssemblyName")
    size = th.ensure_layout().instance_size
    struct_ = _libc.malloc(size)
    ctypes.memset(struct_, 0, size)
    name = module.assembly_name
    row = module.tables[T.Assembly][1]
    off = {f.name: f.offset for f in th.fields if not f.is_static}
    ctypes.c_uint64.from_address(struct_ + off["name"]).value = _native_bytes(name.name.encode() + b"\0")
    ctypes.c_uint64.from_address(struct_ + off["culture"]).value = _native_bytes((name.culture or "").encode() + b"\0")
    key = bytes(row.public_key or b"")
    if key:
        ctypes.c_uint64.from_address(struct_ + off["public_key"]).value = _native_bytes(_compressed_length(len(key)) + key)
    token = name.public_key_token.hex().encode() if name.public_key_token else b""
    ctypes.memmove(struct_ + off["public_key_token"], token + b"\0", len(token) + 1)
    ctypes.c_uint32.from_address(struct_ + off["hash_alg"]).value = row.hash_alg_id
    ctypes.c_uint32.from_address(struct_ + off["flags"]).value = row.flags
    for field, value in zip(("major", "minor", "build", "revision"), name.version):
        ctypes.c_uint16.from_address(struct_ + off[field]).value = value
    _native_names[module] = struct_
    return struct_
