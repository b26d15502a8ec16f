"""Internal calls of System.Threading.Thread (and InternalThread, Volatile), for one thread.

Managed code runs on one thread (runtime/threads.py). `Thread.CurrentThread` is a Thread object
with its InternalThread, both built here on first use with the fields Mono's managed code reads
(managed_id 1, the OS thread id, state Running, normal priority) and kept in the Thread class's
`current_thread` thread-static field, as Mono's runtime does. Starting another thread is not
supported (its internal call is missing, so Thread.Start raises NotSupportedException naming it).

Thread.Sleep is a point where other threads would run, so it runs the thread pool's queued work
first (the cooperative pool: system_threading_threadpool.py).

Volatile reads and writes are plain loads and stores: on x86-64 ordinary moves already have the
acquire/release ordering the CLR promises for them.
"""
import ctypes
import threading
import time

from .managed_errors import not_supported
from .managed_values import FieldAccess, chars, new_string, read_i32, write_i32, write_i64, write_ref
from .registry import icall
from .system_threading_threadpool import IDLE, wait_for_work

THREAD_STATE_RUNNING = 0
PRIORITY_NORMAL = 2
MAIN_MANAGED_ID = 1
INFINITE = -1


def _internal_thread_fields(engine) -> FieldAccess:
    fa = getattr(engine, "internal_thread_fields", None)
    if fa is None:
        fa = engine.internal_thread_fields = FieldAccess(engine.loader.corlib_type("System.Threading", "InternalThread"))
    return fa


def _new_internal_thread(engine) -> int:
    th = engine.loader.corlib_type("System.Threading", "InternalThread")
    obj = engine.heap.new_object(engine.types.address(th), th.ensure_layout().instance_size)
    fields = _internal_thread_fields(engine)
    write_i32(obj + fields["managed_id"], MAIN_MANAGED_ID)
    write_i64(obj + fields["thread_id"], threading.get_ident())
    write_i32(obj + fields["state"], THREAD_STATE_RUNNING)
    write_i32(obj + fields["priority"], PRIORITY_NORMAL)
    engine.add_python_root(obj)
    return obj


@icall("System.Threading.Thread::GetCurrentThread()")
def get_current_thread(engine):
    thread = getattr(engine, "current_thread_object", 0)
    if thread:
        return thread
    th = engine.loader.corlib_type("System.Threading", "Thread")
    thread = engine.heap.new_object(engine.types.address(th), th.ensure_layout().instance_size)
    write_ref(thread + FieldAccess(th)["internal_thread"], _new_internal_thread(engine))
    engine.add_python_root(thread)
    engine.current_thread_object = thread
    static = next(f for f in th.fields if f.is_static and f.name == "current_thread")
    write_ref(engine.statics.field_address(static), thread)
    return thread


@icall("System.Threading.Thread::ConstructInternalThread()")
def construct_internal_thread(engine, this):
    th = engine.types.type_of_object(this)
    write_ref(this + FieldAccess(th)["internal_thread"], _new_internal_thread(engine))


@icall("System.Threading.Thread::Thread_internal(System.MulticastDelegate)")
def thread_start(engine, this, start):
    raise not_supported("starting a thread: clrpy runs managed code on one thread")


@icall("System.Threading.Thread::GetName_internal(System.Threading.InternalThread)")
def get_name(engine, internal):
    return new_string(engine, getattr(engine, "thread_names", {}).get(internal))


@icall("System.Threading.Thread::SetName_icall(System.Threading.InternalThread,System.Char*,System.Int32)")
def set_name(engine, internal, name, length):
    names = getattr(engine, "thread_names", None)
    if names is None:
        names = engine.thread_names = {}
    if internal in names:
        from .managed_errors import ManagedError
        raise ManagedError("System.InvalidOperationException", "Thread.Name can only be set once.")
    names[internal] = chars(name, length) if name else None


@icall("System.Threading.Thread::GetState(System.Threading.InternalThread)")
def get_state(engine, internal):
    return read_i32(internal + _internal_thread_fields(engine)["state"])


@icall("System.Threading.Thread::SetState(System.Threading.InternalThread,System.Threading.ThreadState)")
def set_state(engine, internal, state):
    at = internal + _internal_thread_fields(engine)["state"]
    write_i32(at, read_i32(at) | state)


@icall("System.Threading.Thread::ClrState(System.Threading.InternalThread,System.Threading.ThreadState)")
def clr_state(engine, internal, state):
    at = internal + _internal_thread_fields(engine)["state"]
    write_i32(at, read_i32(at) & ~state)


@icall("System.Threading.Thread::GetPriorityNative()")
def get_priority(engine, this):
    internal = read_internal(engine, this)
    return read_i32(internal + _internal_thread_fields(engine)["priority"]) if internal else PRIORITY_NORMAL


@icall("System.Threading.Thread::SetPriorityNative(System.Int32)")
def set_priority(engine, this, priority):
    internal = read_internal(engine, this)
    if internal:
        write_i32(internal + _internal_thread_fields(engine)["priority"], priority)


def read_internal(engine, thread) -> int:
    th = engine.types.type_of_object(thread)
    return ctypes.c_uint64.from_address(thread + FieldAccess(th)["internal_thread"]).value


@icall("System.Threading.Thread::SleepInternal(System.Int32)")
def sleep(engine, ms):
    """The pool's queued work and due timers run meanwhile (system_threading_threadpool.py)."""
    outcome = wait_for_work(engine, timeout=None if ms == INFINITE else max(ms, 0) / 1000)
    if outcome == IDLE:
        raise not_supported("Thread.Sleep(Timeout.Infinite) would never return: clrpy runs one thread")


@icall("System.Threading.Thread::JoinInternal(System.Int32)")
def join(engine, this, ms):
    """Only the current thread exists, and it cannot join itself."""
    if this == getattr(engine, "current_thread_object", 0):
        if ms == INFINITE:
            raise not_supported("a thread joining itself would never return")
        time.sleep(max(ms, 0) / 1000)
        return 0
    return 1


@icall("System.Threading.Thread::YieldInternal()")
def yield_(engine):
    return 1


@icall("System.Threading.Thread::SpinWait_nop()")
def spin_wait_nop(engine):
    pass


@icall("System.Threading.Thread::MemoryBarrier()")
def memory_barrier(engine):
    pass


@icall("System.Threading.Interlocked::MemoryBarrierProcessWide()")
def memory_barrier_process_wide(engine):
    pass


@icall("System.Threading.Thread::GetDomainID()")
def get_domain_id(engine):
    return 1


@icall("System.Threading.Thread::SystemMaxStackStize()")
def system_max_stack_size(engine):
    from ..runtime.threads import MANAGED_STACK_SIZE
    return min(MANAGED_STACK_SIZE, 0x7FFFFFFF)


@icall("System.Threading.Thread::GetAbortExceptionState()")
def get_abort_exception_state(engine, this):
    return 0


@icall("System.Threading.Thread::ByteArrayToRootDomain(System.Byte[])")
def byte_array_to_root_domain(engine, arr):
    return arr                      # one application domain


@icall("System.Threading.Thread::ByteArrayToCurrentDomain(System.Byte[])")
def byte_array_to_current_domain(engine, arr):
    return arr


@icall("System.Threading.InternalThread::Thread_free_internal()")
def thread_free_internal(engine, this):
    pass


# -- volatile reads and writes ---------------------------------------------------------------------------
_VOLATILE_TYPES = {
    "System.Byte": ctypes.c_uint8, "System.SByte": ctypes.c_int8, "System.Int16": ctypes.c_int16,
    "System.UInt16": ctypes.c_uint16, "System.Int32": ctypes.c_int32, "System.UInt32": ctypes.c_uint32,
    "System.Int64": ctypes.c_int64, "System.UInt64": ctypes.c_uint64, "System.IntPtr": ctypes.c_int64,
    "System.UIntPtr": ctypes.c_uint64, "System.Object": ctypes.c_uint64, "System.Single": ctypes.c_float,
    "System.Double": ctypes.c_double,
}


def _register_volatile(owner: str, read_name: str, write_name: str, types):
    for type_name in types:
        ct = _VOLATILE_TYPES[type_name]

        def read(engine, address, ct=ct):
            return ct.from_address(address).value

        def write(engine, address, value, ct=ct):
            ct.from_address(address).value = value

        icall(f"{owner}::{read_name}({type_name}&)")(read)
        icall(f"{owner}::{write_name}({type_name}&,{type_name})")(write)


_register_volatile("System.Threading.Thread", "VolatileRead", "VolatileWrite", _VOLATILE_TYPES)
_register_volatile("System.Threading.Volatile", "Read", "Write", ("System.Int64", "System.UInt64", "System.Double"))
