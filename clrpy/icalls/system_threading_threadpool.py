"""Internal calls of System.Threading.ThreadPool: a cooperative thread pool on the one managed thread.

Mono's pool is managed code (ThreadPoolWorkQueue: a global queue plus a work-stealing queue per
thread) over a few internal calls. Queuing a work item (ThreadPool.QueueUserWorkItem, Task.Run,
an `await` continuation, Task.Yield) pushes it onto the managed queue and then asks the runtime for
a worker with `RequestWorkerThread`; a worker runs `_ThreadPoolWaitCallback.PerformWaitCallback`
(ThreadPoolWorkQueue.Dispatch), which satisfies one request, dequeues and runs items for a time
quantum, and requests another worker whenever it took an item (more may be left).

clrpy has no other thread, so a request is only counted here (`requests`, which mirrors the
managed `numOutstandingThreadRequests`), and the pool runs *when the main thread would otherwise
block*: `run_pending` calls Dispatch once per outstanding request, through `wait_for_work`, from
Monitor.Wait (where Task.Wait, `.Result`, `GetAwaiter().GetResult()` -- so `async Task Main` -- and
ManualResetEventSlim end up) and Thread.Sleep. It never runs inside the enqueue: the library
enqueues while holding its own state half-updated (Task.ScheduleAndStart, continuation lists, the
queue's own locks), and running arbitrary work there would re-enter it. A blocking point is a place
where another thread could run anyway, and Monitor.Wait releases the monitor first, as a real wait
does. Work left queued when Main returns is not run: pool threads are background threads, so Mono
does not wait for them either.

When no work is left, `wait_for_work` runs the timer scheduler for one round
(system_threading_timer.py): due timers queue their callbacks, which then run like any work item,
and the wait sleeps until the next due time. A wait nothing can satisfy -- the queue is empty, no
timer is pending and the awaited event was not signalled, such as a TaskCompletionSource never
completed -- still raises NotSupportedException in Monitor.Wait.

An exception escaping a work item (a QueueUserWorkItem callback that throws; tasks catch their
own) is left pending and surfaces from the blocking call that ran the pool.
"""
import time

from .managed_values import write_bool, write_i32
from .registry import icall

MAX_WORKERS = 1                 # what the pool reports: one thread runs everything


def _state(engine):
    state = getattr(engine, "thread_pool", None)
    if state is None:
        state = engine.thread_pool = ThreadPoolState()
    return state


class ThreadPoolState:
    """The runtime's side of the pool: outstanding worker requests, and the dispatch method."""

    def __init__(self):
        self.requests = 0
        self.dispatch_method = None

    def dispatch(self, engine):
        md = self.dispatch_method
        if md is None:
            th = engine.loader.corlib_type("System.Threading", "_ThreadPoolWaitCallback")
            md = self.dispatch_method = next(m for m in th.methods if m.name == "PerformWaitCallback")
        engine.invoke_void(md)    # its bool result is not needed; an exception stays pending


def run_pending(engine, until=None) -> bool:
    """Run queued work items on this thread, one Dispatch per outstanding worker request, until
    none is left or `until()` is true. False if a work item left an exception pending."""
    state = getattr(engine, "thread_pool", None)
    if state is None:
        return True
    while state.requests > 0 and not (until is not None and until()):
        state.requests -= 1
        state.dispatch(engine)
        if engine.pending.is_pending:
            return False
    return True


DONE, TIMED_OUT, IDLE = "done", "timed out", "idle"


def wait_for_work(engine, until=None, timeout=None) -> str:
    """Stand for the other threads while the main thread blocks: run queued work (stopping once
    `until()` is true), and when none is left, fire the timers that are due (system_threading_timer.py)
    and sleep until the next one, for at most `timeout` seconds (None: no limit). DONE when
    `until()` became true or an exception is pending, TIMED_OUT, or IDLE when nothing is queued and
    no timer is pending, so that only another thread could end an unlimited wait."""
    from .system_threading_timer import NO_TIMER, fire_due_timers
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        if not run_pending(engine, until) or (until is not None and until()):
            return DONE
        if deadline is not None and time.monotonic() >= deadline:
            return TIMED_OUT
        next_ms = fire_due_timers(engine)
        if engine.pending.is_pending:
            return DONE
        if _state(engine).requests > 0:
            continue                        # a due timer's callback was queued
        if next_ms == NO_TIMER:
            if deadline is None:
                return IDLE
            time.sleep(max(deadline - time.monotonic(), 0))
            return TIMED_OUT
        pause = next_ms / 1000
        if deadline is not None:
            pause = min(pause, max(deadline - time.monotonic(), 0))
        time.sleep(pause)


@icall("System.Threading.ThreadPool::InitializeVMTp(System.Boolean&)")
def initialize_vm_tp(engine, enable_worker_tracking):
    write_bool(enable_worker_tracking, False)
    _state(engine)


@icall("System.Threading.ThreadPool::RequestWorkerThread()")
def request_worker_thread(engine):
    _state(engine).requests += 1
    return 1


@icall("System.Threading.ThreadPool::NotifyWorkItemComplete()")
def notify_work_item_complete(engine):
    return 1                    # go on dispatching (Mono answers false to retire a worker)


@icall("System.Threading.ThreadPool::NotifyWorkItemQueued()")
def notify_work_item_queued(engine):
    pass


@icall("System.Threading.ThreadPool::NotifyWorkItemProgressNative()")
def notify_work_item_progress(engine):
    pass


@icall("System.Threading.ThreadPool::ReportThreadStatus(System.Boolean)")
def report_thread_status(engine, is_working):
    pass


@icall("System.Threading.ThreadPool::SetMinThreadsNative(System.Int32,System.Int32)")
def set_min_threads(engine, workers, completion_ports):
    return 1 if 0 <= workers <= MAX_WORKERS and 0 <= completion_ports <= MAX_WORKERS else 0


@icall("System.Threading.ThreadPool::SetMaxThreadsNative(System.Int32,System.Int32)")
def set_max_threads(engine, workers, completion_ports):
    return 1 if workers >= MAX_WORKERS and completion_ports >= MAX_WORKERS else 0


def _write_pair(workers, completion_ports, value):
    write_i32(workers, value)
    write_i32(completion_ports, value)


@icall("System.Threading.ThreadPool::GetMinThreadsNative(System.Int32&,System.Int32&)")
def get_min_threads(engine, workers, completion_ports):
    _write_pair(workers, completion_ports, MAX_WORKERS)


@icall("System.Threading.ThreadPool::GetMaxThreadsNative(System.Int32&,System.Int32&)")
def get_max_threads(engine, workers, completion_ports):
    _write_pair(workers, completion_ports, MAX_WORKERS)


@icall("System.Threading.ThreadPool::GetAvailableThreadsNative(System.Int32&,System.Int32&)")
def get_available_threads(engine, workers, completion_ports):
    _write_pair(workers, completion_ports, MAX_WORKERS)
