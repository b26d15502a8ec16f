"""Ephemerons: the runtime support under ConditionalWeakTable.

Mono's ConditionalWeakTable keeps its entries in an `Ephemeron[]` ({object key; object value}) that
it registers with `GC.register_ephemeron_array`. For such an array the collector does not mark
keys and values like ordinary references: a value is reachable only if its key is (marking repeats
until no new value is reached), and after marking, an entry whose key died gets the *tombstone*
object (`GC.get_ephemeron_tombstone`, which the table compares keys against) as its key and null as
its value. Registered arrays that die are forgotten.

Native marking skips the contents of every Ephemeron[] (its element type is recognised by handle),
so an unregistered one keeps nothing alive; the class library registers each array it creates
before storing into it.
"""
from .native_vector import NativeVector


class Ephemerons:
    def __init__(self, heap):
        self.heap = heap
        self.arrays = NativeVector(heap, "EPHEMERONS", "EPHEMERONS_N")
        self.tombstone = 0

    def tombstone_object(self, engine) -> int:
        """The tombstone (GC.get_ephemeron_tombstone): a plain object, created once, kept forever."""
        if not self.tombstone:
            th = engine.loader.object_type
            obj = engine.heap.new_object(engine.types.address(th), th.ensure_layout().instance_size)
            engine.gc.roots.keep_forever(obj)
            self.tombstone = obj
            self.heap.set("TOMBSTONE", obj)
        return self.tombstone

    def register(self, array: int):
        if array and array not in self.arrays.items():
            self.arrays.append(array)
