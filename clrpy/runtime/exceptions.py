"""Exceptions as the runtime sees them: the exception state words, exception objects, and the
boundary where a managed exception becomes a Python one.

The state is four words of native memory (docs/exceptions.md):
  clrpy_pending_exception  the exception object while one propagates (null otherwise);
  clrpy_frame_chain        the innermost registered frame record (methods with catch clauses);
  clrpy_eh_target          the frame record whose handler the first pass chose (null: unhandled);
  clrpy_eh_handler         that handler's clause index.
Generated code tests the pending word after every call that may raise; `clrpy_raise` (native) runs
the first pass and sets the rest.

Every exception is a real class-library object. Those the runtime raises itself (a null reference,
an index out of range, an overflow...) are built by the engine (`ExecutionEngine.new_exception`,
setting the fields Exception's constructors would set) and raised through the same native `clrpy_raise` as a `throw`, which captures their stack trace like
any other (runtime/stack_traces.py).
"""
import ctypes
from dataclasses import dataclass, field

from ..errors import ClrpyError
from ..jit.helpers import EH_HANDLER, EH_TARGET, FRAME_CHAIN, PENDING_EXCEPTION
from .native_memory import read_u64, write_u32, write_u64


@dataclass
class ExceptionRecord:
    """A Python-side description of a managed exception object."""
    type_name: str
    message: str
    frames: list = field(default_factory=list)     # "Type::Method [IL offset]" strings, innermost first
    managed_object: int = 0
    inner: "ExceptionRecord" = None
    text: str = None        # the object's own ToString(), when it could be run


class ManagedException(ClrpyError):
    """A managed exception that reached the boundary between managed code and Python: its .NET
    type name, message (the virtual Message), inner exception, and stack trace (`stack_trace`, the
    frames as Exception.StackTrace lists them; `format()` is the whole ToString())."""

    def __init__(self, record: ExceptionRecord):
        self.record = record
        self.type_name = record.type_name
        self.message = record.message
        self.frames = list(record.frames)
        self.inner = record.inner
        super().__init__(f"{record.type_name}: {record.message}")

    @property
    def stack_trace(self) -> str:
        """The managed frames, innermost first, one per line, as Exception.StackTrace shows them."""
        return "\n".join(self.frames)

    def format(self) -> str:
        """The exception as its ToString() renders it (what Mono prints for an unhandled exception:
        type and message, inner exceptions after " ---> ", the frames); if the managed ToString
        could not run, the runtime's own rendering in the same format."""
        return self.record.text if self.record.text is not None else format_record(self.record)


def format_record(record: ExceptionRecord) -> str:
    text = f"{record.type_name}: {record.message}" if record.message else record.type_name
    if record.inner is not None:
        text += " ---> " + format_record(record.inner) + "\n   --- End of inner exception stack trace ---"
    if record.frames:
        text += "\n" + "\n".join(record.frames)
    return text


class ExceptionState:
    """The exception words of the (one) managed thread and the exception objects' side data."""

    def __init__(self, engine):
        self.engine = engine
        arena = engine.arena
        define = engine.native.define_symbol
        self.cell = arena.alloc(8, 8)
        self.chain_cell = arena.alloc(8, 8)
        self.target_cell = arena.alloc(8, 8)
        self.handler_cell = arena.alloc(8, 8)
        define(PENDING_EXCEPTION, self.cell)
        define(FRAME_CHAIN, self.chain_cell)
        define(EH_TARGET, self.target_cell)
        define(EH_HANDLER, self.handler_cell)
        self.requested_cell = arena.alloc(8, 8)
        define("clrpy_raise_requested", self.requested_cell)

    # -- raising ---------------------------------------------------------------------------------
    def raise_object(self, obj: int, frames=None):
        """Raise a managed exception object from Python. It becomes pending at once; the first pass
        (and the stack-trace walk) runs when generated code sees it, in clrpy_finish_raise, so that
        it starts from the managed frame that called into the runtime."""
        write_u64(self.cell, obj)
        write_u32(self.requested_cell, 1)

    @property
    def is_pending(self) -> bool:
        return read_u64(self.cell) != 0

    def pending_object(self) -> int:
        return read_u64(self.cell)

    def clear(self):
        write_u64(self.cell, 0)
        write_u32(self.requested_cell, 0)
        write_u64(self.target_cell, 0)
        write_u32(self.handler_cell, 0xFFFFFFFF)

    def take(self):
        """The pending exception's record, clearing the state; None if nothing is pending."""
        obj = read_u64(self.cell)
        if not obj:
            return None
        self.clear()
        engine = self.engine
        exception_type = engine.loader.corlib_type("System", "Exception")
        th = engine.types.type_of_object(obj)
        if th is not exception_type and not th.is_subclass_of(exception_type):
            # IL threw an object that is not an Exception (ECMA-335 I.12.4.2); reported wrapped, as
            # the CLR and Mono do.
            return ExceptionRecord("System.Runtime.CompilerServices.RuntimeWrappedException",
                                   "An object that does not derive from System.Exception has been "
                                   "wrapped in a RuntimeWrappedException.", [], obj)
        engine.add_python_root(obj)         # no longer pending: a GC root while managed code runs
        try:
            record = self.record_of(obj)
            # What the program would see: the virtual Message (ArgumentException adds the parameter's
            # name) and ToString() (overridable), run as managed code while the objects are at hand.
            r = record
            while r is not None:
                message = self.call_string_method(r.managed_object, "System", "Exception", "get_Message")
                if message is not None:
                    r.message = message
                r = r.inner
            record.text = self.call_string_method(obj, "System", "Object", "ToString")
        finally:
            engine.remove_python_root(obj)
        return record

    def call_string_method(self, obj: int, namespace: str, type_name: str, name: str):
        """Run a virtual parameterless string method of `obj` (declared by a class-library type);
        its result, or None if it raised (the exception is dropped) or returned null."""
        from .strings import read_string
        engine = self.engine
        declared = engine.loader.corlib_type(namespace, type_name).find_method(name, 0)
        if declared is None:
            return None
        try:
            md = engine.dispatch.resolve_for_type(engine.types.type_of_object(obj), declared)
            result = engine._call(md, [obj])
        except ClrpyError:
            result = None
        if self.is_pending:
            self.clear()
            return None
        return read_string(result) if result else None

    def reset_frames(self):
        """Forget registered frames (after an exception left managed code into Python)."""
        write_u64(self.chain_cell, 0)

    # -- reading exception objects ----------------------------------------------------------------
    def record_of(self, obj: int, depth: int = 0) -> ExceptionRecord:
        engine = self.engine
        th = engine.types.type_of_object(obj)
        message = self._string_field(obj, th, "_message")
        if message is None:
            message = f"Exception of type '{th.full_name}' was thrown."
        inner_obj = self._object_field(obj, th, "_innerException")
        inner = self.record_of(inner_obj, depth + 1) if inner_obj and depth < 16 else None
        from .stack_traces import trace_lines
        lines = trace_lines(engine, obj)
        return ExceptionRecord(th.full_name, message, lines, obj, inner)

    def _field(self, th, name):
        t = th
        while t is not None:
            for f in t.fields:
                if f.name == name and not f.is_static:
                    t.ensure_layout()
                    return f
            t = t.parent
        return None

    def _object_field(self, obj, th, name) -> int:
        f = self._field(th, name)
        return read_u64(obj + f.offset) if f is not None else 0

    def _string_field(self, obj, th, name):
        from .strings import read_string
        s = self._object_field(obj, th, name)
        return read_string(s) if s else None
