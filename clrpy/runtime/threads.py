"""Running managed code on a thread with a large stack.

Managed code runs on the native stack of the thread that calls it. The main thread's stack is
fixed by the OS (often 8 MB), which deep but legitimate recursion (100,000 frames) can exhaust,
so programs run on a thread we create with a generous stack (reserved address space; pages are
committed only as they are touched).
"""
import threading

MANAGED_STACK_SIZE = 1 << 30


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
