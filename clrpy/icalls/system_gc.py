"""Internal calls of System.GC, answered by the collector (runtime/gc, docs/gc.md).

clrpy's collector is non-generational: every collection is a full one. So there is one generation
(MaxGeneration 0, every object in generation 0), and a collection counts for every generation the
program asks about (the CLR counts a generation-2 collection in the counts of 0 and 1 too).
Finalizers run on the managed thread at safe points; WaitForPendingFinalizers runs those queued.
"""
from .registry import icall


@icall("System.GC::get_ephemeron_tombstone()")
def get_ephemeron_tombstone(engine):
    """The object ConditionalWeakTable compares keys against: the collector writes it into the key of
    an entry whose key died (gc/ephemerons.py). One object, kept for the runtime's lifetime."""
    return engine.gc.ephemerons.tombstone_object(engine)


@icall("System.GC::register_ephemeron_array(System.Runtime.CompilerServices.Ephemeron[])")
def register_ephemeron_array(engine, array):
    engine.gc.ephemerons.register(array)


@icall("System.GC::GetMaxGeneration()")
def get_max_generation(engine):
    return 0


@icall("System.GC::GetGeneration(System.Object)")
def get_generation(engine, obj):
    return 0


@icall("System.GC::GetCollectionCount(System.Int32)")
def get_collection_count(engine, generation):
    return engine.gc.collections if generation >= 0 else 0


# System.GC::InternalCollect (GC.Collect) is native: runtime/gc/native_code.py, NATIVE_GC_ICALLS.


@icall("System.GC::RecordPressure(System.Int64)")
def record_pressure(engine, bytes_allocated):
    engine.gc.add_pressure(bytes_allocated)


@icall("System.GC::GetAllocatedBytesForCurrentThread()")
def get_allocated_bytes(engine):
    return engine.heap.allocated_total()


@icall("System.GC::GetTotalMemory(System.Boolean)")
def get_total_memory(engine, force_full_collection):
    """Bytes of objects that may be alive: what survived the last collection plus what was allocated
    since. With `forceFullCollection`, collect (and run the finalizers that frees) first."""
    gc = engine.gc
    if force_full_collection:
        gc.collect("GC.GetTotalMemory")
        gc.finalization.run_pending()
        gc.collect("GC.GetTotalMemory")
    return gc.in_use()


@icall("System.GC::WaitForPendingFinalizers()")
def wait_for_pending_finalizers(engine):
    engine.gc.finalization.run_pending()


@icall("System.GC::_SuppressFinalize(System.Object)")
def suppress_finalize(engine, obj):
    engine.gc.finalization.suppress(obj)


@icall("System.GC::_ReRegisterForFinalize(System.Object)")
def re_register_for_finalize(engine, obj):
    engine.gc.finalization.reregister(obj)
