"""The embedding API: load .NET assemblies into a runtime and call managed code from Python.

    import clrpy
    rt = clrpy.Runtime()
    calc = rt.load("lib.dll").type("Ns.Calc")
    calc.method("Add")(2, 3)            # overload chosen from the Python argument types
    calc.method("Add(long,long)")(2, 3) # or named by signature
    p = asm.type("Ns.Point")(1, 2)      # construct; p.X reads a field; p.Length() calls a method
"""
from .objects import ManagedObject  # noqa: F401
from .runtime import Assembly, ManagedMethod, ManagedType, MethodGroup, Runtime  # noqa: F401
