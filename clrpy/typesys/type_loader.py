"""The type loader: from metadata tokens and signatures to TypeHandles, MethodDescs and FieldDescs.

It owns the caches that make type identity hold (one TypeHandle per type definition, per generic
instantiation, per array shape, pointer and byref), resolves tokens in the scope of a module and a
generic context, matches member references against definitions by name and signature, and builds
each level of a type on demand (see type_handle.py). Cross-assembly references go through the
binder, which also follows type forwarders.

Generic contexts are pairs (type arguments, method arguments). A generic type definition stands
for its own *typical instantiation* (List<!0> is List<T> itself), so signatures inside a generic
definition resolve to the definition's own generic parameters.
"""
from ..errors import BadImageError, TypeResolutionError
from ..metadata import signatures as sig
from ..metadata.schema import TableId as T
from ..metadata.signatures import ElementType as E
from .array_methods import array_methods
from .layout import compute_layout
from .method_desc import FieldDesc, MethodDesc
from .type_handle import PRIMITIVES, TypeAttributes, TypeHandle, TypeKind

EMPTY_CONTEXT = ((), ())


class GenericContext(tuple):
    """(type arguments, method arguments): what !n and !!n stand for in a signature."""

    __slots__ = ()

    def __new__(cls, type_args=(), method_args=()):
        return super().__new__(cls, (tuple(type_args), tuple(method_args)))

    @property
    def type_args(self):
        return self[0]

    @property
    def method_args(self):
        return self[1]


class TypeLoader:
    """Loads types for one runtime (one AppDomain): the caches, the corlib types, the member lookups."""

    def __init__(self, binder):
        self.binder = binder
        self.corlib = binder.corlib
        self._typedefs = {}         # (module, rid) -> TypeHandle
        self._instances = {}        # (definition, args) -> TypeHandle
        self._arrays = {}           # (element, rank, is_sz) -> TypeHandle
        self._pointers = {}
        self._byrefs = {}
        self._fnptrs = {}
        self._generic_params = {}   # (is_method, number) -> TypeHandle
        self._method_insts = {}     # (MethodDesc definition, args) -> MethodDesc
        self._corlib_by_name = {}
        self.all_types = []         # every TypeHandle created, in creation order
        self.void_type = self.corlib_type("System", "Void")
        self.object_type = self.corlib_type("System", "Object")
        self.value_type_type = self.corlib_type("System", "ValueType")
        self.enum_type = self.corlib_type("System", "Enum")
        self.string_type = self.corlib_type("System", "String")
        self.array_type = self.corlib_type("System", "Array")
        self._primitive_types = {et: self.corlib_type("System", name) for name, et in PRIMITIVES.items()}
        self._primitive_types[E.VOID] = self.void_type
        self._primitive_types[E.STRING] = self.string_type
        self._primitive_types[E.OBJECT] = self.object_type
        self._primitive_types[E.TYPEDBYREF] = self.corlib_type("System", "TypedReference")

    # -- creation and caches -------------------------------------------------------------------
    def _new(self, kind, **kw) -> TypeHandle:
        th = TypeHandle(self, kind, **kw)
        th.type_id = len(self.all_types) + 1
        self.all_types.append(th)
        return th

    def corlib_type(self, namespace: str, name: str) -> TypeHandle:
        th = self._corlib_by_name.get((namespace, name))
        if th is None:
            rid = self.corlib.find_type(namespace, name)
            if not rid:
                raise TypeResolutionError(f"the core library has no type {namespace}.{name}",
                                          type_name=f"{namespace}.{name}", assembly=str(self.corlib.assembly_name))
            th = self.load_typedef(self.corlib, rid)
            self._corlib_by_name[(namespace, name)] = th
        return th

    def primitive(self, et) -> TypeHandle:
        return self._primitive_types[et]

    def load_typedef(self, module, rid: int) -> TypeHandle:
        """The TypeHandle of a type definition (for generic types: the definition itself)."""
        key = (module, rid)
        th = self._typedefs.get(key)
        if th is not None:
            return th
        row = module.tables[T.TypeDef][rid]
        kind = self._kind_of(module, rid, row)
        cor_type = None
        if module is self.corlib and row.type_namespace == "System":
            cor_type = _CORLIB_ELEMENT_TYPES.get(row.type_name)
        th = self._new(kind, module=module, rid=rid, namespace=row.type_namespace, name=row.type_name,
                       flags=row.flags, cor_type=cor_type)
        self._typedefs[key] = th
        outer = module.enclosing_type(rid)
        if outer:
            th.enclosing = self.load_typedef(module, outer)
        return th

    def _kind_of(self, module, rid, row) -> TypeKind:
        if row.flags & TypeAttributes.INTERFACE:
            return TypeKind.INTERFACE
        ext = row.extends
        if ext.is_nil or ext.table == T.TypeSpec:
            return TypeKind.CLASS
        if ext.table == T.TypeRef:
            base_module, base_rid = self.binder.resolve_typeref(module, ext.rid)
        else:
            base_module, base_rid = module, ext.rid
        if base_module is not self.corlib:
            return TypeKind.CLASS
        base = base_module.tables[T.TypeDef][base_rid]
        if base.type_namespace == "System" and base.type_name in ("ValueType", "Enum"):
            # System.Enum itself derives from ValueType but is a reference type.
            if module is self.corlib and row.type_namespace == "System" and row.type_name == "Enum":
                return TypeKind.CLASS
            return TypeKind.VALUE_TYPE
        return TypeKind.CLASS

    def instantiate(self, definition: TypeHandle, args) -> TypeHandle:
        """The instantiation of a generic type definition over `args` (TypeHandles)."""
        args = tuple(args)
        if definition.generic_definition is not None:
            raise TypeResolutionError(f"{definition.full_name} is already an instantiation")
        count = self.generic_param_count(definition)
        if len(args) != count:
            raise TypeResolutionError(f"{definition.full_name} takes {count} type arguments, not {len(args)}")
        if args == self.typical_args(definition):
            return definition
        key = (definition, args)
        th = self._instances.get(key)
        if th is None:
            th = self._new(definition.kind, module=definition.module, rid=definition.rid,
                           namespace=definition.namespace, name=definition.name, flags=definition.flags,
                           generic_definition=definition, generic_args=args, cor_type=definition.cor_type)
            th.enclosing = definition.enclosing
            th.is_nullable = definition.module is self.corlib and definition.namespace == "System" \
                and definition.name == "Nullable`1"
            self._instances[key] = th
        return th

    def array_of(self, element: TypeHandle, rank: int = 1, szarray: bool = True) -> TypeHandle:
        key = (element, rank, szarray)
        th = self._arrays.get(key)
        if th is None:
            th = self._new(TypeKind.ARRAY, element=element, rank=rank, cor_type=E.SZARRAY if szarray else E.ARRAY)
            th.is_szarray = szarray
            self._arrays[key] = th
        return th

    def pointer_to(self, element: TypeHandle) -> TypeHandle:
        th = self._pointers.get(element)
        if th is None:
            th = self._pointers[element] = self._new(TypeKind.POINTER, element=element, cor_type=E.PTR)
        return th

    def byref_to(self, element: TypeHandle) -> TypeHandle:
        th = self._byrefs.get(element)
        if th is None:
            th = self._byrefs[element] = self._new(TypeKind.BYREF, element=element, cor_type=E.BYREF)
        return th

    def fnptr(self, method_sig) -> TypeHandle:
        # Function pointer identity is structural; all of them share one native representation.
        th = self._fnptrs.get(method_sig)
        if th is None:
            th = self._fnptrs[method_sig] = self._new(TypeKind.FNPTR, method_sig=method_sig, cor_type=E.FNPTR)
        return th

    def generic_param(self, number: int, is_method: bool) -> TypeHandle:
        key = (is_method, number)
        th = self._generic_params.get(key)
        if th is None:
            th = self._new(TypeKind.GENERIC_PARAM, generic_param_number=number, generic_param_is_method=is_method,
                           cor_type=E.MVAR if is_method else E.VAR, name=("!!" if is_method else "!") + str(number))
            self._generic_params[key] = th
        return th

    def generic_param_count(self, th: TypeHandle) -> int:
        d = th.definition
        if d.module is None:
            return 0
        count = getattr(d, "_generic_count", None)
        if count is None:
            count = len(d.module.generic_params((T.TypeDef << 24) | d.rid))
            d._generic_count = count
        return count

    def typical_args(self, definition: TypeHandle):
        return tuple(self.generic_param(i, False) for i in range(self.generic_param_count(definition)))

    # -- contexts --------------------------------------------------------------------------------
    def context_of_type(self, th: TypeHandle) -> GenericContext:
        if th.generic_definition is not None:
            return GenericContext(th.generic_args, ())
        if th.module is not None:
            return GenericContext(self.typical_args(th), ())
        return GenericContext()

    def context_of(self, method: MethodDesc) -> GenericContext:
        type_ctx = self.context_of_type(method.owner)
        margs = method.generic_args
        if not margs and method.signature.generic_param_count:
            margs = tuple(self.generic_param(i, True) for i in range(method.signature.generic_param_count))
        return GenericContext(type_ctx.type_args, margs)

    # -- signatures and tokens -------------------------------------------------------------------
    def from_sig(self, module, t, ctx=EMPTY_CONTEXT) -> TypeHandle:
        """The TypeHandle a decoded signature type stands for, in generic context `ctx`."""
        cls = type(t)
        if cls is sig.PrimitiveType:
            return self._primitive_types[t.element_type]
        if cls is sig.NamedType:
            return self.resolve_type_token(module, t.token, ctx)
        if cls is sig.GenericInstType:
            definition = self.resolve_type_token(module, t.generic.token, ctx)
            return self.instantiate(definition, [self.from_sig(module, a, ctx) for a in t.args])
        if cls is sig.SzArrayType:
            return self.array_of(self.from_sig(module, t.element, ctx), 1, True)
        if cls is sig.GenericParamType:
            args = ctx[1] if t.is_method else ctx[0]
            if t.number < len(args):
                return args[t.number]
            return self.generic_param(t.number, t.is_method)
        if cls is sig.ByRefType:
            return self.byref_to(self.from_sig(module, t.element, ctx))
        if cls is sig.PointerType:
            return self.pointer_to(self.from_sig(module, t.element, ctx))
        if cls is sig.ArrayType:
            return self.array_of(self.from_sig(module, t.element, ctx), t.rank, False)
        if cls is sig.ModifiedType or cls is sig.PinnedType:
            return self.from_sig(module, t.element, ctx)
        if cls is sig.FnPtrType:
            return self.fnptr(t.method)
        raise BadImageError(f"cannot load signature type {t!r}")

    def resolve_type_token(self, module, token: int, ctx=EMPTY_CONTEXT) -> TypeHandle:
        table, rid = token >> 24, token & 0xFFFFFF
        if table == T.TypeDef:
            return self.load_typedef(module, rid)
        if table == T.TypeRef:
            target_module, target_rid = self.binder.resolve_typeref(module, rid)
            return self.load_typedef(target_module, target_rid)
        if table == T.TypeSpec:
            return self.from_sig(module, module.type_spec(rid), ctx)
        raise BadImageError(f"token 0x{token:08x} is not a type token")

    def resolve_method_token(self, module, token: int, ctx=EMPTY_CONTEXT) -> MethodDesc:
        table, rid = token >> 24, token & 0xFFFFFF
        if table == T.MethodDef:
            owner = self.load_typedef(module, module.owner_of_method(rid))
            return self.method_of(owner, rid)
        if table == T.MemberRef:
            return self._resolve_member_ref_method(module, rid, ctx)
        if table == T.MethodSpec:
            spec = module.tables[T.MethodSpec][rid]
            generic = self.resolve_method_token(module, spec.method, ctx)
            args = [self.from_sig(module, a, ctx) for a in module.method_spec_sig(rid).args]
            return self.instantiate_method(generic, args)
        raise BadImageError(f"token 0x{token:08x} is not a method token")

    def resolve_field_token(self, module, token: int, ctx=EMPTY_CONTEXT) -> FieldDesc:
        table, rid = token >> 24, token & 0xFFFFFF
        if table == T.Field:
            owner = self.load_typedef(module, module.owner_of_field(rid))
            for f in owner.fields:
                if f.rid == rid:
                    return f
            raise BadImageError(f"field 0x{token:08x} not found in its owner {owner.full_name}")
        if table == T.MemberRef:
            row = module.tables[T.MemberRef][rid]
            owner = self._member_ref_parent(module, row.class_, ctx)
            fsig = module.member_ref_sig(rid)
            if not isinstance(fsig, sig.FieldSig):
                raise BadImageError(f"MemberRef 0x{token:08x} ({row.name}) is used as a field but names a method")
            t = owner
            while t is not None:
                for f in t.fields:
                    if f.name == row.name and self._types_match(module, fsig.type, f.module, f.signature.type):
                        return f
                t = t.parent
            raise TypeResolutionError(f"field '{row.name}' not found in {owner.full_name} (MissingFieldException)",
                                      type_name=owner.full_name, managed_type="System.MissingFieldException")
        raise BadImageError(f"token 0x{token:08x} is not a field token")

    def _member_ref_parent(self, module, parent, ctx) -> TypeHandle:
        if parent.table in (T.TypeDef, T.TypeRef, T.TypeSpec):
            return self.resolve_type_token(module, parent, ctx)
        if parent.table == T.MethodDef:
            return self.load_typedef(module, module.owner_of_method(parent.rid))
        if parent.table == T.ModuleRef:
            target = self.binder.types._module_file(module, module.tables[T.ModuleRef][parent.rid].name)
            return self.load_typedef(target, 1)     # the <Module> type holds global members
        raise BadImageError(f"invalid MemberRef parent {parent!r}")

    def _resolve_member_ref_method(self, module, rid, ctx) -> MethodDesc:
        row = module.tables[T.MemberRef][rid]
        msig = module.member_ref_sig(rid)
        if not isinstance(msig, sig.MethodSig):
            raise BadImageError(f"MemberRef 0x{0x0A000000 | rid:08x} ({row.name}) is used as a method but names a field")
        if row.class_.table == T.MethodDef:
            # A vararg call site: the MemberRef carries the actual argument types of one call.
            owner = self.load_typedef(module, module.owner_of_method(row.class_.rid))
            return self.method_of(owner, row.class_.rid)
        owner = self._member_ref_parent(module, row.class_, ctx)
        found = self.find_method_by_sig(owner, row.name, module, msig)
        if found is None:
            raise TypeResolutionError(f"method '{row.name}' with the referenced signature not found in "
                                      f"{owner.full_name} (MissingMethodException)", type_name=owner.full_name,
                                      managed_type="System.MissingMethodException")
        return found

    def find_method_by_sig(self, owner: TypeHandle, name: str, sig_module, msig) -> MethodDesc:
        """The method called `name` on `owner` (or its parents) whose signature matches `msig`."""
        t = owner
        while t is not None:
            for m in t.methods:
                if m.name != name:
                    continue
                if m.module is None:        # a runtime-provided array method: match by shape
                    if len(m.param_types) == len(msig.params):
                        return m
                elif self.method_sigs_match(sig_module, msig, m.module, m.signature):
                    return m
            if t.is_interface:
                break
            t = t.parent
        return None

    # -- members -----------------------------------------------------------------------------------
    def method_of(self, owner: TypeHandle, rid: int) -> MethodDesc:
        by_rid = getattr(owner, "_methods_by_rid", None)
        if by_rid is None:
            by_rid = owner._methods_by_rid = {m.rid: m for m in owner.methods}
        m = by_rid.get(rid)
        if m is not None:
            return m
        raise BadImageError(f"method 0x{0x06000000 | rid:08x} is not a member of {owner.full_name}")

    def instantiate_method(self, generic: MethodDesc, args) -> MethodDesc:
        args = tuple(args)
        if generic.generic_definition is not None:
            generic = generic.generic_definition
        count = generic.signature.generic_param_count
        if len(args) != count:
            raise TypeResolutionError(f"{generic.full_name} takes {count} type arguments, not {len(args)}")
        key = (generic, args)
        m = self._method_insts.get(key)
        if m is None:
            m = MethodDesc(generic.owner, generic.module, generic.rid, generic.name, generic.flags,
                           generic.impl_flags, generic.signature, args, generic)
            m.slot = generic.slot
            self._method_insts[key] = m
        return m

    def load_parent(self, th: TypeHandle):
        if th.kind == TypeKind.ARRAY:
            return self.array_type
        if th.module is None or th.kind == TypeKind.INTERFACE:
            return None
        ext = th.module.tables[T.TypeDef][th.rid].extends
        if ext.is_nil:
            return None
        parent = self.resolve_type_token(th.module, ext, self.context_of_type(th))
        if parent is self.enum_type:
            th._is_enum = True
        if parent.module is self.corlib and parent.namespace == "System" and parent.name in ("MulticastDelegate",) \
                and th is not parent:
            th._is_delegate = True
        return parent

    def load_interfaces(self, th: TypeHandle):
        if th.module is None:
            return []
        ctx = self.context_of_type(th)
        return [self.resolve_type_token(th.module, tok, ctx) for tok in th.module.interfaces_of(th.rid)]

    def load_fields(self, th: TypeHandle):
        if th.module is None:
            return []
        m = th.module
        ft = m.tables[T.Field]
        name, flags = ft.column_index("Name"), ft.column_index("Flags")
        get_string = m.strings.get
        out = []
        for rid in m.fields_of(th.rid):
            raw = ft.raw(rid)           # as load_methods: no Row object for each
            out.append(FieldDesc(th, m, rid, get_string(raw[name]), raw[flags], m.field_sig(rid)))
        return out

    def load_methods(self, th: TypeHandle):
        if th.kind == TypeKind.ARRAY and not th.is_szarray:
            return array_methods(self, th)
        if th.module is None:
            return []
        m = th.module
        mt = m.tables[T.MethodDef]
        name, flags, impl_flags = mt.column_index("Name"), mt.column_index("Flags"), mt.column_index("ImplFlags")
        get_string = m.strings.get
        out = []
        for rid in m.methods_of(th.rid):
            # The raw row, not mt[rid]: a type's methods load together, and few of them ever run.
            raw = mt.raw(rid)
            out.append(MethodDesc(th, m, rid, get_string(raw[name]), raw[flags], raw[impl_flags], None))
        return out

    def compute_layout(self, th: TypeHandle):
        compute_layout(self, th)

    def is_thread_static(self, field: FieldDesc) -> bool:
        if not field.is_static:
            return False
        m = field.module
        for ca in m.custom_attributes((T.Field << 24) | field.rid):
            ctor = ca.type
            if ctor.table == T.MemberRef:
                parent = m.tables[T.MemberRef][ctor.rid].class_
                if parent.table == T.TypeRef:
                    r = m.tables[T.TypeRef][parent.rid]
                    if r.type_namespace == "System" and r.type_name == "ThreadStaticAttribute":
                        return True
            elif ctor.table == T.MethodDef:
                owner = m.tables[T.TypeDef][m.owner_of_method(ctor.rid)]
                if owner.type_namespace == "System" and owner.type_name == "ThreadStaticAttribute":
                    return True
        return False

    # -- signature comparison --------------------------------------------------------------------
    def method_sigs_match(self, m1, s1, m2, s2) -> bool:
        """Do two method signatures from (possibly different) modules describe the same method?"""
        if (s1.flags & ~sig.CC.EXPLICITTHIS) != (s2.flags & ~sig.CC.EXPLICITTHIS):
            # Vararg call sites match their vararg definition on the fixed part only.
            if not (s1.is_vararg and s2.is_vararg):
                return False
        if s1.generic_param_count != s2.generic_param_count:
            return False
        p1 = s1.fixed_params
        p2 = s2.fixed_params
        if len(p1) != len(p2):
            return False
        if not self._types_match(m1, s1.ret, m2, s2.ret):
            return False
        return all(self._types_match(m1, a, m2, b) for a, b in zip(p1, p2))

    def _types_match(self, m1, t1, m2, t2) -> bool:
        """Two signature types are the same type when they load to the same TypeHandle in an open
        context (generic parameters stay placeholders; custom modifiers are not compared)."""
        return self.from_sig(m1, t1) is self.from_sig(m2, t2)

    # -- names ---------------------------------------------------------------------------------------
    def format_name(self, th: TypeHandle, reflection: bool = True) -> str:
        k = th.kind
        if k == TypeKind.ARRAY:
            inner = self.format_name(th.element, reflection)
            return inner + ("[]" if th.is_szarray else "[" + "," * (th.rank - 1) + "]")
        if k == TypeKind.POINTER:
            return self.format_name(th.element, reflection) + "*"
        if k == TypeKind.BYREF:
            return self.format_name(th.element, reflection) + "&"
        if k == TypeKind.FNPTR:
            return "method"
        if k == TypeKind.GENERIC_PARAM:
            return th.name
        sep = "+" if reflection else "/"
        if th.enclosing is not None:
            base = self.format_name(th.enclosing.definition, reflection) + sep + th.name
        else:
            base = f"{th.namespace}.{th.name}" if th.namespace else th.name
        if th.generic_args:
            args = ",".join(self.format_name(a, reflection) for a in th.generic_args)
            base += f"[{args}]" if reflection else f"<{args}>"
        return base


_CORLIB_ELEMENT_TYPES = dict(PRIMITIVES, String=E.STRING, Object=E.OBJECT, Void=E.VOID, TypedReference=E.TYPEDBYREF)
