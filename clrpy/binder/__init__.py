"""Assembly binding: from an AssemblyRef to a file, and from a TypeRef to its definition.

`AssemblyBinder` is the entry point (binder.py); the rules it applies are split by concept:
framework.py finds the class libraries, probing.py lists the files to try, version_policy.py
decides which identity satisfies a reference, and type_resolution.py follows TypeRefs and type
forwarders. docs/binder.md describes the design.
"""
from .binder import AssemblyBinder
from .framework import FRAMEWORK_DIR_ENV, FrameworkLocation, locate_framework
from .probing import PROBE_PATH_ENV, SearchPath

__all__ = ["AssemblyBinder", "FrameworkLocation", "locate_framework", "SearchPath",
           "FRAMEWORK_DIR_ENV", "PROBE_PATH_ENV"]
