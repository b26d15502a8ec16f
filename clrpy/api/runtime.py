"""Runtime, Assembly, ManagedType and ManagedMethod: the objects of the embedding API.

A Runtime is one execution engine (one AppDomain) with its binder; managed code runs on the
process's managed thread (a large stack, shared by all runtimes), and an exception that leaves
managed code arrives in Python as `clrpy.ManagedException` carrying the .NET type name, message
and frames.
"""
import os
import re

from ..binder.binder import AssemblyBinder
from ..errors import ClrpyError
from ..runtime.exceptions import ManagedException  # noqa: F401  (re-exported)
from ..runtime.execution_engine import ExecutionEngine, RuntimeOptions
from ..runtime.threads import ManagedThread
from .conversions import KEYWORDS, fit_score, from_native, read_value, to_native, write_value


class Runtime:
    """A CLR instance inside this Python process."""

    def __init__(self, framework_dir=None, probe_paths=(), app_dir=None, trace=(), opt_level=2, tiered=True,
                 debug=False, max_heap=None):
        """`tiered=False` compiles every method at `opt_level` at once; `debug=True` (as `clrpy run
        --debug`) gives stack traces source files and lines from the assemblies' debug symbols;
        `max_heap` (bytes) bounds the managed heap (runtime/execution_engine.py RuntimeOptions)."""
        self.binder = AssemblyBinder(app_dir=app_dir, framework_dir=framework_dir, probe_paths=probe_paths)
        self.engine = ExecutionEngine(self.binder, RuntimeOptions(trace=trace, opt_level=opt_level, tiered=tiered,
                                                                  debug=debug, max_heap=max_heap))
        self.thread = ManagedThread.shared()
        _RUNTIMES[id(self.engine)] = self
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
        """Nothing to release yet: the managed thread is shared by the process's runtimes."""

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
    """A loaded type: call it to create an instance, reach static methods and fields as attributes."""

    def __init__(self, runtime: Runtime, th):
        object.__setattr__(self, "runtime", runtime)
        object.__setattr__(self, "handle", th)

    @property
    def full_name(self) -> str:
        return self.handle.full_name

    def method(self, name: str) -> "MethodGroup":
        """A method group by name, or one overload: "Add(int,int)" / "Add(System.Int32, System.Int32)"."""
        base, candidates = _select(self.handle.methods, name, self.full_name)
        return MethodGroup(self.runtime, self, base, [m for m in candidates if m.is_static] or candidates)

    def __call__(self, *args):
        """Create an instance: the constructor is chosen by the argument types."""
        ctors = [m for m in self.handle.methods if m.is_constructor]
        if not ctors:
            raise TypeError(f"{self.full_name} has no instance constructor")
        if self.handle.is_abstract or self.handle.is_interface:
            raise TypeError(f"cannot create an instance of abstract type {self.full_name}")
        md = MethodGroup(self.runtime, self, ".ctor", ctors).choose(args, instance=True)
        engine = self.runtime.engine
        native = [to_native(a, p, engine) for a, p in zip(args, md.param_types)]
        address = self.runtime.thread.call(engine.construct, self.handle, md, native)
        from .objects import ManagedObject
        return ManagedObject(engine, address)

    def _static_field(self, name):
        for f in self.handle.fields:
            if f.name == name and f.is_static and not f.is_literal:
                return f
        return None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        f = self._static_field(name)
        if f is not None:
            engine = self.runtime.engine
            address = self.runtime.thread.call(engine.static_field_address, f)
            return read_value(address, f.type, engine)
        return self.method(name)

    def __setattr__(self, name, value):
        f = self._static_field(name)
        if f is None:
            raise AttributeError(f"{self.full_name} has no static field '{name}'")
        engine = self.runtime.engine
        address = self.runtime.thread.call(engine.static_field_address, f)
        write_value(address, f.type, value, engine)

    def __repr__(self):
        return f"<ManagedType {self.full_name}>"


def _select(methods, name: str, owner_name: str):
    m = re.fullmatch(r"\s*([^(\s]+)\s*(?:\((.*)\))?\s*", name)
    if not m:
        raise ClrpyError(f"cannot parse the method name {name!r}")
    base, params = m.group(1), m.group(2)
    candidates = [md for md in methods if md.name == base]
    if not candidates:
        raise ClrpyError(f"{owner_name} has no method '{base}'")
    if params is not None:
        wanted = [_type_name(p) for p in params.split(",")] if params.strip() else []
        candidates = [md for md in candidates if [p.full_name for p in md.param_types] == wanted]
        if not candidates:
            raise ClrpyError(f"{owner_name} has no overload {name}")
    return base, candidates


def _type_name(text: str) -> str:
    t = text.strip()
    suffix = ""
    while t.endswith("[]"):
        suffix += "[]"
        t = t[:-2].strip()
    return KEYWORDS.get(t, t) + suffix


class MethodGroup:
    """A callable method group: calling it picks the overload the arguments fit best. Bound to an
    object (instance methods, dispatched virtually) or not (static methods)."""

    def __init__(self, runtime, owner, name, overloads, target=None):
        self.runtime = runtime
        self.owner = owner
        self.name = name
        self.overloads = overloads
        self.target = target

    @classmethod
    def of_instance(cls, obj, name):
        """The instance methods called `name` of `obj`'s type and its ancestors, bound to `obj`."""
        found, seen = [], set()
        t = obj.type
        while t is not None:
            for m in t.methods:
                if m.name == name and not m.is_static and (m.name, tuple(m.param_types)) not in seen:
                    seen.add((m.name, tuple(m.param_types)))
                    found.append(m)
            t = t.parent
        if not found:
            return None
        runtime = _runtime_of(obj.engine)
        return cls(runtime, ManagedType(runtime, obj.type), name, found, obj)

    def choose(self, args, instance=None):
        loader = self.runtime.engine.loader
        want_instance = self.target is not None if instance is None else instance
        best, best_score, tie = None, None, False
        for md in self.overloads:
            if (not md.is_static) != want_instance or len(md.param_types) != len(args):
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
        md = self.choose(args)
        engine = self.runtime.engine
        native = [to_native(a, p, engine) for a, p in zip(args, md.param_types)]
        if self.target is not None:
            md = engine.dispatch.resolve_for_type(self.target.type, md)
            this = self.target.address
            if md.owner.is_value_type:
                this += 16          # a value type's method takes a pointer to the value in the box
            native.insert(0, this)
        raw = self.runtime.thread.call(engine.invoke, md, native)
        return from_native(raw, md.return_type, engine)

    def __repr__(self):
        return f"<MethodGroup {self.owner.full_name}::{self.name} ({len(self.overloads)} overloads)>"


# ManagedMethod was the first name of MethodGroup (static methods only).
ManagedMethod = MethodGroup

_RUNTIMES = {}


def _runtime_of(engine):
    return _RUNTIMES[id(engine)]
