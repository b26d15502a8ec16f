"""Runtime, Assembly, ManagedType and ManagedMethod: the objects of the embedding API.

A Runtime is one execution engine (one AppDomain) with its binder; managed code runs on the
runtime's managed thread (a large stack), and an exception that leaves managed code arrives in
Python as `clrpy.ManagedException` carrying the .NET type name, message and frames.
"""
import os
import re

from ..binder.binder import AssemblyBinder
from ..errors import ClrpyError
from ..runtime.exceptions import ManagedException  # noqa: F401  (re-exported)
from ..runtime.execution_engine import ExecutionEngine, RuntimeOptions
from ..runtime.threads import ManagedThread
from .conversions import KEYWORDS, fit_score, from_native, to_native


class Runtime:
    """A CLR instance inside this Python process."""

    def __init__(self, framework_dir=None, probe_paths=(), app_dir=None, trace=(), opt_level=2):
        self.binder = AssemblyBinder(app_dir=app_dir, framework_dir=framework_dir, probe_paths=probe_paths)
        self.engine = ExecutionEngine(self.binder, RuntimeOptions(trace=trace, opt_level=opt_level))
        self.thread = ManagedThread()
        self._assemblies = {}

    def load(self, path) -> "Assembly":
        """Load an assembly file (its directory becomes a place to find its references)."""
        real = os.path.realpath(path)
        asm = self._assemblies.get(real)
        if asm is None:
            module = self.binder.load_file(path)
            asm = self._assemblies[real] = Assembly(self, module)
        return asm

    def run_main(self, path, args=()) -> int:
        """Run a program's entry point as `clrpy run` does; returns Main's result."""
        module = self.load(path).module
        return self.thread.call(self.engine.run_main, module, list(args))

    def close(self):
        self.thread.stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Assembly:
    def __init__(self, runtime: Runtime, module):
        self.runtime = runtime
        self.module = module

    @property
    def name(self) -> str:
        return str(self.module.assembly_name)

    def type(self, full_name: str) -> "ManagedType":
        """A type by its full name: "Ns.Name", nested "Ns.Outer+Inner"."""
        rid = self.module.find_type_by_name(full_name)
        if not rid:
            raise ClrpyError(f"type '{full_name}' is not defined in {self.module.assembly_name}")
        th = self.runtime.engine.loader.load_typedef(self.module, rid)
        return ManagedType(self.runtime, th)

    def __repr__(self):
        return f"<Assembly {self.name}>"


class ManagedType:
    def __init__(self, runtime: Runtime, th):
        self.runtime = runtime
        self.handle = th

    @property
    def full_name(self) -> str:
        return self.handle.full_name

    def method(self, name: str) -> "ManagedMethod":
        """A method group by name, or one overload: "Add(int,int)" / "Add(System.Int32, System.Int32)"."""
        m = re.fullmatch(r"\s*([^(\s]+)\s*(?:\((.*)\))?\s*", name)
        if not m:
            raise ClrpyError(f"cannot parse the method name {name!r}")
        base, params = m.group(1), m.group(2)
        candidates = [md for md in self.handle.methods if md.name == base]
        if not candidates:
            raise ClrpyError(f"{self.full_name} has no method '{base}'")
        if params is not None:
            wanted = [_type_name(p) for p in params.split(",")] if params.strip() else []
            candidates = [md for md in candidates if [p.full_name for p in md.param_types] == wanted]
            if not candidates:
                raise ClrpyError(f"{self.full_name} has no overload {name}")
        return ManagedMethod(self.runtime, self, base, candidates)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.method(name)

    def __repr__(self):
        return f"<ManagedType {self.full_name}>"


def _type_name(text: str) -> str:
    t = text.strip()
    suffix = ""
    while t.endswith("[]"):
        suffix += "[]"
        t = t[:-2].strip()
    return KEYWORDS.get(t, t) + suffix


class ManagedMethod:
    """A callable method group: calling it picks the overload the arguments fit best."""

    def __init__(self, runtime, owner, name, overloads):
        self.runtime = runtime
        self.owner = owner
        self.name = name
        self.overloads = overloads

    def _choose(self, args):
        loader = self.runtime.engine.loader
        best, best_score, tie = None, None, False
        for md in self.overloads:
            if not md.is_static or len(md.param_types) != len(args):
                continue
            scores = [fit_score(a, p, loader) for a, p in zip(args, md.param_types)]
            if any(s is None for s in scores):
                continue
            score = sum(scores)
            if best_score is None or score > best_score:
                best, best_score, tie = md, score, False
            elif score == best_score:
                tie = True
        if best is None:
            sigs = "; ".join(md.display_signature() for md in self.overloads)
            raise TypeError(f"no overload of {self.owner.full_name}::{self.name} takes "
                            f"({', '.join(type(a).__name__ for a in args)}); candidates: {sigs}")
        if tie:
            raise TypeError(f"the call to {self.owner.full_name}::{self.name} is ambiguous for "
                            f"({', '.join(type(a).__name__ for a in args)}); name the overload, e.g. "
                            f"method('{self.name}(int,int)')")
        return best

    def __call__(self, *args):
        md = self._choose(args)
        engine = self.runtime.engine
        native = [to_native(a, p, engine) for a, p in zip(args, md.param_types)]
        raw = self.runtime.thread.call(engine.invoke, md, native)
        return from_native(raw, md.return_type, engine)

    def __repr__(self):
        return f"<ManagedMethod {self.owner.full_name}::{self.name} ({len(self.overloads)} overloads)>"
