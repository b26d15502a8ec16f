"""Field layout: where each field lives, how big values and objects are, where the references are.

This module is the one authority on offsets inside objects and values; the JIT, the allocator,
the collector and icalls all read `TypeHandle.layout` and `FieldDesc.offset`, never compute them.

* Classes: the object header (object_layout.py), then the parent's fields, then the type's own.
  Auto-layout classes (the C# default) place references first, then other fields by decreasing
  alignment, which packs them without holes; sequential classes keep declaration order.
* Value types: offsets from the start of the value. Sequential layout (the C# default for structs)
  keeps declaration order with natural alignment, capped by the packing size; explicit layout
  takes the offsets from FieldLayout rows; ClassLayout's size is a minimum. An empty struct is
  one byte. Primitive types (Int32, Double, IntPtr...) have their fixed machine sizes.
* Statics: each type has a statics block with its static fields (references first, so the
  collector sees them as one range of roots), and a separate thread-statics block.
* Reference maps: `ref_offsets` lists every offset holding an object reference, including those
  inside embedded structs; the collector scans objects with it (precise heap scanning).
"""
from dataclasses import dataclass

from ..errors import TypeResolutionError
from ..metadata.schema import TableId as T
from .object_layout import OBJECT_HEADER_SIZE, POINTER_SIZE, align
from .type_handle import ELEMENT_SIZE, TypeAttributes, TypeKind


@dataclass
class TypeLayout:
    instance_size: int              # classes: bytes of an object; value types: bytes of a value
    alignment: int
    ref_offsets: tuple              # offsets of object references (from object start / value start)
    static_size: int = 0
    static_ref_offsets: tuple = ()
    thread_static_size: int = 0
    thread_static_ref_offsets: tuple = ()
    has_explicit_layout: bool = False

    @property
    def has_references(self) -> bool:
        return bool(self.ref_offsets)


_IN_PROGRESS = object()


def value_slot(th):
    """(size, alignment, reference offsets) of a value of type `th` stored in a field or element."""
    if th.kind == TypeKind.VALUE_TYPE:
        lay = th.ensure_layout()
        return lay.instance_size, lay.alignment, lay.ref_offsets
    if th.is_reference_type:
        return POINTER_SIZE, POINTER_SIZE, (0,)
    # pointers, byrefs (in ref structs), function pointers, generic parameters (open code)
    return POINTER_SIZE, POINTER_SIZE, ()


def compute_layout(loader, th):
    if th.layout is _IN_PROGRESS:
        raise TypeResolutionError(f"value type {th.full_name} contains itself (TypeLoadException)",
                                  type_name=th.full_name)
    if th.layout is not None:
        return
    kind = th.kind
    if kind in (TypeKind.POINTER, TypeKind.BYREF, TypeKind.FNPTR, TypeKind.GENERIC_PARAM):
        th.layout = TypeLayout(POINTER_SIZE, POINTER_SIZE, ())
        return
    if kind == TypeKind.ARRAY:
        th.layout = TypeLayout(0, POINTER_SIZE, ())      # arrays are sized by element count
        return
    th.layout = _IN_PROGRESS
    try:
        th.layout = _compute(loader, th)
    except BaseException:
        th.layout = None
        raise
    # Statics come after the instance layout is published: a struct may have a static field of
    # its own type (struct S { static S Empty; }).
    _static_layout(th, th.layout)


def _compute(loader, th) -> TypeLayout:
    if th.is_primitive:
        size = ELEMENT_SIZE[th.cor_type]
        # The one instance field (m_value; Int32's is itself an int) is the whole value. Methods
        # of the primitive types (IntPtr's constructor, Int32.CompareTo, ...) access it.
        for f in th.fields:
            if not f.is_static:
                f.offset = 0
        return TypeLayout(size, size, ())
    module = th.module
    th.parent           # loads the hierarchy level (and with it is_enum / is_delegate)
    flags = th.flags
    explicit = (flags & TypeAttributes.LAYOUT_MASK) == TypeAttributes.EXPLICIT_LAYOUT
    sequential = (flags & TypeAttributes.LAYOUT_MASK) == TypeAttributes.SEQUENTIAL_LAYOUT
    class_layout = module.class_layout(th.rid) if module is not None else None
    pack = class_layout.packing_size if class_layout is not None and class_layout.packing_size else 8
    min_size = class_layout.class_size if class_layout is not None else 0

    instance = [f for f in th.fields if not f.is_static]
    if th.kind == TypeKind.VALUE_TYPE:
        start, base_align, base_refs = 0, 1, ()
    elif th.kind == TypeKind.INTERFACE:
        return TypeLayout(0, POINTER_SIZE, ())
    else:
        parent = th.parent
        if parent is not None:
            p = parent.ensure_layout()
            start, base_refs = p.instance_size, p.ref_offsets
        else:
            start, base_refs = OBJECT_HEADER_SIZE, ()
        base_align = POINTER_SIZE

    slots = [(f,) + value_slot(f.type) for f in instance]
    if th.is_enum and instance:
        th.element = instance[0].type       # the underlying type (the value__ field)
    refs = list(base_refs)
    max_align = base_align
    end = start
    if explicit:
        for f, size, al, frefs in slots:
            off = module.field_layout(f.rid)
            if off is None:
                raise TypeResolutionError(f"field {f.name} of explicit-layout type {th.full_name} has no offset",
                                          type_name=th.full_name)
            f.offset = start + off
            refs.extend(f.offset + r for r in frefs)
            end = max(end, f.offset + size)
            max_align = max(max_align, min(al, pack))
        refs = sorted(set(refs))        # references may overlap each other, exactly
        _check_overlaps(th, slots, set(refs) - set(base_refs))
    else:
        if not sequential and th.kind != TypeKind.VALUE_TYPE:
            # Auto layout: references first, then by decreasing alignment (stable within a group).
            slots.sort(key=lambda s: (0 if s[3] == (0,) and s[1] == POINTER_SIZE else 1, -s[2]))
        for f, size, al, frefs in slots:
            al = min(al, pack)
            end = align(end, al)
            f.offset = end
            refs.extend(end + r for r in frefs)
            end += size
            max_align = max(max_align, al)
    if th.kind == TypeKind.VALUE_TYPE:
        size = max(align(end, max_align), min_size, 1)
        return TypeLayout(size, max_align, tuple(sorted(refs)), has_explicit_layout=explicit)
    size = max(align(end, POINTER_SIZE), start + min_size if min_size else 0, OBJECT_HEADER_SIZE)
    return TypeLayout(size, POINTER_SIZE, tuple(sorted(refs)), has_explicit_layout=explicit)


def _check_overlaps(th, slots, refs):
    """An object reference must be pointer-aligned and overlap nothing but other references at the
    same offset, or the collector and type safety break (ECMA-335 II.10.7; CoreCLR's TypeLoadException)."""
    if not refs:
        return
    for r in refs:
        if r % POINTER_SIZE:
            raise TypeResolutionError(f"{th.full_name} has an object field at offset {r} that is not aligned "
                                      f"(TypeLoadException)", type_name=th.full_name)
    for f, size, _al, frefs in slots:
        # The bytes of this field that are not references: none may fall inside a reference.
        inner = sorted(f.offset + r for r in frefs)
        pos = f.offset
        for r in inner + [f.offset + size]:
            if r > pos and any(pos < ref + POINTER_SIZE and ref < r for ref in refs):
                raise TypeResolutionError(f"{th.full_name} has an object field overlapped by the non-object "
                                          f"field {f.name} (TypeLoadException)", type_name=th.full_name)
            pos = r + POINTER_SIZE


def _static_layout(th, lay: TypeLayout):
    """Offsets of the static fields in the type's statics block (references first)."""
    normal, thread = [], []
    for f in th.fields:
        if f.is_static and not f.is_literal:
            (thread if f.is_thread_static else normal).append(f)
    lay.static_size, lay.static_ref_offsets = _place_statics(normal)
    lay.thread_static_size, lay.thread_static_ref_offsets = _place_statics(thread)


def _place_statics(fields):
    slots = [(f,) + value_slot(f.type) for f in fields]
    slots.sort(key=lambda s: (0 if s[3] else 1, -s[2]))
    end = 0
    refs = []
    for f, size, al, frefs in slots:
        end = align(end, al)
        f.offset = end
        refs.extend(end + r for r in frefs)
        end += size
    return align(end, POINTER_SIZE), tuple(refs)
