"""Internal calls of System.String that are not native code (String.FastAllocateString is: see
registry.NATIVE_ICALLS): the intern table, shared with string literals (runtime/strings.py)."""
from ..runtime.strings import read_string
from .registry import icall


@icall("System.String::InternalIntern(System.String)")
def internal_intern(engine, s):
    """The interned string equal to `s`: `s` itself becomes the interned one if none was."""
    text = read_string(s)
    interned = engine.strings.interned.get(text)
    if interned is None:
        engine.strings.interned[text] = interned = s
    return interned


@icall("System.String::InternalIsInterned(System.String)")
def internal_is_interned(engine, s):
    return engine.strings.interned.get(read_string(s), 0)
