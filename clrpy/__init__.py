"""clrpy: a Common Language Runtime written in Python.

Layers, lowest first (see ARCHITECTURE.md): `metadata` reads PE/COFF images and ECMA-335 metadata,
`cil` decodes IL, `binder` turns assembly references into files, `validation` checks images
before they run, and `cli` is the command-line front end.
"""
__version__ = "0.1.0"
