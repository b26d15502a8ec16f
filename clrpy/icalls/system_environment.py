"""Internal calls (and replaced methods) of System.Environment."""
from ..runtime.stack_traces import format_trace
from .registry import replaces


@replaces("System.Environment::GetStackTrace(System.Exception,System.Boolean)")
def get_stack_trace(engine, exception, need_file_info):
    """The text of an exception's stack trace (what Exception.StackTrace returns), from the return
    addresses its throw captured (runtime/stack_traces.py)."""
    if not exception:
        return engine.strings.new("")
    return engine.strings.new(format_trace(engine, exception))
