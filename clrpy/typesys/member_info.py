"""Properties and events of a loaded type: the members only reflection asks about.

The JIT never needs properties or events (C# compiles them to calls of their accessor methods), so
the type loader does not load them; reflection (`Type.GetProperties`, `PropertyInfo.GetValue`,
`Type.GetEvents`) does, through the descriptors here. Like FieldDesc and MethodDesc they belong to
one (instantiated) type: the accessors are that type's MethodDescs, and the property's type is
resolved in its generic context. One descriptor per (type, metadata row), cached on the TypeHandle.
"""
from ..metadata.schema import TableId as T

# MethodSemantics (ECMA-335 II.23.1.12)
SETTER, GETTER, OTHER, ADD_ON, REMOVE_ON, FIRE = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20


class PropertyDesc:
    def __init__(self, owner, rid: int, name: str, flags: int, getter, setter, others):
        self.owner = owner
        self.module = owner.module
        self.rid = rid
        self.name = name
        self.flags = flags
        self.getter = getter
        self.setter = setter
        self.others = others
        self._type = None

    @property
    def token(self) -> int:
        return (T.Property << 24) | self.rid

    @property
    def type(self):
        """The property's type in its owner's instantiation."""
        if self._type is None:
            loader = self.owner.loader
            sig = self.module.property_sig(self.rid)
            self._type = loader.from_sig(self.module, sig.type, loader.context_of_type(self.owner))
        return self._type

    @property
    def accessors(self):
        return [m for m in (self.getter, self.setter) if m is not None]

    def __repr__(self):
        return f"<PropertyDesc {self.owner.full_name}::{self.name}>"


class EventDesc:
    def __init__(self, owner, rid: int, name: str, flags: int, type_token, add, remove, fire, others):
        self.owner = owner
        self.module = owner.module
        self.rid = rid
        self.name = name
        self.flags = flags
        self.type_token = type_token
        self.add = add
        self.remove = remove
        self.fire = fire
        self.others = others
        self._type = None

    @property
    def token(self) -> int:
        return (T.Event << 24) | self.rid

    @property
    def type(self):
        """The event's delegate type in its owner's instantiation."""
        if self._type is None:
            loader = self.owner.loader
            self._type = loader.resolve_type_token(self.module, self.type_token, loader.context_of_type(self.owner))
        return self._type

    @property
    def accessors(self):
        return [m for m in (self.add, self.remove, self.fire) if m is not None]

    def __repr__(self):
        return f"<EventDesc {self.owner.full_name}::{self.name}>"


def _semantics(th, token):
    """{semantics flag: [MethodDesc]} of a property or event of `th`."""
    by_rid = {m.rid: m for m in th.methods}
    out = {}
    for row in th.module.semantics_of(token):
        md = by_rid.get(row.method)
        if md is not None:
            out.setdefault(row.semantics, []).append(md)
    return out


def properties_of(th):
    """The properties `th` declares (not inherited ones), in metadata order."""
    props = getattr(th, "_properties", None)
    if props is None:
        props = []
        if th.module is not None:
            m = th.module
            for rid in m.properties_of(th.definition.rid):
                row = m.tables[T.Property][rid]
                sem = _semantics(th, (T.Property << 24) | rid)
                props.append(PropertyDesc(th, rid, row.name, row.flags, (sem.get(GETTER) or [None])[0],
                                          (sem.get(SETTER) or [None])[0], sem.get(OTHER, [])))
        th._properties = props
    return props


def events_of(th):
    """The events `th` declares (not inherited ones), in metadata order."""
    events = getattr(th, "_events", None)
    if events is None:
        events = []
        if th.module is not None:
            m = th.module
            for rid in m.events_of(th.definition.rid):
                row = m.tables[T.Event][rid]
                sem = _semantics(th, (T.Event << 24) | rid)
                events.append(EventDesc(th, rid, row.name, row.event_flags, row.event_type,
                                        (sem.get(ADD_ON) or [None])[0], (sem.get(REMOVE_ON) or [None])[0],
                                        (sem.get(FIRE) or [None])[0], sem.get(OTHER, [])))
        th._events = events
    return events
