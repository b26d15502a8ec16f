"""Class constructors (.cctor): running each type's once, with ECMA-335's semantics (II.10.5.3).

A type's state goes from *not run* to *running* (on one thread) to *done*. A request that finds
the constructor running on the same thread returns at once: that is how a constructor that
touches its own statics, or two types whose constructors refer to each other, see partially
initialised state instead of deadlocking, as the standard specifies.

Requests come from generated code (`clrpy_class_init`, for precise types) and from the JIT
interface at compile time (beforefieldinit types, run before the accessing method is compiled).
"""
from ..errors import ManagedExceptionPending

NOT_RUN, RUNNING, DONE, FAILED = 0, 1, 2, 3


class ClassInitializer:
    def __init__(self, engine):
        self.engine = engine
        self._state = {}            # TypeHandle -> state
        self._cctor = {}            # TypeHandle -> MethodDesc or None
        self._failure = {}          # TypeHandle -> its TypeInitializationException object

    def cctor_of(self, th):
        if th not in self._cctor:
            self._cctor[th] = next((m for m in th.methods if m.is_class_constructor), None) \
                if th.kind.name in ("CLASS", "VALUE_TYPE", "INTERFACE") else None
        return self._cctor[th]

    def has_cctor(self, th) -> bool:
        return self.cctor_of(th) is not None

    def is_done(self, th) -> bool:
        return self._state.get(th, NOT_RUN) == DONE

    def is_running_here(self, th) -> bool:
        return self._state.get(th, NOT_RUN) == RUNNING

    def run_now(self, th) -> bool:
        """Run a beforefieldinit type's constructor at JIT time, as Mono does (so output a class
        constructor prints comes before the output of the method that first uses the type). If it
        fails, so does the compilation: the TypeInitializationException is raised where the
        method was called, every time it is called, as under Mono."""
        self.ensure(th)
        if self.is_done(th):
            return True
        if self.engine.pending.is_pending:
            raise ManagedExceptionPending(f"the class constructor of {th.full_name} failed")
        return False

    def ensure(self, th):
        """Run `th`'s class constructor unless it has run or is running; an exception it raises
        is left pending."""
        state = self._state.get(th, NOT_RUN)
        if state in (DONE, RUNNING):
            return
        if state == FAILED:
            self.engine.pending.raise_object(self._failure[th])     # the same exception each time
            return
        cctor = self.cctor_of(th)
        if cctor is None:
            self._state[th] = DONE
            self.engine.types.set_initialized(th)
            return
        self._state[th] = RUNNING
        ok = self.engine.invoke_void(cctor)
        if ok:
            self._state[th] = DONE
            self.engine.types.set_initialized(th)
        else:
            # The type stays unusable: every later access raises TypeInitializationException
            # around the constructor's exception.
            self._state[th] = FAILED
            inner = self.engine.pending.pending_object()
            self.engine.pending.clear()
            failure = self.engine.new_exception("System.TypeInitializationException", th.full_name, inner)
            self._failure[th] = failure
            self.engine.pending.raise_object(failure)
