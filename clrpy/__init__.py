"""clrpy: a Common Language Runtime written in Python.

Layers, lowest first (see ARCHITECTURE.md): `metadata` reads PE/COFF images and ECMA-335 metadata,
`cil` decodes IL, `binder` turns assembly references into files, `validation` checks images
before they run, and `cli` is the command-line front end.
"""
__version__ = "0.1.0"


def __getattr__(name):
    # The embedding API is imported on first use, so `import clrpy` stays cheap for the loader tools.
    if name in ("Runtime", "Assembly", "ManagedType", "ManagedMethod"):
        from . import api
        return getattr(api, name)
    if name == "ManagedException":
        from .runtime.exceptions import ManagedException
        return ManagedException
    raise AttributeError(f"module 'clrpy' has no attribute {name!r}")
