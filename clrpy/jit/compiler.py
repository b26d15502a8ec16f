"""The JIT driver: one method in, native code out.

`JitCompiler.compile(method)` imports the method's IL into an LLVM module (importer.py), has the
native engine optimise, generate and link it (engine.py), and returns where the code ended up.
Publishing the result (patching entry cells and vtable slots) is the runtime's job.
"""
import time
from dataclasses import dataclass

from .engine import NativeEngine
from ..cil.decoder import decode
from . import delegates, forwarders
from .icall_wrappers import IcallWrapperImporter
from .importer import MethodImporter


@dataclass
class CompiledMethod:
    method: object
    code: int                       # address of the method's machine code
    code_size: int                  # bytes of machine code
    il_size: int
    tier: int = 1
    ir: str = ""
    seconds: float = 0.0
    linked: object = None           # the engine's CompiledModule: every function's address, the object file


class JitCompiler:
    """`engines` maps a tier (0: quick, 1: optimising) to the NativeEngine that compiles it."""

    def __init__(self, env, engines, keep_ir: bool = False):
        self.env = env
        self.engines = engines
        self.keep_ir = keep_ir
        self.methods_compiled = 0
        self.il_bytes_compiled = 0
        self.seconds = 0.0

    def build_module(self, method, tier: int = 1):
        """The LLVM module for `method`: imported from its IL, or generated for runtime-implemented
        methods (delegates), or a wrapper for an internal call without a native function of its own."""
        if delegates.is_synthesized(method):
            return delegates.generate(self.env, method)
        if method.is_internal_call:
            return IcallWrapperImporter(self.env, method, tier=tier).run()
        replacement = self.env.replacement(method)
        if replacement is not None:
            return forwarders.generate(self.env, method, replacement)
        return MethodImporter(self.env, method, tier=tier).run()

    def has_loops(self, method) -> bool:
        """Does the IL branch backwards (a loop)? Decides the first tier."""
        loops = getattr(method, "has_loops", None)
        if loops is None:
            body = method.module.method_body(method.rid) if method.module is not None else None
            loops = False
            if body is not None:
                instructions = decode(body.code)
                for ins in instructions:
                    if any(t <= ins.offset for t in ins.branch_targets()):
                        loops = True
                        break
                method.decoded_il = (body, instructions)    # the importer takes it: IL decoded once
            method.has_loops = loops
        return loops

    def generate_ir(self, method) -> str:
        """The LLVM IR text for `method` (no code generated)."""
        return self.build_module(method).text()

    def compile(self, method, tier: int = 1) -> CompiledMethod:
        start = time.perf_counter()
        mb = self.build_module(method, tier)
        ir = mb.text()
        linked = self.engines[tier].compile(ir, mb.name, mb.external_symbols(), mb.defined_functions())
        symbol = self.env.method_symbol(method)
        seconds = time.perf_counter() - start
        body = method.module.method_body(method.rid) if not method.is_runtime_implemented else None
        il_size = len(body.code) if body is not None else 0
        self.methods_compiled += 1
        self.il_bytes_compiled += il_size
        self.seconds += seconds
        return CompiledMethod(method, linked.addresses[symbol], linked.sizes.get(symbol, 0), il_size, tier,
                              ir if self.keep_ir else "", seconds, linked)
