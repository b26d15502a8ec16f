"""Managed objects seen from Python.

A ManagedObject holds the address of an object in the managed heap. While Python holds it, the
runtime counts it as a root (`ExecutionEngine.python_roots`), so the collector keeps it alive.
Attribute access reads instance fields and finds instance methods (virtual ones dispatch on the
object's actual type, as a callvirt would).
"""
from ..runtime.strings import read_string
from .conversions import ManagedRef, read_value, write_value


class ManagedObject(ManagedRef):
    def __init__(self, engine, address: int):
        object.__setattr__(self, "engine", engine)
        object.__setattr__(self, "address", address)
        object.__setattr__(self, "type", engine.types.type_of_object(address))
        engine.add_python_root(address)

    def __del__(self):
        engine = self.__dict__.get("engine")
        if engine is not None:
            engine.remove_python_root(self.address)

    def _field(self, name):
        t = self.type
        while t is not None:
            for f in t.fields:
                if f.name == name and not f.is_static:
                    return f
            t = t.parent
        return None

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        f = self._field(name)
        if f is not None:
            f.owner.ensure_layout()
            base = self.address if not self.type.is_value_type else self.address + 16
            return read_value(base + f.offset, f.type, self.engine)
        from .runtime import MethodGroup
        group = MethodGroup.of_instance(self, name)
        if group is None:
            raise AttributeError(f"{self.type.full_name} has no field or method '{name}'")
        return group

    def __setattr__(self, name, value):
        f = self._field(name)
        if f is None:
            raise AttributeError(f"{self.type.full_name} has no field '{name}'")
        f.owner.ensure_layout()
        base = self.address if not self.type.is_value_type else self.address + 16
        write_value(base + f.offset, f.type, value, self.engine)

    def __eq__(self, other):
        return isinstance(other, ManagedObject) and other.address == self.address

    def __hash__(self):
        return hash(self.address)

    def __repr__(self):
        return f"<{self.type.full_name} object at 0x{self.address:x}>"

    def __str__(self):
        if self.type is self.engine.loader.string_type:
            return read_string(self.address)
        return repr(self)
