"""Forwarders: the code of a managed method whose body the runtime provides instead of its IL.

A few class-library methods are replaced by the runtime (icalls/registry.py `@replaces`): their IL
would need information only the runtime has. They are still ordinary methods to callers (entry
cells, vtable slots), so each gets a one-call function with the method's own signature that passes
its arguments on to the runtime's implementation.
"""
from .abi import method_llvm_signature, type_rep
from .ir_builder import FunctionBuilder, ModuleBuilder, Value


def generate(env, md, target_symbol: str) -> ModuleBuilder:
    symbol = env.method_symbol(md)
    mb = ModuleBuilder(symbol)
    ret, params, attrs, sret = method_llvm_signature(md)
    rattr = type_rep(md.return_type).ext_attr if md.return_type is not None and not sret else ""
    ret_t = f"{rattr + ' ' if rattr else ''}{ret}"
    fn = FunctionBuilder(symbol, ret_t, params, param_attrs=attrs, attrs=env.function_attrs(md))
    callee = mb.declare(target_symbol, ret, params)
    r = fn.call(ret_t, callee, fn.params, arg_attrs=attrs)
    fn.ret(Value(ret, r.ref) if ret != "void" else None)
    mb.add(fn)
    return mb
