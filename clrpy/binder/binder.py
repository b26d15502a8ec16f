"""The assembly binder: from an assembly reference to the Module that satisfies it.

Every AssemblyRef row names an assembly by identity (name, version, culture, public key token); the
binder finds the file, as the CLR's loader does:

1. **The core library.** A reference to mscorlib, whatever its version, is the runtime's own
   corlib: the mscorlib.dll of the class libraries. There is one per runtime.
2. **Unification** (`version_policy.unify`). A reference to a framework assembly (framework key,
   present in the class libraries) is retargeted to the installed version.
3. **Already bound.** If an assembly that satisfies the (retargeted) reference is loaded, it is the
   answer: one identity, one Module, for the life of the binder.
4. **Probing** (`probing`). Otherwise the search list is walked: the application directory, the
   class libraries and Facades/, the probing paths, and last the requesting assembly's own
   directory; in each, NAME.dll then NAME.exe (in a culture subdirectory for satellite assemblies).
   The first file whose identity satisfies the reference (`version_policy.check_match`) wins.
   Files that are found but do not match are remembered, so that the error can say why.

Binding is lazy: it stats candidate files and opens only those (opening maps the file and decodes
its headers, see `Module.open`). Files are cached by real path, so a file opened twice (through a
symlink, from two references) is one Module.

TypeRef resolution and type forwarding live in `type_resolution.py`; this class exposes them.
"""
import os
from pathlib import Path

from ..errors import AssemblyResolutionError
from ..metadata.identity import AssemblyName
from ..metadata.module import Module
from . import version_policy
from .framework import CORLIB_FILE, FrameworkLocation, locate_framework
from .probing import (SearchPath, as_search_path, build_search_list, candidate_files, dedupe,
                      probe_paths_from_env)
from .type_resolution import TypeResolver


class AssemblyBinder:
    """Binds assembly references to Modules and resolves type references across assemblies."""

    def __init__(self, app_dir=None, framework_dir=None, probe_paths=(), *, environ=None):
        """`framework_dir` None means: CLRPY_FRAMEWORK_DIR, else Mono's installation (see framework.py).

        `probe_paths` are searched before the directories of CLRPY_PROBE_PATH. `environ` replaces
        os.environ (for tests and embedders).
        """
        self.framework: FrameworkLocation = locate_framework(framework_dir, "framework_dir argument", environ)
        self.app_dir = Path(os.path.abspath(app_dir)) if app_dir is not None else None
        self.probe_paths = [as_search_path(p, "probing path") for p in probe_paths] + probe_paths_from_env(environ)
        self._search = build_search_list(self.app_dir, self.framework, self.probe_paths)
        self._by_path = {}           # real path -> Module, for every file opened
        self._by_name = {}           # casefolded simple name -> [Module], the assemblies loaded or bound
        self._bindings = {}          # AssemblyName as referenced -> Module
        self._installed = {}         # (casefolded name, culture) -> framework Module or None
        self._assembly_refs = {}     # (Module, AssemblyRef rid) -> Module
        self._corlib = None
        self.types = TypeResolver(self)

    # -- configuration ---------------------------------------------------------------------------
    @property
    def framework_dir(self) -> Path | None:
        """The class-library directory (None when no class libraries were found)."""
        return self.framework.directory

    @property
    def facades_dir(self) -> Path | None:
        return self.framework.facades

    def search_paths(self):
        """The directories probed for every reference, in order, as SearchPath(directory, origin)."""
        return list(self._search)

    # -- loading files ---------------------------------------------------------------------------
    def load_file(self, path) -> Module:
        """Open a module by path (cached by real path) and make its assembly known to binding."""
        module = self._open(path)
        self._register(module)
        return module

    def loaded_assemblies(self):
        """The manifest modules loaded or bound so far (grouped by simple name)."""
        return [m for modules in self._by_name.values() for m in modules]

    def _open(self, path) -> Module:
        key = os.path.realpath(path)
        module = self._by_path.get(key)
        if module is None:
            module = Module.open(path)
            self._by_path[key] = module
        return module

    def _adopt(self, module: Module):
        """Make a module opened elsewhere (Module.open) known, so references to its own assembly find it."""
        if module.path and os.path.realpath(module.path) not in self._by_path:
            self._by_path[os.path.realpath(module.path)] = module
            self._register(module)

    def _register(self, module: Module):
        identity = module.assembly_name
        if identity is None:
            return                   # a netmodule: reachable through its assembly's File table only
        same_name = self._by_name.setdefault(identity.name.casefold(), [])
        if module not in same_name:
            same_name.append(module)

    # -- the core library ------------------------------------------------------------------------
    @property
    def corlib(self) -> Module:
        """The runtime's mscorlib (from the class libraries)."""
        if self._corlib is None:
            self._corlib = self._load_corlib()
        return self._corlib

    def _load_corlib(self) -> Module:
        name = "mscorlib"
        if not self.framework.exists:
            raise AssemblyResolutionError(name, self._framework_dirs_named(), self.framework.describe_missing())
        path = self.framework.directory / CORLIB_FILE
        if not path.is_file():
            raise AssemblyResolutionError(name, [str(self.framework.directory)],
                                          f"the class-library directory (from the {self.framework.origin}) "
                                          f"has no {CORLIB_FILE}")
        return self.load_file(path)

    def _framework_dirs_named(self):
        if self.framework.directory is not None:
            return [str(self.framework.directory)]
        return [str(c) for c in self.framework.candidates]

    # -- binding ---------------------------------------------------------------------------------
    def bind(self, name: AssemblyName, requester: Module | None = None) -> Module:
        """The Module of the assembly that satisfies reference `name` (see the module docstring)."""
        module = self._bindings.get(name)
        if module is None:
            module = self._bind(name, requester)
            self._bindings[name] = module
        return module

    def resolve_assembly_ref(self, module: Module, assemblyref_rid: int) -> Module:
        """The Module that AssemblyRef row `assemblyref_rid` of `module` binds to."""
        key = (module, assemblyref_rid)
        target = self._assembly_refs.get(key)
        if target is None:
            self._adopt(module)
            target = self.bind(module.assembly_ref(assemblyref_rid), requester=module)
            self._assembly_refs[key] = target
        return target

    def _bind(self, name: AssemblyName, requester) -> Module:
        if version_policy.is_corlib(name):
            return self.corlib
        wanted = version_policy.unify(name, self._installed_identity(name))
        return self._loaded_match(wanted) or self._probe(name, wanted, requester)

    def _installed_identity(self, name: AssemblyName):
        """The identity of the class-library file called like `name`, if `name` may be a framework reference."""
        if not version_policy.is_framework_token(name.public_key_token):
            return None
        key = (name.name.casefold(), name.culture.casefold())
        if key not in self._installed:
            self._installed[key] = self._find_in_framework(name)
        module = self._installed[key]
        return module.assembly_name if module is not None else None

    def _find_in_framework(self, name: AssemblyName):
        for directory in self.framework.directories:
            for path in candidate_files(directory, name.name, name.culture):
                if path.is_file():
                    return self._open(path)
        return None

    def _loaded_match(self, wanted: AssemblyName):
        for module in self._by_name.get(wanted.name.casefold(), ()):
            if version_policy.check_match(wanted, module.assembly_name) is None:
                return module
        return None

    def _probe(self, name: AssemblyName, wanted: AssemblyName, requester) -> Module:
        rejected = []
        directories = self._directories_for(requester)
        for entry in directories:
            for path in candidate_files(entry.directory, wanted.name, wanted.culture):
                if not path.is_file():
                    continue
                module = self._open(path)
                why_not = self._why_not(wanted, module)
                if why_not is None:
                    self._register(module)
                    return module
                rejected.append(f"{path} does not match ({why_not})")
        raise self._not_found(name, wanted, directories, rejected)

    @staticmethod
    def _why_not(wanted: AssemblyName, module: Module):
        found = module.assembly_name
        if found is None:
            return "it is a module without an assembly manifest"
        return version_policy.check_match(wanted, found)

    def _directories_for(self, requester):
        """The search list, plus the requesting assembly's own directory as the last resort."""
        entries = list(self._search)
        if requester is not None and requester.path:
            entries.append(SearchPath(Path(os.path.abspath(requester.path)).parent,
                                      "directory of the requesting assembly"))
        return dedupe(entries)

    def _not_found(self, name, wanted, directories, rejected) -> AssemblyResolutionError:
        details = []
        if wanted != name:
            details.append(f"unified to version {wanted.version_text} of the class libraries")
        details.extend(rejected)
        if not rejected:
            details.append("no file " + " or ".join(p.name for p in candidate_files(Path("."), wanted.name))
                           + (f" in a {wanted.culture} subdirectory" if wanted.culture else "") + " was found")
        if not self.framework.exists:
            details.append(self.framework.describe_missing())
        return AssemblyResolutionError(str(name), [str(d) for d in directories], "; ".join(details))

    # -- types (see type_resolution.py) ----------------------------------------------------------
    def resolve_typeref(self, module: Module, typeref_rid: int):
        """(Module, TypeDef rid) of the type that TypeRef row `typeref_rid` of `module` names."""
        return self.types.resolve_typeref(module, typeref_rid)

    def find_type(self, module: Module, namespace: str, name: str):
        """(Module, TypeDef rid) of top-level type namespace.name of `module`'s assembly, following forwarders."""
        return self.types.find_type(module, namespace, name)

    def resolve_exported_type(self, module: Module, exported_type_rid: int):
        """(Module, TypeDef rid) of the type an ExportedType row of `module` stands for."""
        return self.types.resolve_exported_type(module, exported_type_rid)
