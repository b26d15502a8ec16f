"""MethodDesc and FieldDesc: the runtime's description of a method or field of a loaded type.

A MethodDesc belongs to one TypeHandle (for generic types, to one instantiation) and, for generic
methods, to one method instantiation. It knows its metadata row, its signature resolved to
TypeHandles in its instantiation, and the runtime state of its code: the entry cell callers call
through, and the native code once the JIT has compiled it (see docs/jit.md).
"""

from ..metadata.schema import TableId


class MethodAttributes:
    # Plain ints, not enum.IntFlag: `flags & IntFlag.X` builds a flag object (about 1 us), and
    # these flags are tested on the type loader's and the JIT importer's hot paths.
    MEMBER_ACCESS_MASK = 0x7
    PRIVATE = 0x1
    PUBLIC = 0x6
    STATIC = 0x10
    FINAL = 0x20
    VIRTUAL = 0x40
    HIDE_BY_SIG = 0x80
    NEW_SLOT = 0x100
    STRICT = 0x200
    ABSTRACT = 0x400
    SPECIAL_NAME = 0x800
    RT_SPECIAL_NAME = 0x1000
    PINVOKE_IMPL = 0x2000
    HAS_SECURITY = 0x4000
    REQUIRE_SEC_OBJECT = 0x8000


class MethodImplAttributes:
    # Plain ints, as MethodAttributes.
    CODE_TYPE_MASK = 0x3
    IL = 0x0
    NATIVE = 0x1
    RUNTIME = 0x3
    UNMANAGED = 0x4
    NO_INLINING = 0x8
    FORWARD_REF = 0x10
    SYNCHRONIZED = 0x20
    NO_OPTIMIZATION = 0x40
    PRESERVE_SIG = 0x80
    AGGRESSIVE_INLINING = 0x100
    INTERNAL_CALL = 0x1000


class FieldAttributes:
    # Plain ints, as MethodAttributes.
    FIELD_ACCESS_MASK = 0x7
    STATIC = 0x10
    INIT_ONLY = 0x20
    LITERAL = 0x40
    NOT_SERIALIZED = 0x80
    HAS_FIELD_RVA = 0x100
    SPECIAL_NAME = 0x200
    RT_SPECIAL_NAME = 0x400
    HAS_FIELD_MARSHAL = 0x1000
    PINVOKE_IMPL = 0x2000
    HAS_DEFAULT = 0x8000


class MethodDesc:
    """One method of one (instantiated) type, possibly itself an instantiation of a generic method."""

    def __init__(self, owner, module, rid: int, name: str, flags: int, impl_flags: int, signature,
                 generic_args=(), generic_definition=None):
        self.owner = owner                          # TypeHandle
        self.module = module
        self.rid = rid                              # MethodDef row
        self.name = name
        self.flags = flags
        self.impl_flags = impl_flags
        self._signature = signature                 # None: read from the MethodDef row when first asked
        self.generic_args = tuple(generic_args)     # method instantiation, TypeHandles
        self.generic_definition = generic_definition
        self._param_types = None
        self._return_type = None
        self.slot = -1                              # vtable slot of a virtual method
        # runtime state, owned by the execution engine
        self.entry_cell = 0                         # native address of the cell callers call through
        self.code = 0                               # native code once compiled
        self.code_size = 0
        self.key = None                             # stable string naming this method in symbols
        self.intrinsic = None                       # set when the JIT implements the method itself
        self.array_method = None                    # "get", "set", ...: a runtime-provided array method

    @property
    def token(self) -> int:
        return (TableId.MethodDef << 24) | self.rid

    @property
    def signature(self):
        """The MethodSig as in metadata (open). Decoded on first use: loading a type's methods
        should not decode the signatures of the many a program never calls."""
        s = self._signature
        if s is None:
            s = self._signature = self.module.method_sig(self.rid)
        return s

    @property
    def is_static(self) -> bool:
        return bool(self.flags & MethodAttributes.STATIC)

    @property
    def is_virtual(self) -> bool:
        return bool(self.flags & MethodAttributes.VIRTUAL)

    @property
    def is_abstract(self) -> bool:
        return bool(self.flags & MethodAttributes.ABSTRACT)

    @property
    def is_final(self) -> bool:
        return bool(self.flags & MethodAttributes.FINAL)

    @property
    def is_new_slot(self) -> bool:
        return bool(self.flags & MethodAttributes.NEW_SLOT)

    @property
    def is_constructor(self) -> bool:
        return self.name == ".ctor" and bool(self.flags & MethodAttributes.RT_SPECIAL_NAME)

    @property
    def is_class_constructor(self) -> bool:
        return self.name == ".cctor" and bool(self.flags & MethodAttributes.RT_SPECIAL_NAME)

    @property
    def is_internal_call(self) -> bool:
        return bool(self.impl_flags & MethodImplAttributes.INTERNAL_CALL)

    @property
    def is_runtime_implemented(self) -> bool:
        return self.impl_flags & MethodImplAttributes.CODE_TYPE_MASK == MethodImplAttributes.RUNTIME

    @property
    def is_pinvoke(self) -> bool:
        return bool(self.flags & MethodAttributes.PINVOKE_IMPL)

    @property
    def has_this(self) -> bool:
        return self.signature.has_this

    @property
    def is_generic_method_definition(self) -> bool:
        return self.signature.generic_param_count > 0 and not self.generic_args

    @property
    def param_types(self):
        """Parameter types (TypeHandles) in this method's instantiation, not counting `this`."""
        if self._param_types is None:
            self._resolve_signature()
        return self._param_types

    @property
    def return_type(self):
        """The return TypeHandle, or None for void."""
        if self._param_types is None:
            self._resolve_signature()
        return self._return_type

    def _resolve_signature(self):
        loader = self.owner.loader
        ctx = loader.context_of(self)
        ret = loader.from_sig(self.module, self.signature.ret, ctx)
        self._return_type = None if ret is loader.void_type else ret
        self._param_types = tuple(loader.from_sig(self.module, p, ctx) for p in self.signature.params)

    @property
    def full_name(self) -> str:
        args = ""
        if self.generic_args:
            args = "<" + ",".join(a.full_name for a in self.generic_args) + ">"
        return f"{self.owner.full_name}::{self.name}{args}"

    def display_signature(self) -> str:
        """"ReturnType Type::Name(ParamType, ...)" as stack traces and traces print it."""
        params = ", ".join(p.full_name for p in self.param_types)
        ret = self.return_type.full_name if self.return_type is not None else "void"
        return f"{ret} {self.full_name}({params})"

    def __repr__(self):
        return f"<MethodDesc {self.full_name}>"


class FieldDesc:
    """One field of one (instantiated) type."""

    def __init__(self, owner, module, rid: int, name: str, flags: int, signature):
        self.owner = owner
        self.module = module
        self.rid = rid
        self.name = name
        self.flags = flags
        self.signature = signature          # FieldSig as in metadata
        self._type = None
        self.offset = -1                    # instance: from the start of the object (or of the value
                                            # for value types); static: in the type's statics block

    @property
    def token(self) -> int:
        return (TableId.Field << 24) | self.rid

    @property
    def is_static(self) -> bool:
        return bool(self.flags & FieldAttributes.STATIC)

    @property
    def is_literal(self) -> bool:
        return bool(self.flags & FieldAttributes.LITERAL)

    @property
    def has_rva(self) -> bool:
        return bool(self.flags & FieldAttributes.HAS_FIELD_RVA)

    @property
    def is_init_only(self) -> bool:
        return bool(self.flags & FieldAttributes.INIT_ONLY)

    @property
    def type(self):
        if self._type is None:
            loader = self.owner.loader
            self._type = loader.from_sig(self.module, self.signature.type, loader.context_of_type(self.owner))
        return self._type

    @property
    def is_thread_static(self) -> bool:
        return self.owner.loader.is_thread_static(self)

    def __repr__(self):
        return f"<FieldDesc {self.owner.full_name}::{self.name}>"
