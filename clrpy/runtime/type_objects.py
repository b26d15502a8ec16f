"""Runtime type objects: the System.RuntimeType instance that stands for each type in managed code,
and the native records behind RuntimeFieldHandle and RuntimeMethodHandle.

`typeof(T)`, `obj.GetType()` and reflection all hand out RuntimeType objects; there is exactly one per
type, so type equality is reference equality, as in the CLR. Mono's corlib keeps the type's runtime
handle in `Type._impl.value` (a MonoType* in Mono); ours is the address of the type's native handle,
which also identifies the TypeHandle (NativeTypeTable.by_address). These objects live as long as the
runtime: the collector treats the table as a root.

RuntimeFieldHandle and RuntimeMethodHandle values are addresses of small native records whose first
word is the field's or method's id in the runtime's tables. Methods also have one RuntimeMethodInfo
object each (Delegate.Method: delegates compare by it).
"""
from .native_memory import read_u64, write_u64


class TypeObjects:
    def __init__(self, engine):
        self.engine = engine
        self._objects = {}          # TypeHandle -> RuntimeType object address
        self._by_object = {}        # object address -> TypeHandle
        self._field_handles = {}    # FieldDesc -> record address
        self.fields = [None]        # field id -> FieldDesc
        self._records = {}          # record address -> FieldDesc or MethodDesc
        self._method_infos = {}     # MethodDesc -> RuntimeMethodInfo / RuntimeConstructorInfo object

    def runtime_type(self, th) -> int:
        obj = self._objects.get(th)
        if obj is None:
            e = self.engine
            rt = e.loader.corlib_type("System", "RuntimeType")
            obj = e.heap.new_object(e.types.address(rt), rt.ensure_layout().instance_size)
            impl = next(f for f in e.loader.corlib_type("System", "Type").fields if f.name == "_impl")
            write_u64(obj + impl.offset, e.types.address(th))
            self._objects[th] = obj
            self._by_object[obj] = th
        return obj

    def type_of_runtime_type(self, obj: int):
        th = self._by_object.get(obj)
        if th is None:
            impl = next(f for f in self.engine.loader.corlib_type("System", "Type").fields if f.name == "_impl")
            th = self.engine.types.by_address[read_u64(obj + impl.offset)]
        return th

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

    def member_of_handle(self, rec: int):
        return self._records[rec]

    def method_info(self, md) -> int:
        """The one RuntimeMethodInfo (RuntimeConstructorInfo for constructors) standing for `md`, so
        that MethodInfo equality (delegate equality, removal from invocation lists) is identity."""
        obj = self._method_infos.get(md)
        if obj is None:
            e = self.engine
            name = "RuntimeConstructorInfo" if md.name in (".ctor", ".cctor") else "RuntimeMethodInfo"
            th = e.loader.corlib_type("System.Reflection", name)
            obj = e.heap.new_object(e.types.address(th), th.ensure_layout().instance_size)
            fields = {f.name: f for f in th.fields if not f.is_static}
            write_u64(obj + fields["mhandle"].offset, self.method_handle(md))
            write_u64(obj + fields["reftype"].offset, self.runtime_type(md.owner))
            self._method_infos[md] = obj
        return obj

    def method_of_info(self, obj: int):
        """The MethodDesc a RuntimeMethodInfo / RuntimeConstructorInfo object stands for."""
        th = self.engine.types.type_of_object(obj)
        f = next(f for f in th.fields if f.name == "mhandle" and not f.is_static)
        return self._records[read_u64(obj + f.offset)]
