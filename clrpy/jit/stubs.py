"""Lazy-compile stubs: the temporary entry point of a method that is not compiled yet.

A stub has exactly the signature of its method. It asks the runtime to compile the method
(`clrpy_jit_compile`, which also patches the method's entry cell), then tail-calls the fresh
code with its own arguments, so the first call proceeds as if the code had always been there. If
compilation failed, the runtime has left an exception pending and the stub returns a zero value
for the caller's pending-exception test to find.

Stubs are emitted into the module of a caller (a few instructions each, compiled with it), under
a name unique to that module; the runtime points the callee's cell at the stub when it links the
module, unless the cell already holds something better.
"""
from .abi import method_llvm_signature
from .helpers import HELPERS
from .ir_builder import FunctionBuilder, Value


def emit_lazy_stub(importer, md):
    mb = importer.mb
    stubs = getattr(mb, "stubs", None)
    if stubs is None:
        stubs = mb.stubs = {}
    if md in stubs:
        return
    env = importer.env
    name = env.stub_symbol(md, mb.name)
    ret, params, attrs, sret = method_llvm_signature(md)
    rattr = ""
    if md.return_type is not None and not sret:
        from .abi import type_rep
        rattr = type_rep(md.return_type).ext_attr
    fb = FunctionBuilder(name, f"{rattr + ' ' if rattr else ''}{ret}", params, param_attrs=attrs)
    h = HELPERS["clrpy_jit_compile"]
    compile_fn = mb.declare(h.name, h.ret, h.params)
    mid = mb.external_global(env.method_id_symbol(md))
    code = fb.call("ptr", compile_fn, [Value("i64", f"ptrtoint (ptr {mid.ref} to i64)")])
    ok = fb.icmp("ne", code, Value("ptr", "null"))
    go, fail = fb.block("go"), fb.block("failed")
    fb.cbr(ok, go, fail, "likely")
    fb.at(go)
    r = fb.call(f"{rattr + ' ' if rattr else ''}{ret}", code.ref, fb.params, tail="musttail", arg_attrs=attrs)
    fb.ret(Value(ret, r.ref) if ret != "void" else None)
    fb.at(fail)
    if ret == "void":
        fb.ret()
    else:
        fb.ret(importer.zero(ret))
    mb.add(fb)
    stubs[md] = name
