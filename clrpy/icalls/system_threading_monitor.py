"""Internal calls of System.Threading.Monitor (`lock`, [MethodImpl(Synchronized)]), for one thread.

clrpy runs managed code on one thread, so a monitor is never contended: entering always succeeds
at once and only the recursion count matters, which Exit, IsEntered and Wait/Pulse check as the CLR
does (exiting a monitor not entered raises SynchronizationLockException). Counts are kept by object
address (objects never move) and forgotten when they drop to zero, so the collector and the
object header are not involved.

Wait releases the monitor and runs the thread pool's queued work on this thread (the cooperative
pool, system_threading_threadpool.py): that work stands for the other threads, and may pulse the
object, in which case Wait re-enters and returns true; timers that fall due meanwhile fire and
queue more work. When no work is left, no timer is pending and nobody pulsed, no one else could:
with a timeout Wait sleeps out the rest of it, re-enters and returns false; without
one it would wait forever, which is reported as NotSupportedException rather than hanging the
process.
"""
from .managed_errors import argument_null, not_supported, synchronization_lock
from .managed_values import write_bool
from .registry import icall
from .system_threading_threadpool import DONE, IDLE, wait_for_work

INFINITE = -1


def _counts(engine) -> dict:
    counts = getattr(engine, "monitor_counts", None)
    if counts is None:
        counts = engine.monitor_counts = {}
    return counts


def enter(engine, obj):
    if not obj:
        raise argument_null("obj")
    counts = _counts(engine)
    counts[obj] = counts.get(obj, 0) + 1


@icall("System.Threading.Monitor::Enter(System.Object)")
def monitor_enter(engine, obj):
    enter(engine, obj)


@icall("System.Threading.Monitor::try_enter_with_atomic_var(System.Object,System.Int32,System.Boolean&)")
def try_enter_with_atomic_var(engine, obj, timeout, lock_taken):
    enter(engine, obj)
    write_bool(lock_taken, True)


@icall("System.Threading.Monitor::Exit(System.Object)")
def monitor_exit(engine, obj):
    if not obj:
        raise argument_null("obj")
    counts = _counts(engine)
    n = counts.get(obj, 0)
    if n == 0:
        raise synchronization_lock()
    if n == 1:
        del counts[obj]
    else:
        counts[obj] = n - 1


@icall("System.Threading.Monitor::Monitor_test_synchronised(System.Object)")
def test_synchronised(engine, obj):
    return 1 if _counts(engine).get(obj, 0) else 0


@icall("System.Threading.Monitor::Monitor_test_owner(System.Object)")
def test_owner(engine, obj):
    return test_synchronised(engine, obj)


def _waits(engine) -> dict:
    """Objects some (suspended) Monitor.Wait waits on -> whether they have been pulsed since."""
    waits = getattr(engine, "monitor_waits", None)
    if waits is None:
        waits = engine.monitor_waits = {}
    return waits


@icall("System.Threading.Monitor::Monitor_pulse(System.Object)")
def pulse(engine, obj):
    waits = _waits(engine)
    if obj in waits:            # a pulse nobody waits for is lost, as in the CLR
        waits[obj] = True


@icall("System.Threading.Monitor::Monitor_pulse_all(System.Object)")
def pulse_all(engine, obj):
    pulse(engine, obj)


@icall("System.Threading.Monitor::Monitor_wait(System.Object,System.Int32)")
def wait(engine, obj, ms):
    counts = _counts(engine)
    waits = _waits(engine)
    outer = waits.get(obj)      # a work item run below may itself wait on the same object
    held = counts.pop(obj, 0)
    waits[obj] = False
    try:
        outcome = wait_for_work(engine, until=lambda: waits[obj],
                                timeout=None if ms == INFINITE else max(ms, 0) / 1000)
        if outcome == DONE:
            return 1 if waits[obj] or engine.pending.is_pending else 0
        if outcome == IDLE:
            raise not_supported("Monitor.Wait without a timeout would never return: clrpy runs one "
                                "thread and no queued work or timer is left that could pulse the object")
        return 0
    finally:
        counts[obj] = held
        if outer is None:
            del waits[obj]
        else:
            waits[obj] = outer
