"""Internal calls of System.Threading.Timer, and the timer scheduler run on the one managed thread.

Mono's timers (System.Threading.Timer, and through it Task.Delay with a delay and
CancellationTokenSource.CancelAfter) are managed code: Timer.Change computes the due time from
`GetTimeMonotonic` (100 ns ticks of a monotonic clock) and hands the timer to Timer.Scheduler, which
keeps a list of timers and normally runs on its own thread, started by `InitScheduler` when the
first timer is scheduled. That thread loops over `RunSchedulerLoop` -- fire every due timer by
queueing its callback to the thread pool (FireTimer), compute the next due time and return how
many milliseconds to wait -- and sleeps on a ManualResetEvent that `WakeupScheduler` sets when the
earliest due time changes.

clrpy runs managed code on one thread, so the scheduler gets no thread: the runtime replaces
`InitScheduler` (it only records the scheduler) and `WakeupScheduler` (nobody sleeps to be woken),
and runs the scheduler's own `RunSchedulerLoop` for one round, through `fire_due_timers`, where the
main thread would block with no queued work left (the cooperative pool's `wait_for_work`,
system_threading_threadpool.py): the due timers' callbacks are queued and run like any work item,
and the time until the next one tells the wait how long to sleep. With no timer pending, such a
wait is unsatisfiable, as before.
"""
import time

from .registry import icall, replaces

NO_TIMER = -1                   # RunSchedulerLoop's answer when no timer is pending


@icall("System.Threading.Timer::GetTimeMonotonic()")
def get_time_monotonic(engine):
    return time.monotonic_ns() // 100       # Mono's mono_100ns_ticks


@replaces("System.Threading.Timer+Scheduler::InitScheduler()")
def init_scheduler(engine, this):
    """Record the scheduler (held by its static `instance` field) instead of starting its thread."""
    th = engine.types.type_of_object(this)
    engine.timer_scheduler = (this, next(m for m in th.methods if m.name == "RunSchedulerLoop"))


@replaces("System.Threading.Timer+Scheduler::WakeupScheduler()")
def wakeup_scheduler(engine, this):
    pass                        # no scheduler thread sleeps: waits ask fire_due_timers each time


def fire_due_timers(engine) -> int:
    """Run one round of the scheduler: queue the callbacks of due timers to the thread pool and
    drop dead timers. The milliseconds until the next timer is due, or NO_TIMER if none is pending
    (also when a timer's exception is left pending)."""
    scheduler = getattr(engine, "timer_scheduler", None)
    if scheduler is None:
        return NO_TIMER
    this, run_scheduler_loop = scheduler
    result = engine.invoke_leaving_pending(run_scheduler_loop, [this])
    if engine.pending.is_pending or result is None:
        return NO_TIMER
    return result
