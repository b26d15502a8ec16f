"""The LLVM side of the JIT: target machine, optimisation pipeline, MCJIT engine and linking.

Each compiled method is one LLVM module.
Generated code names everything the runtime owns (entry cells, statics, type handles, string
literals, helpers) as *external* symbols; nothing is an address baked into the code. Just before
a module is linked, the engine binds each external symbol the module declares to the address the
runtime registered for it (`define_symbol`), so the object file LLVM produced is relocatable and
could be saved and linked into another process the same way.

Code is generated for the *large* code model with static relocations: every reference to a symbol
or to the module's own constants is a 64-bit absolute address (`movabsq $sym, %reg`). The small
model's 32-bit PC-relative references assume that code, its constant pools, its unwind tables and
the data it names lie within 2 GB of each other; MCJIT allocates each object's sections separately,
and in a process that maps a lot of memory (a managed heap, many modules, several runtimes in a
test process) they eventually do not, which ended the process in RuntimeDyld's relocation assertion.
The large model costs one ten-byte instruction per reference and measured no slower on the kernels.

MCJIT hands each object file to our object cache before linking it; we keep the bytes and read
their symbol tables for code sizes (`object_file.py`), and store them in the on-disk code cache
(`code_cache.py`): a module whose IR was compiled before, in any run, is linked from there.
"""
import ctypes
import re
import time
from dataclasses import dataclass

import llvmlite.binding as llvm

from ..errors import UnsupportedFeatureError
from .code_cache import CodeCache, default_directory
from .object_file import function_sizes

_initialised = False
_bound = {}             # symbol name -> address bound in LLVM's process-wide symbol table


def _initialise_llvm():
    global _initialised
    if not _initialised:
        llvm.initialize_native_target()
        llvm.initialize_native_asmprinter()
        llvm.initialize_native_asmparser()     # the prestub is module-level assembly
        _initialised = True


_DECLARED = re.compile(r'^(?:declare\b[^@\n]*@|@)("[^"]+"|[\w.$]+)(?:\(| = external global)', re.M)
_DEFINED = re.compile(r'^define\b[^@\n]*@("[^"]+"|[\w.$]+)\(', re.M)


def _declared_and_defined(ir_text: str):
    """The external symbols a module's IR declares and the functions it defines, read from the
    text (a module linked from the code cache is not parsed)."""
    unquote = lambda n: n[1:-1] if n.startswith('"') else n      # noqa: E731
    return ([unquote(n) for n in _DECLARED.findall(ir_text) if not n.startswith("llvm.")],
            [unquote(n) for n in _DEFINED.findall(ir_text)])


@dataclass
class CompiledModule:
    name: str
    addresses: dict         # function name -> native address
    sizes: dict             # function name -> bytes of machine code
    object_code: bytes
    compile_seconds: float


class NativeEngine:
    """Compiles LLVM IR modules to machine code for the host CPU and links them into the process.

    `opt_level` 0 is the quick tier: LLVM's fast instruction selector after only the cheap IR passes
    that turn our allocas into registers and fold the obvious (SROA, instcombine, simplifycfg);
    levels 1-3 run LLVM's standard pipeline and code generator at that level. Several engines (one
    per tier) share one symbol table.
    """

    def __init__(self, opt_level: int = 2, symbols: dict = None, cache_directory=...):
        _initialise_llvm()
        self.opt_level = opt_level
        target = llvm.Target.from_default_triple()
        cpu, features = llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten()
        self.target_machine = target.create_target_machine(
            cpu=cpu, features=features, opt=opt_level, reloc="static", codemodel="large", jit=True)
        if cache_directory is ...:
            cache_directory = default_directory()
        self.cache = (CodeCache(cache_directory, CodeCache.salt_for(llvm.llvm_version_info, cpu, features, opt_level))
                      if cache_directory is not None else None)
        self.triple = llvm.get_process_triple()
        self.data_layout = str(self.target_machine.target_data)
        initial = llvm.parse_assembly("")
        self.ee = llvm.create_mcjit_compiler(initial, self.target_machine)
        self._last_object = None
        # llvmlite finds the module an object-cache callback is about by scanning every module the
        # engine holds, which makes compiling n methods cost O(n^2); look it up by pointer instead.
        self._modules_by_ptr = {ctypes.cast(initial._ptr, ctypes.c_void_p).value: initial}
        self.ee._find_module_ptr = self._find_module
        self.ee.set_object_cache(self._object_compiled, lambda module: None)
        self.symbols = symbols if symbols is not None else {}
        self.modules_compiled = 0

    # -- symbols ---------------------------------------------------------------------------------
    def define_symbol(self, name: str, address: int):
        """Register the address of a runtime datum or helper that generated code may name."""
        self.symbols[name] = address

    def _bind(self, name: str):
        address = self.symbols.get(name)
        if address is None:
            raise UnsupportedFeatureError(f"generated code refers to unknown runtime symbol '{name}'")
        if _bound.get(name) != address:
            llvm.add_symbol(name, address)
            _bound[name] = address

    # -- compilation -----------------------------------------------------------------------------
    def _find_module(self, module_ptr):
        return self._modules_by_ptr.get(ctypes.cast(module_ptr, ctypes.c_void_p).value)

    def _object_compiled(self, module, buffer):
        self._last_object = bytes(buffer)

    def optimise(self, module):
        pto = llvm.create_pipeline_tuning_options(max(self.opt_level, 1))
        pb = llvm.create_pass_builder(self.target_machine, pto)
        if self.opt_level == 0:
            mpm = llvm.create_new_module_pass_manager()
            mpm.add_sroa_pass()
            mpm.add_instruction_combine_pass()
            mpm.add_simplify_cfg_pass()
        else:
            mpm = pb.getModulePassManager()
        mpm.run(module, pb)
        mpm.close()
        pb.close()

    def parse(self, ir_text: str, name: str):
        module = llvm.parse_assembly(ir_text)
        module.name = name
        module.triple = self.triple
        module.data_layout = self.data_layout
        module.verify()
        return module

    def compile(self, ir_text: str, name: str, externals=None, defined=None) -> CompiledModule:
        """Optimise, generate and link one module; return the addresses of its functions.

        `externals` (the symbols the module declares) and `defined` (the functions it defines) save
        walking the module through the FFI when the caller knows them."""
        start = time.perf_counter()
        key = self.cache.key(ir_text) if self.cache is not None else None
        cached = self.cache.load(key) if key is not None else None
        if cached is not None:
            if externals is None or defined is None:
                externals, defined = _declared_and_defined(ir_text)
            return self._link_cached(name, cached, externals, defined, start)
        module = self.parse(ir_text, name)
        if externals is None:
            # Collect the external names before optimising: the optimiser drops unused declarations,
            # but module-level assembly (the prestub) may still refer to them.
            externals = [fn.name for fn in module.functions if fn.is_declaration and not fn.name.startswith("llvm.")]
            externals += [gv.name for gv in module.global_variables if gv.is_declaration]
        self.optimise(module)
        if defined is None:
            defined = [fn.name for fn in module.functions if not fn.is_declaration]
        for symbol in externals:
            if not symbol.startswith("llvm."):
                self._bind(symbol)
        self._last_object = None
        self._modules_by_ptr[ctypes.cast(module._ptr, ctypes.c_void_p).value] = module
        self.ee.add_module(module)
        self.ee.finalize_object()
        addresses = {n: self.ee.get_function_address(n) for n in defined}
        obj = self._last_object or b""
        if key is not None and obj:
            self.cache.store(key, obj)
        sizes = function_sizes(obj)
        self.modules_compiled += 1
        return CompiledModule(name, addresses, sizes, obj, time.perf_counter() - start)

    def _link_cached(self, name, obj: bytes, externals, defined, start) -> CompiledModule:
        """Link an object file from the code cache: bind its symbols, load it, find its functions."""
        for symbol in externals:
            if not symbol.startswith("llvm."):
                self._bind(symbol)
        self.ee.add_object_file(llvm.ObjectFileRef.from_data(obj))
        self.ee.finalize_object()
        addresses = {n: self.ee.get_function_address(n) for n in defined}
        self.modules_compiled += 1
        return CompiledModule(name, addresses, function_sizes(obj), obj, time.perf_counter() - start)

    def assembly(self, ir_text: str, name: str = "listing") -> str:
        """The native assembly LLVM generates for a module (for jitdump); nothing is linked."""
        module = self.parse(ir_text, name)
        self.optimise(module)
        return self.target_machine.emit_assembly(module)

    def optimised_ir(self, ir_text: str, name: str = "listing") -> str:
        module = self.parse(ir_text, name)
        self.optimise(module)
        return str(module)
