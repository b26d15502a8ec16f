"""Managed objects seen from Python: a reference the runtime keeps alive while Python holds it."""
from ..runtime.managed_heap import read_string


class ManagedObject:
    def __init__(self, engine, address: int):
        self.engine = engine
        self.address = address
        self.type = engine.types.type_of_object(address)

    def __repr__(self):
        return f"<{self.type.full_name} object at 0x{self.address:x}>"

    def __str__(self):
        if self.type is self.engine.loader.string_type:
            return read_string(self.address)
        return repr(self)
