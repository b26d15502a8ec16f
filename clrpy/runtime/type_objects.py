"""Reflection objects: the managed objects that stand for types and members, and the handles behind
RuntimeTypeHandle, RuntimeMethodHandle, RuntimeFieldHandle and Mono's property and event handles.

`typeof(T)`, `obj.GetType()` and reflection hand out RuntimeType objects; there is exactly one per
type, so type equality is reference equality, as in the CLR. Mono's corlib keeps the type's runtime
handle in `Type._impl.value` (a MonoType* in Mono); ours is the address of the type's native handle,
which also identifies the TypeHandle (NativeTypeTable.by_address).

Member handles (RuntimeMethodHandle.value, RuntimeFieldHandle.value, Mono.RuntimePropertyHandle,
Mono.RuntimeEventHandle) are addresses of small native records whose first word is an id; the
runtime maps a record back to its MethodDesc, FieldDesc, PropertyDesc or EventDesc.

Member objects follow Mono's layouts, which its managed code reads directly (field names as in
Mono's object-internals.h, offsets from our layout of the corlib classes):

    RuntimeMethodInfo, RuntimeConstructorInfo   mhandle (method handle), name, reftype (reflected type)
    RuntimeFieldInfo                            klass (reflected type's handle), fhandle, name, type, attrs
    RuntimePropertyInfo                         klass, prop (property handle); `info` is filled on demand
    RuntimeEventInfo                            klass, handle (event handle)
    RuntimeParameterInfo                        ClassImpl, DefaultValueImpl, MemberImpl, NameImpl,
                                                PositionImpl, AttrsImpl, marshalAs

There is one object per (member, reflected type), as in Mono: MethodInfo equality (delegate
equality, removal from invocation lists) is identity. Every object here lives as long as the
runtime; `roots()` lists them for the collector.
"""
from ..metadata.schema import TableId as T
from ..typesys.object_layout import ARRAY_DATA_OFFSET
from .native_memory import read_u64, write_u32, write_u64


class TypeObjects:
    def __init__(self, engine):
        self.engine = engine
        self._objects = {}          # TypeHandle -> RuntimeType object address
        self._by_object = {}        # object address -> TypeHandle
        self._field_handles = {}    # FieldDesc -> record address
        self.fields = [None]        # field id -> FieldDesc
        self._records = {}          # record address -> FieldDesc, MethodDesc, PropertyDesc or EventDesc
        self._member_handles = {}   # PropertyDesc / EventDesc -> record address
        self._infos = {}            # (member, reflected TypeHandle) -> reflection object
        self._info_members = {}     # reflection object -> member
        self._parameters = {}       # (MethodDesc, member object) -> ParameterInfo[]
        self._offsets = {}          # (TypeHandle, field name) -> offset
        self.extra_roots = []       # other objects kept for the runtime's lifetime
        self._assembly_records = {} # RuntimeAssembly._mono_assembly / RuntimeModule._impl record -> Module
        self._cells = {}            # symbol -> cell of caller_object_cell

    def roots(self):
        """Every managed object this table keeps alive (the collector's roots)."""
        yield from self._objects.values()
        yield from self._infos.values()
        yield from self._parameters.values()
        yield from self.extra_roots

    # -- types ------------------------------------------------------------------------------------
    def runtime_type(self, th) -> int:
        obj = self._objects.get(th)
        if obj is None:
            e = self.engine
            obj = self.new_object(e.loader.corlib_type("System", "RuntimeType"))
            write_u64(obj + self.offset(e.loader.corlib_type("System", "Type"), "_impl"), e.types.address(th))
            self._objects[th] = obj
            self._by_object[obj] = th
        return obj

    def runtime_type_or_null(self, th) -> int:
        return self.runtime_type(th) if th is not None else 0

    def type_of_runtime_type(self, obj: int):
        th = self._by_object.get(obj)
        if th is None:
            impl = self.offset(self.engine.loader.corlib_type("System", "Type"), "_impl")
            th = self.engine.types.by_address[read_u64(obj + impl)]
        return th

    def is_runtime_type(self, obj: int) -> bool:
        return obj in self._by_object

    # -- handles ----------------------------------------------------------------------------------
    def field_handle(self, f) -> int:
        rec = self._field_handles.get(f)
        if rec is None:
            rec = self.engine.arena.alloc(16, 8)
            self.fields.append(f)
            write_u64(rec, len(self.fields) - 1)
            self._field_handles[f] = rec
            self._records[rec] = f
        return rec

    def method_handle(self, md) -> int:
        rec = getattr(md, "handle_record", 0)
        if not rec:
            rec = md.handle_record = self.engine.arena.alloc(16, 8)
            write_u64(rec, self.engine.method_id(md))
            self._records[rec] = md
        return rec

    def member_handle(self, member) -> int:
        """The handle record of a property or event."""
        rec = self._member_handles.get(member)
        if rec is None:
            rec = self.engine.arena.alloc(16, 8)
            write_u64(rec, len(self._member_handles) + 1)
            self._member_handles[member] = rec
            self._records[rec] = member
        return rec

    def member_of_handle(self, rec: int):
        member = self._records.get(rec)
        if member is None:
            raise self.engine.managed_error("System.ArgumentException", "The handle is not a valid member handle.")
        return member

    # -- member objects ---------------------------------------------------------------------------------
    def method_info(self, md, reflected=None) -> int:
        """The RuntimeMethodInfo (RuntimeConstructorInfo for constructors) standing for `md` as seen
        from type `reflected` (its owner by default)."""
        reflected = reflected or md.owner
        key = (md, reflected)
        obj = self._infos.get(key)
        if obj is None:
            name = "RuntimeConstructorInfo" if md.name in (".ctor", ".cctor") else "RuntimeMethodInfo"
            th = self.engine.loader.corlib_type("System.Reflection", name)
            obj = self.new_object(th)
            self.set_field(obj, th, "mhandle", self.method_handle(md))
            self.set_field(obj, th, "reftype", self.runtime_type(reflected))
            self._remember(key, obj)
        return obj

    def field_info(self, f, reflected=None) -> int:
        reflected = reflected or f.owner
        key = (f, reflected)
        obj = self._infos.get(key)
        if obj is None:
            e = self.engine
            th = e.loader.corlib_type("System.Reflection", "RuntimeFieldInfo")
            obj = self.new_object(th)
            self._remember(key, obj)
            self.set_field(obj, th, "klass", e.types.address(reflected))
            self.set_field(obj, th, "fhandle", self.field_handle(f))
            self.set_field(obj, th, "name", e.strings.new(f.name))
            self.set_field(obj, th, "type", self.runtime_type(f.type))
            self.set_field(obj, th, "attrs", f.flags, 4)
        return obj

    def property_info(self, prop, reflected=None) -> int:
        reflected = reflected or prop.owner
        key = (prop, reflected)
        obj = self._infos.get(key)
        if obj is None:
            e = self.engine
            th = e.loader.corlib_type("System.Reflection", "RuntimePropertyInfo")
            obj = self.new_object(th)
            self.set_field(obj, th, "klass", e.types.address(reflected))
            self.set_field(obj, th, "prop", self.member_handle(prop))
            self._remember(key, obj)
        return obj

    def event_info(self, event, reflected=None) -> int:
        reflected = reflected or event.owner
        key = (event, reflected)
        obj = self._infos.get(key)
        if obj is None:
            e = self.engine
            th = e.loader.corlib_type("System.Reflection", "RuntimeEventInfo")
            obj = self.new_object(th)
            self.set_field(obj, th, "klass", e.types.address(reflected))
            self.set_field(obj, th, "handle", self.member_handle(event))
            self._remember(key, obj)
        return obj

    # -- assemblies and modules ------------------------------------------------------------------------
    def assembly_object(self, module) -> int:
        """The RuntimeAssembly of the assembly whose manifest module is `module` (one per assembly).
        Its `_mono_assembly` is a native record (first word: an id) that maps back to the module."""
        key = ("assembly", module)
        obj = self._infos.get(key)
        if obj is None:
            e = self.engine
            th = e.loader.corlib_type("System.Reflection", "RuntimeAssembly")
            obj = self.new_object(th)
            self._remember(key, obj)
            rec = e.arena.alloc(16, 8)
            write_u64(rec, len(self._assembly_records) + 1)
            self._assembly_records[rec] = module
            self.set_field(obj, th, "_mono_assembly", rec)
        return obj

    def module_of_assembly_record(self, rec: int):
        return self._assembly_records[rec]

    def module_object(self, module) -> int:
        """The RuntimeModule of `module` (its `_impl` is the same kind of record as an assembly's)."""
        key = ("module", module)
        obj = self._infos.get(key)
        if obj is None:
            import os
            e = self.engine
            th = e.loader.corlib_type("System.Reflection", "RuntimeModule")
            obj = self.new_object(th)
            self._remember(key, obj)
            rec = e.arena.alloc(16, 8)
            write_u64(rec, len(self._assembly_records) + 1)
            self._assembly_records[rec] = module
            self.set_field(obj, th, "_impl", rec)
            self.set_field(obj, th, "assembly", self.assembly_object(module))
            path = os.path.abspath(str(module.path)) if module.path else module.name
            self.set_field(obj, th, "fqname", e.strings.new(path))
            self.set_field(obj, th, "name", e.strings.new(os.path.basename(path)))
            scope = module.tables[T.Module][1].name if module.tables[T.Module].num_rows else module.name
            self.set_field(obj, th, "scopename", e.strings.new(scope))
            self.set_field(obj, th, "token", 0x00000001, 4)
        return obj

    def caller_object_cell(self, what: str, md) -> str:
        """The symbol of a cell holding `what` ("assembly": the RuntimeAssembly of md's module;
        "method": md's MethodInfo) for code that asks about its own method (jit/intrinsics.py)."""
        e = self.engine
        if what == "assembly":
            module = md.module if md.module is not None else md.owner.module
            symbol = "asmobj:" + (module.assembly_name.name if module.assembly_name else module.name)
            obj = self.assembly_object(module)
        else:
            symbol = "methodobj:" + e.method_key(md)
            obj = self.method_info(md)
        if symbol not in self._cells:
            cell = e.arena.alloc(8, 8)
            write_u64(cell, obj)
            e.native.define_symbol(symbol, cell)
            self._cells[symbol] = cell
        return symbol

    def _remember(self, key, obj):
        self._infos[key] = obj
        self._info_members[obj] = key

    def member_of_info(self, obj: int):
        """(member, reflected TypeHandle) of a reflection object this table made."""
        key = self._info_members.get(obj)
        if key is None:
            raise self.engine.managed_error("System.NotSupportedException",
                                            "reflection over members the runtime did not create (System.Reflection.Emit)")
        return key

    def method_of_info(self, obj: int):
        """The MethodDesc a RuntimeMethodInfo / RuntimeConstructorInfo object stands for."""
        th = self.engine.types.type_of_object(obj)
        return self.member_of_handle(read_u64(obj + self.offset(th, "mhandle")))

    def parameters(self, md, member: int) -> int:
        """The ParameterInfo[] of method `md` (one array per method object, as Mono caches it)."""
        key = (md, member)
        arr = self._parameters.get(key)
        if arr is None:
            e = self.engine
            loader = e.loader
            pinfo = loader.corlib_type("System.Reflection", "RuntimeParameterInfo")
            arr = self.new_array(loader.corlib_type("System.Reflection", "ParameterInfo"), len(md.param_types))
            self._parameters[key] = arr
            rows = {}
            if md.module is not None:
                for rid in md.module.params_of(md.rid):
                    row = md.module.tables[T.Param][rid]
                    rows[row.sequence] = (rid, row)
            from .reflection_values import constant_value, dbnull
            for i, p in enumerate(md.param_types):
                obj = self.new_object(pinfo)
                write_u64(arr + ARRAY_DATA_OFFSET + 8 * i, obj)
                rid, row = rows.get(i + 1, (0, None))
                flags = row.flags if row is not None else 0
                if row is not None and row.name:
                    self.set_field(obj, pinfo, "NameImpl", e.strings.new(row.name))
                self.set_field(obj, pinfo, "ClassImpl", self.runtime_type(p))
                self.set_field(obj, pinfo, "PositionImpl", i, 4)
                self.set_field(obj, pinfo, "AttrsImpl", flags, 4)
                self.set_field(obj, pinfo, "MemberImpl", member)
                default = dbnull(e)
                if flags & 0x1000 and rid:              # HasDefault: the Constant row's value
                    default = constant_value(e, md.module, (T.Param << 24) | rid, p)
                elif flags & 0x0010:                     # Optional without a default: Missing.Value
                    default = missing(e)
                self.set_field(obj, pinfo, "DefaultValueImpl", default)
        return arr

    def return_parameter(self, md, member: int) -> int:
        """MethodInfo.ReturnParameter: a ParameterInfo at position -1."""
        key = (md, member, "ret")
        obj = self._parameters.get(key)
        if obj is None:
            e = self.engine
            pinfo = e.loader.corlib_type("System.Reflection", "RuntimeParameterInfo")
            obj = self._parameters[key] = self.new_object(pinfo)
            self.set_field(obj, pinfo, "ClassImpl", self.runtime_type(md.return_type or e.loader.void_type))
            self.set_field(obj, pinfo, "PositionImpl", 0xFFFFFFFF, 4)
            self.set_field(obj, pinfo, "MemberImpl", member)
        return obj

    # -- building objects ----------------------------------------------------------------------------
    def new_object(self, th) -> int:
        e = self.engine
        return e.heap.new_object(e.types.address(th), th.ensure_layout().instance_size)

    def new_array(self, element, length: int) -> int:
        """A new one-dimensional array of references to `element`."""
        e = self.engine
        return e.heap.new_szarray(e.types.address(e.loader.array_of(element)), 8, length)

    def offset(self, th, name: str) -> int:
        """The offset of instance field `name` in objects of class `th` (declared there or inherited)."""
        key = (th, name)
        off = self._offsets.get(key)
        if off is None:
            t = th
            while t is not None and off is None:
                for f in t.fields:
                    if f.name == name and not f.is_static:
                        t.ensure_layout()
                        off = f.offset
                        break
                t = t.parent
            if off is None:
                raise KeyError(f"{th.full_name} has no field {name}")
            self._offsets[key] = off
        return off

    def set_field(self, obj: int, th, name: str, value: int, size: int = 8):
        off = self.offset(th, name)
        if size == 8:
            write_u64(obj + off, value)
        else:
            write_u32(obj + off, value & 0xFFFFFFFF)

    def get_field(self, obj: int, th, name: str) -> int:
        return read_u64(obj + self.offset(th, name))


def missing(engine) -> int:
    """System.Reflection.Missing.Value."""
    th = engine.loader.corlib_type("System.Reflection", "Missing")
    f = next(f for f in th.fields if f.name == "Value")
    return read_u64(engine.static_field_address(f))
