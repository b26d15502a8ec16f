"""TypeHandle: one loaded type, the runtime's central description of a type.

Every type the runtime meets has exactly one TypeHandle: a type definition from metadata, an
instantiation of a generic type (`List<int>`), an array, a pointer, a managed reference (byref),
a function pointer, or a generic parameter (only in open signatures). Two handles are the same
type exactly when they are the same object; the TypeLoader's caches guarantee it.

A handle fills in lazily, in levels (see docs/type-system.md): identity when it is created (kind,
name, generic arguments, element type); then hierarchy (parent, interfaces); then members
(fields and methods as FieldDesc/MethodDesc); then layout (instance size, field offsets, where
the references are); and last its native handle, the struct generated code and the collector
read (`native_type.py`). Each level asks only for lower levels of the types it depends on, which
is what lets `class A { B b; }` and `class B { A a; }` load.
"""
from enum import IntEnum

from ..metadata.signatures import ElementType


class TypeKind(IntEnum):
    CLASS = 1
    VALUE_TYPE = 2          # structs, enums and the primitive types
    INTERFACE = 3
    ARRAY = 4               # single-dimensional zero-based (szarray) or general (mdarray)
    POINTER = 5             # unmanaged pointer T*
    BYREF = 6               # managed reference T&
    FNPTR = 7
    GENERIC_PARAM = 8       # !n or !!n, in open generic signatures only


class TypeAttributes:
    # Plain ints, not enum.IntFlag: `flags & IntFlag.X` builds a flag object (about 1 us), and
    # these flags are tested on the type loader's and the JIT importer's hot paths.
    VISIBILITY_MASK = 0x7
    LAYOUT_MASK = 0x18
    SEQUENTIAL_LAYOUT = 0x08
    EXPLICIT_LAYOUT = 0x10
    INTERFACE = 0x20
    ABSTRACT = 0x80
    SEALED = 0x100
    SPECIAL_NAME = 0x400
    IMPORT = 0x1000
    SERIALIZABLE = 0x2000
    STRING_FORMAT_MASK = 0x30000
    BEFORE_FIELD_INIT = 0x100000
    RT_SPECIAL_NAME = 0x800


# Element types of the primitive value types, by their System name.
PRIMITIVES = {
    "Boolean": ElementType.BOOLEAN, "Char": ElementType.CHAR, "SByte": ElementType.I1, "Byte": ElementType.U1,
    "Int16": ElementType.I2, "UInt16": ElementType.U2, "Int32": ElementType.I4, "UInt32": ElementType.U4,
    "Int64": ElementType.I8, "UInt64": ElementType.U8, "Single": ElementType.R4, "Double": ElementType.R8,
    "IntPtr": ElementType.I, "UIntPtr": ElementType.U,
}
PRIMITIVE_NAMES = {et: name for name, et in PRIMITIVES.items()}

# Size in bytes of each primitive element type (and of references and pointers).
ELEMENT_SIZE = {
    ElementType.BOOLEAN: 1, ElementType.CHAR: 2, ElementType.I1: 1, ElementType.U1: 1, ElementType.I2: 2,
    ElementType.U2: 2, ElementType.I4: 4, ElementType.U4: 4, ElementType.I8: 8, ElementType.U8: 8,
    ElementType.R4: 4, ElementType.R8: 8, ElementType.I: 8, ElementType.U: 8,
}


class TypeHandle:
    """A loaded type. Create them only through the TypeLoader."""

    def __init__(self, loader, kind: TypeKind, *, module=None, rid=0, namespace="", name="", flags=0,
                 generic_definition=None, generic_args=(), element=None, rank=0, cor_type=None,
                 generic_param_number=-1, generic_param_is_method=False, method_sig=None):
        self.loader = loader
        self.kind = kind
        self.module = module                    # defining module (TypeDef-based types)
        self.rid = rid                          # TypeDef row in that module
        self.namespace = namespace
        self.name = name
        self.flags = flags
        self.generic_definition = generic_definition    # the open type, for instantiations
        self.generic_args = tuple(generic_args)         # instantiation arguments (TypeHandles)
        self.element = element                  # arrays, pointers, byrefs; enums: set at layout
        self.rank = rank                        # arrays: number of dimensions (szarray: 1)
        self.is_szarray = False
        self.cor_type = cor_type                # ElementType: primitives, STRING, OBJECT, VOID, CLASS/VALUETYPE...
        self.generic_param_number = generic_param_number
        self.generic_param_is_method = generic_param_is_method
        self.method_sig = method_sig            # FNPTR types
        self.enclosing = None                   # TypeHandle of the enclosing type, for nested types
        # filled by later load levels
        self._parent = ...                      # Ellipsis: not loaded yet
        self._interfaces = None
        self._fields = None
        self._methods = None
        self.layout = None                      # TypeLayout once computed
        self.native = None                      # NativeTypeHandle once published
        self.type_id = 0                        # index in the runtime's type table
        self.cctor_state = 0                    # see runtime class initialisation
        self.vtable = None                      # list of MethodDesc per slot (virtual methods)
        self._is_enum = False                   # set with the parent (load_parent)
        self.is_nullable = False
        self._is_delegate = False

    # -- classification -------------------------------------------------------------------------
    @property
    def is_enum(self) -> bool:
        """Derives from System.Enum (known once the hierarchy level is loaded, which this forces)."""
        self.parent
        return self._is_enum

    @property
    def is_delegate(self) -> bool:
        """Derives from System.MulticastDelegate (forces the hierarchy level too)."""
        self.parent
        return self._is_delegate

    @property
    def is_value_type(self) -> bool:
        return self.kind == TypeKind.VALUE_TYPE

    @property
    def is_interface(self) -> bool:
        return self.kind == TypeKind.INTERFACE

    @property
    def is_array(self) -> bool:
        return self.kind == TypeKind.ARRAY

    @property
    def is_reference_type(self) -> bool:
        """Values of this type are object references (classes, interfaces, arrays, strings)."""
        return self.kind in (TypeKind.CLASS, TypeKind.INTERFACE, TypeKind.ARRAY)

    @property
    def is_pointer_like(self) -> bool:
        return self.kind in (TypeKind.POINTER, TypeKind.BYREF, TypeKind.FNPTR)

    @property
    def is_primitive(self) -> bool:
        return self.cor_type in ELEMENT_SIZE

    @property
    def is_generic_definition(self) -> bool:
        return self.module is not None and self.generic_definition is None and bool(self.generic_param_count)

    @property
    def generic_param_count(self) -> int:
        if self.generic_definition is not None:
            return len(self.generic_args)
        return self.loader.generic_param_count(self) if self.module is not None else 0

    @property
    def is_abstract(self) -> bool:
        return bool(self.flags & TypeAttributes.ABSTRACT)

    @property
    def is_sealed(self) -> bool:
        return bool(self.flags & TypeAttributes.SEALED)

    @property
    def is_before_field_init(self) -> bool:
        return bool(self.flags & TypeAttributes.BEFORE_FIELD_INIT)

    @property
    def definition(self) -> "TypeHandle":
        """The type definition this type was made from (itself for non-generic types)."""
        return self.generic_definition or self

    # -- levels loaded on demand --------------------------------------------------------------------
    @property
    def parent(self):
        if self._parent is ...:
            self._parent = self.loader.load_parent(self)
        return self._parent

    @property
    def interfaces(self):
        if self._interfaces is None:
            self._interfaces = self.loader.load_interfaces(self)
        return self._interfaces

    @property
    def fields(self):
        if self._fields is None:
            self._fields = self.loader.load_fields(self)
        return self._fields

    @property
    def methods(self):
        if self._methods is None:
            self._methods = self.loader.load_methods(self)
        return self._methods

    def ensure_layout(self):
        if self.layout is None:
            self.loader.compute_layout(self)
        return self.layout

    # -- queries -----------------------------------------------------------------------------------
    def is_subclass_of(self, other: "TypeHandle") -> bool:
        t = self.parent
        while t is not None:
            if t is other:
                return True
            t = t.parent
        return False

    def find_method(self, name: str, param_count=None):
        for m in self.methods:
            if m.name == name and (param_count is None or len(m.signature.params) == param_count):
                return m
        return None

    def find_field(self, name: str):
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @property
    def size_of_value(self) -> int:
        """Bytes a value of this type occupies in a field, local, array element or argument slot."""
        if self.kind == TypeKind.VALUE_TYPE:
            return self.ensure_layout().instance_size
        return 8

    # -- names ----------------------------------------------------------------------------------------
    @property
    def full_name(self) -> str:
        """The reflection-style name: "System.Collections.Generic.List`1[System.Int32]", "Outer+Inner"."""
        return self.loader.format_name(self, reflection=True)

    @property
    def ilasm_name(self) -> str:
        return self.loader.format_name(self, reflection=False)

    def __repr__(self):
        return f"<TypeHandle {self.full_name}>"
