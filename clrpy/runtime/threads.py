"""Running managed code on a thread with a large stack.

Managed code runs on the native stack of the thread that calls it. The main thread's stack is
fixed by the OS (often 8 MB), which deep but legitimate recursion (100,000 frames) can exhaust,
so programs run on a thread we create with a generous stack (reserved address space; pages are
committed only as they are touched).
"""
import threading

MANAGED_STACK_SIZE = 1 << 30
# Generated code declares a stack overflow this far above the stack's end: room for the report.
STACK_OVERFLOW_MARGIN = 4 << 20


def run_on_managed_stack(func, *args):
    """Call func(*args) on a thread with MANAGED_STACK_SIZE of stack; return its result or raise its
    exception in the caller."""
    result = {}

    def body():
        try:
            result["value"] = func(*args)
        except BaseException as e:      # handed back to the calling thread, re-raised there
            result["error"] = e

    old = threading.stack_size()
    threading.stack_size(MANAGED_STACK_SIZE)
    try:
        t = threading.Thread(target=body, name="clrpy-main")
        t.start()
    finally:
        threading.stack_size(old)
    t.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


class ManagedThread:
    """A long-lived thread with a large stack that runs managed calls one at a time.

    The embedding API sends every call into managed code here, so that deep recursion has the
    same room as under `clrpy run`, and so that all managed code of a runtime runs on one thread.
    """

    _shared = None
    _shared_lock = threading.Lock()

    @classmethod
    def shared(cls) -> "ManagedThread":
        """The process's managed thread, shared by all its runtimes. One reserved stack, however
        many runtimes a process creates: every further gigabyte reserved spreads the address space,
        and LLVM's JIT linker (RuntimeDyld) needs code within 2 GB of the data sections it refers to."""
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def __init__(self):
        import queue
        self._queue = queue.Queue()
        old = threading.stack_size()
        threading.stack_size(MANAGED_STACK_SIZE)
        try:
            self._thread = threading.Thread(target=self._loop, name="clrpy-managed", daemon=True)
            self._thread.start()
        finally:
            threading.stack_size(old)

    def _loop(self):
        while True:
            item = self._queue.get()
            if item is None:
                return
            func, args, done, result = item
            try:
                result["value"] = func(*args)
            except BaseException as e:      # handed back to the calling thread, re-raised there
                result["error"] = e
            done.set()

    def call(self, func, *args):
        if threading.current_thread() is self._thread:
            return func(*args)              # a call made from managed code (through a helper)
        done = threading.Event()
        result = {}
        self._queue.put((func, args, done, result))
        done.wait()
        if "error" in result:
            raise result["error"]
        return result.get("value")

    def stop(self):
        self._queue.put(None)


_bounds = {}


def stack_bounds():
    """(lowest, highest) address of the calling thread's stack, from the C library (cached per thread)."""
    ident = threading.get_ident()
    b = _bounds.get(ident)
    if b is None:
        import ctypes
        libc = ctypes.CDLL(None)
        libc.pthread_self.restype = ctypes.c_ulong
        attr = ctypes.create_string_buffer(128)          # pthread_attr_t (56 bytes on x86-64 glibc)
        addr, size = ctypes.c_void_p(), ctypes.c_size_t()
        if libc.pthread_getattr_np(ctypes.c_ulong(libc.pthread_self()), attr) != 0:
            return 0, 0
        libc.pthread_attr_getstack(attr, ctypes.byref(addr), ctypes.byref(size))
        libc.pthread_attr_destroy(attr)
        b = _bounds[ident] = (addr.value or 0, (addr.value or 0) + size.value)
    return b
