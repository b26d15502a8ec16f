"""Custom attributes as objects: what GetCustomAttributes and IsDefined return.

A CustomAttribute row names a constructor and holds a blob of its arguments
(metadata/custom_attributes.py decodes it). To make the attribute object the runtime resolves the
constructor, turns each decoded argument into an object (boxed primitives and enums, strings,
System.Type from a type name, arrays), runs the constructor through reflection_invoke, and then sets
the named fields and properties. Like Mono, it makes new objects on every request (attributes are
mutable), and IsDefined answers from the constructor's class alone, constructing nothing.

Inheritance along the base types and methods, AttributeUsage and pseudo-attributes ([Serializable]
from the type's flags...) are the class library's work (MonoCustomAttrs); the runtime answers for one
member at a time.
"""
from ..errors import BadImageError, UnsupportedFeatureError
from ..metadata.custom_attributes import CAType, CustomAttributeTypeResolver, decode_custom_attribute
from ..metadata.schema import TableId as T
from ..metadata.signatures import ElementType as E
from ..typesys.casting import can_cast
from ..typesys.object_layout import ARRAY_DATA_OFFSET
from .native_memory import write_u64
from .reflection_invoke import held, invoke
from .reflection_type_names import TypeNameError, parse_type_name, resolve
from .reflection_values import box_python, store_value


class LoaderTypeResolver(CustomAttributeTypeResolver):
    """Answers the decoder's questions with the type loader (types in any assembly)."""

    def __init__(self, loader, module):
        self.loader = loader
        self.module = module
        self.enums = {}                 # enum name as the blob or CAType spells it -> TypeHandle

    def classify(self, module, named) -> CAType:
        loader = self.loader
        tok = (named.token.table << 24) | named.token.rid
        th = loader.resolve_type_token(module, tok)
        if th is loader.string_type:
            return CAType(E.STRING)
        if th is loader.object_type:
            return CAType(E.BOXED)
        if th is loader.corlib_type("System", "Type"):
            return CAType(E.TYPE)
        if th.is_enum:
            th.ensure_layout()
            self.enums[th.full_name] = th
            return CAType(E.ENUM, th.full_name, th.element.cor_type)
        raise BadImageError(f"type {th.full_name} cannot appear as a custom attribute argument")

    def enum_underlying(self, type_name: str):
        th = self.type_named(type_name)
        if th is None or not th.is_enum:
            raise BadImageError(f"custom attribute names enum type '{type_name}', which cannot be found")
        th.ensure_layout()
        self.enums[type_name] = th
        return th.element.cor_type

    def type_named(self, type_name: str):
        try:
            parsed = parse_type_name(type_name)
        except TypeNameError as e:
            raise BadImageError(f"custom attribute names type '{type_name}': {e}")
        return resolve(self.loader, parsed, [self.module, self.loader.corlib])


def attribute_rows(engine, target):
    """(module, CustomAttribute rows) of a reflection target: (kind, descriptor)."""
    module, token = target
    if module is None:
        return None, []
    return module, module.custom_attributes(token)


def _ctor_of(loader, module, row):
    tok = (row.type.table << 24) | row.type.rid
    return loader.resolve_method_token(module, tok)


def _ctor_params(module, row, ctor):
    """The constructor's parameter types as signature types of the module they are spelled in."""
    if row.type.table == T.MemberRef:
        return module, module.member_ref_sig(row.type.rid).params
    return ctor.module, ctor.signature.params


def matching_rows(engine, module, rows, attribute_type):
    """[(row, constructor MethodDesc)] of the attributes whose class is `attribute_type` or assignable
    to it (all of them when it is None)."""
    loader = engine.loader
    out = []
    for row in rows:
        ctor = _ctor_of(loader, module, row)
        if attribute_type is None or can_cast(loader, ctor.owner, attribute_type):
            out.append((row, ctor))
    return out


def construct(engine, module, row, ctor) -> int:
    """A new attribute object for CustomAttribute `row` of `module`."""
    loader = engine.loader
    sig_module, params = _ctor_params(module, row, ctor)
    resolver = LoaderTypeResolver(loader, module)
    value = decode_custom_attribute(bytes(row.value), params, sig_module, resolver,
                                    what=f"custom attribute {ctor.owner.full_name}")
    objects = engine.type_objects
    args = objects.new_array(loader.object_type, len(value.fixed))
    with held(engine, args):
        for i, a in enumerate(value.fixed):
            write_u64(args + ARRAY_DATA_OFFSET + 8 * i, argument_object(engine, resolver, a.type, a.value))
        obj = invoke(engine, ctor, 0, args)
    with held(engine, obj):
        for named in value.named:
            v = argument_object(engine, resolver, named.argument.type, named.argument.value)
            if named.is_field:
                f = _find_field(ctor.owner, named.name)
                if f is None:
                    raise BadImageError(f"custom attribute {ctor.owner.full_name} sets unknown field {named.name}")
                store_value(engine, f.type, obj + f.offset, v)
            else:
                setter = _find_setter(ctor.owner, named.name)
                if setter is None:
                    raise BadImageError(f"custom attribute {ctor.owner.full_name} sets unknown property {named.name}")
                one = objects.new_array(loader.object_type, 1)
                write_u64(one + ARRAY_DATA_OFFSET, v)
                with held(engine, one):
                    invoke(engine, setter, obj, one)
    return obj


def _find_field(th, name):
    t = th
    while t is not None:
        for f in t.fields:
            if f.name == name and not f.is_static:
                t.ensure_layout()
                return f
        t = t.parent
    return None


def _find_setter(th, name):
    from ..typesys.member_info import properties_of
    t = th
    while t is not None:
        for p in properties_of(t):
            if p.name == name and p.setter is not None:
                return p.setter
        t = t.parent
    return None


def argument_object(engine, resolver, t: CAType, value) -> int:
    """The object for one decoded custom-attribute value of CAType `t`."""
    loader = engine.loader
    et = t.element_type
    if et == E.STRING:
        return engine.strings.new(value) if value is not None else 0
    if et == E.TYPE:
        if value is None:
            return 0
        th = resolver.type_named(value)
        if th is None:
            raise engine.managed_error("System.TypeLoadException", f"Could not load type '{value}'.")
        return engine.type_objects.runtime_type(th)
    if et == E.BOXED:
        return argument_object(engine, resolver, value.type, value.value)
    if et == E.ENUM:
        return box_python(engine, resolver.enums[t.enum_name], value)
    if et == E.SZARRAY:
        if value is None:
            return 0
        elem = _element_type(engine, resolver, t.element)
        arr = engine.heap.new_szarray(engine.types.address(loader.array_of(elem)), elem.size_of_value, len(value))
        with held(engine, arr):
            for i, v in enumerate(value):
                obj = argument_object(engine, resolver, t.element, v)
                store_value(engine, elem, arr + ARRAY_DATA_OFFSET + i * elem.size_of_value, obj)
        return arr
    if et in (E.BOOLEAN, E.CHAR, E.I1, E.U1, E.I2, E.U2, E.I4, E.U4, E.I8, E.U8, E.R4, E.R8):
        return box_python(engine, loader.primitive(et), value)
    raise UnsupportedFeatureError(f"custom attribute argument of type {t}")


def _element_type(engine, resolver, t: CAType):
    loader = engine.loader
    et = t.element_type
    if et == E.STRING:
        return loader.string_type
    if et == E.TYPE:
        return loader.corlib_type("System", "Type")
    if et == E.BOXED:
        return loader.object_type
    if et == E.ENUM:
        return resolver.enums[t.enum_name]
    if et == E.SZARRAY:
        return loader.array_of(_element_type(engine, resolver, t.element))
    return loader.primitive(et)
