"""TypeRef resolution and type forwarding: from a type's name in one module to its TypeDef in another.

A TypeRef row says *where* to look (its ResolutionScope) and *what* to look for (namespace and name):

* scope AssemblyRef: a top-level type of another assembly. The assembly is bound, then the type is
  looked up by name in its manifest module (`find_type`);
* scope TypeRef: a nested type; the enclosing TypeRef is resolved first, and the nested type is looked
  up among the enclosing definition's nested types;
* scope ModuleRef: a type defined in another module (file) of the same assembly;
* scope Module, or nil: this module's own assembly (nil means "look in the ExportedType table",
  ECMA-335 II.22.38).

An assembly may *forward* a type instead of defining it: its ExportedType table then names where the
type went (the Implementation column):

* AssemblyRef: another assembly has it; look there (which may forward again). The facades
  (System.Runtime.dll, netstandard.dll, ...) consist of nothing else;
* File: another module of this multi-module assembly defines it;
* ExportedType: a nested type, forwarded together with its enclosing type.

Forwarders can form chains; a chain that comes back to where it started is a TypeResolutionError
rather than an endless loop. Results are cached per (module, TypeRef rid).
"""
from pathlib import Path

from ..errors import AssemblyResolutionError, TypeResolutionError
from ..metadata.schema import TableId as T

MAX_FORWARDING_HOPS = 64


class TypeResolver:
    """Resolves TypeRefs and follows ExportedType forwarders, binding assemblies through `binder`."""

    def __init__(self, binder):
        self.binder = binder
        self._typerefs = {}          # (Module, TypeRef rid) -> (Module, TypeDef rid)
        self._in_progress = set()    # TypeRefs being resolved (a TypeRef scope cycle is malformed)

    # -- TypeRefs ---------------------------------------------------------------------------------
    def resolve_typeref(self, module, typeref_rid: int):
        key = (module, typeref_rid)
        result = self._typerefs.get(key)
        if result is None:
            if key in self._in_progress:
                raise TypeResolutionError(f"TypeRef 0x{0x01000000 | typeref_rid:08x} of {_where(module)} "
                                          f"is nested in itself (its ResolutionScope chain is a cycle)")
            self._in_progress.add(key)
            try:
                result = self._resolve_typeref(module, typeref_rid)
            finally:
                self._in_progress.discard(key)
            self._typerefs[key] = result
        return result

    def _resolve_typeref(self, module, rid: int):
        row = module.tables[T.TypeRef][rid]
        scope = row.resolution_scope
        if scope.is_nil or scope.table == T.Module:
            return self.find_type(module, row.type_namespace, row.type_name)
        if scope.table == T.TypeRef:
            outer_module, outer_rid = self.resolve_typeref(module, scope.rid)
            return self._nested(outer_module, outer_rid, row.type_name)
        if scope.table == T.AssemblyRef:
            target = self.binder.resolve_assembly_ref(module, scope.rid)
            return self.find_type(target, row.type_namespace, row.type_name)
        # ModuleRef: another module of this assembly defines it (no forwarding inside an assembly).
        target = self._module_file(module, module.tables[T.ModuleRef][scope.rid].name)
        return self._definition(target, row.type_namespace, row.type_name)

    # -- lookup by name, following forwarders ------------------------------------------------------
    def find_type(self, module, namespace: str, name: str):
        """(Module, TypeDef rid) of top-level type namespace.name of `module`, following forwarders."""
        return self._find(module, namespace, name, chain=())

    def _find(self, module, namespace, name, chain):
        rid = module.find_type(namespace, name)
        if rid:
            return module, rid
        exported = module.find_exported_type(namespace, name)
        if not exported:
            raise TypeResolutionError(f"type '{_full_name(namespace, name)}' is neither defined nor forwarded "
                                      f"by {_where(module)}")
        return self._follow(module, exported, chain)

    def resolve_exported_type(self, module, exported_rid: int):
        """(Module, TypeDef rid) of the type ExportedType row `exported_rid` of `module` stands for."""
        return self._follow(module, exported_rid, chain=())

    def _follow(self, module, exported_rid, chain):
        """Follow one ExportedType row to the definition it leads to."""
        row = module.tables[T.ExportedType][exported_rid]
        step = (module, exported_rid)
        if step in chain or len(chain) >= MAX_FORWARDING_HOPS:
            raise TypeResolutionError(f"type '{_full_name(row.type_namespace, row.type_name)}' is forwarded in a "
                                      f"cycle: {_describe_chain(chain + (step,))}")
        chain = chain + (step,)
        impl = row.implementation
        if impl.table == T.AssemblyRef:
            target = self.binder.resolve_assembly_ref(module, impl.rid)
            return self._find(target, row.type_namespace, row.type_name, chain)
        if impl.table == T.ExportedType:
            outer_module, outer_rid = self._follow(module, impl.rid, chain)
            return self._nested(outer_module, outer_rid, row.type_name)
        # File: defined in another module of this assembly; TypeDefId is a hint for its rid there.
        target = self._module_file(module, module.tables[T.File][impl.rid].name)
        return self._definition(target, row.type_namespace, row.type_name, hint=row.type_def_id)

    # -- definitions ---------------------------------------------------------------------------------
    @staticmethod
    def _nested(module, enclosing_rid, name):
        rid = module.find_nested_type(enclosing_rid, name)
        if not rid:
            raise TypeResolutionError(f"type '{module.typedef_name(enclosing_rid)}/{name}' is not defined by "
                                      f"{_where(module)}")
        return module, rid

    @staticmethod
    def _definition(module, namespace, name, hint=0):
        """A TypeDef of `module` itself (types in another file of an assembly are defined, never forwarded)."""
        table = module.tables[T.TypeDef]
        hint &= 0xFFFFFF             # some compilers (mcs) store a whole TypeDef token, others a rid
        if 1 <= hint <= table.num_rows and not module.enclosing_type(hint):
            row = table[hint]
            if row.type_namespace == namespace and row.type_name == name:
                return module, hint
        rid = module.find_type(namespace, name)
        if not rid:
            raise TypeResolutionError(f"type '{_full_name(namespace, name)}' is not defined by {_where(module)}")
        return module, rid

    def _module_file(self, module, file_name: str):
        """Another module (file) of `module`'s assembly: it lives in the same directory."""
        directory = Path(module.path).parent if module.path else Path(".")
        path = directory / file_name
        if not path.is_file():
            raise AssemblyResolutionError(_assembly_text(module), [str(directory)],
                                          f"its module file {file_name} is missing")
        return self.binder.load_file(path)


def _full_name(namespace: str, name: str) -> str:
    return f"{namespace}.{name}" if namespace else name


def _assembly_text(module) -> str:
    identity = module.assembly_name
    return str(identity) if identity is not None else f"module {module.name}"


def _where(module) -> str:
    """"assembly 'Name, Version=..., ...' (path)" for messages."""
    identity = module.assembly_name
    what = f"assembly '{identity}'" if identity is not None else f"module '{module.name}'"
    return f"{what} ({module.path})" if module.path else what


def _describe_chain(chain) -> str:
    parts = []
    for module, rid in chain:
        row = module.tables[T.ExportedType][rid]
        identity = module.assembly_name
        parts.append(f"{identity.name if identity else module.name}!{_full_name(row.type_namespace, row.type_name)}")
    return " -> ".join(parts)
