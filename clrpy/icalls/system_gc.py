"""Internal calls of System.GC, answered by the allocator clrpy has (runtime/managed_heap.py).

Until the collector lands (the garbage-collector issue owns this module and replaces these answers)
nothing is ever freed: a collection finds nothing to do, no object is ever finalized (so suppressing
or re-registering a finalizer changes nothing observable), every object is in generation 0, the only
generation, and the total memory is what the allocator has handed out.
"""
from .registry import icall


@icall("System.GC::get_ephemeron_tombstone()")
def get_ephemeron_tombstone(engine):
    """The object Mono's ConditionalWeakTable writes into a freed ephemeron's key: any object that no
    program can reach, created once and kept alive by the runtime."""
    tombstone = getattr(engine, "ephemeron_tombstone", 0)
    if not tombstone:
        th = engine.loader.corlib_type("System", "Object")
        tombstone = engine.heap.new_object(engine.types.address(th), th.ensure_layout().instance_size)
        engine.add_python_root(tombstone)
        engine.ephemeron_tombstone = tombstone
    return tombstone


@icall("System.GC::register_ephemeron_array(System.Runtime.CompilerServices.Ephemeron[])")
def register_ephemeron_array(engine, array):
    pass                        # keys are never freed, so the table's entries never need clearing


@icall("System.GC::GetMaxGeneration()")
def get_max_generation(engine):
    return 0


@icall("System.GC::GetGeneration(System.Object)")
def get_generation(engine, obj):
    return 0


@icall("System.GC::GetCollectionCount(System.Int32)")
def get_collection_count(engine, generation):
    return getattr(engine, "collections", 0)


@icall("System.GC::InternalCollect(System.Int32)")
def internal_collect(engine, generation):
    engine.collections = getattr(engine, "collections", 0) + 1


@icall("System.GC::RecordPressure(System.Int64)")
def record_pressure(engine, bytes_allocated):
    pass


@icall("System.GC::GetAllocatedBytesForCurrentThread()")
def get_allocated_bytes(engine):
    return engine.heap.bytes_allocated()


@icall("System.GC::GetTotalMemory(System.Boolean)")
def get_total_memory(engine, force_full_collection):
    return engine.heap.bytes_allocated()


@icall("System.GC::WaitForPendingFinalizers()")
def wait_for_pending_finalizers(engine):
    pass                        # no finalizer is ever pending


@icall("System.GC::_SuppressFinalize(System.Object)")
def suppress_finalize(engine, obj):
    pass


@icall("System.GC::_ReRegisterForFinalize(System.Object)")
def re_register_for_finalize(engine, obj):
    pass
