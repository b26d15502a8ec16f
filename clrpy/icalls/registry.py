"""The registry of internal calls, keyed by the managed method's type, name and signature.

An icall is bound when the JIT compiles a call to it: the registry gives the symbol of its
implementation (native, or a Python function exported through ctypes), or None when clrpy does
not implement it; the call site then raises NotSupportedException naming the method, so a program
that merely *references* a missing icall on a path it never takes still runs.
"""


class IcallRegistry:
    def __init__(self, engine):
        self.engine = engine
        self._table = {}            # "Namespace.Type::Name(sig)" -> symbol

    def key(self, md) -> str:
        params = ",".join(p.full_name for p in md.param_types)
        return f"{md.owner.full_name}::{md.name}({params})"

    def register(self, key: str, symbol: str):
        self._table[key] = symbol

    def target(self, md):
        """The symbol of the function implementing `md`, or None."""
        return self._table.get(self.key(md))
