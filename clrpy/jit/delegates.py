"""Delegates: the runtime-implemented constructor and Invoke of every delegate type.

A delegate type's `.ctor(object, native int)` and `Invoke(...)` have no IL (ECMA-335 II.14.6); the
runtime provides them. We generate their code directly, using Mono's Delegate layout (the class
library reads and writes the same fields):

    .ctor(target, fp):  m_target = target; method_ptr = fp
    Invoke(args):       if delegates != null: call each element's Invoke in order, return the last
                        result (a multicast delegate built by Delegate.Combine);
                        else if m_target == null: fp(args)          (a static method, or an open
                                                                      instance method whose `this`
                                                                      is the first argument)
                        else: fp(m_target, args)                    (an instance method, or a static
                                                                      method closed over its first
                                                                      argument)

`fp` is whatever ldftn/ldvirtftn produced: a method's code, or its precode until it is compiled.
For an instance method of a value type the importer passes the method's unboxing stub, because
the target is then a box.
"""
from .abi import StackKind as K, method_llvm_signature, type_rep
from .ir_builder import FunctionBuilder, ModuleBuilder, Value, const
from ..typesys.object_layout import ARRAY_DATA_OFFSET, ARRAY_LENGTH_OFFSET


def is_synthesized(md) -> bool:
    """Methods whose code this module generates."""
    return md.is_runtime_implemented and md.owner.is_delegate and md.name in (".ctor", "Invoke")


def _field(th, name):
    t = th
    while t is not None:
        for f in t.fields:
            if f.name == name and not f.is_static:
                t.ensure_layout()
                return f
        t = t.parent
    return None


def generate(env, md) -> ModuleBuilder:
    symbol = env.method_symbol(md)
    mb = ModuleBuilder(symbol)
    ret, params, attrs, sret = method_llvm_signature(md)
    rattr = type_rep(md.return_type).ext_attr if md.return_type is not None and not sret else ""
    fn = FunctionBuilder(symbol, f"{rattr + ' ' if rattr else ''}{ret}", params, param_attrs=attrs)
    owner = md.owner
    if md.name == ".ctor":
        this, target, fp = fn.params[0], fn.params[1], fn.params[2]
        fn.store(target, fn.gep(this, _field(owner, "m_target").offset), 8)
        fn.store(fn.cast("inttoptr", fp, "ptr") if fp.type == "i64" else fp,
                 fn.gep(this, _field(owner, "method_ptr").offset), 8)
        fn.ret()
        mb.add(fn)
        return mb
    _invoke(env, mb, fn, md, ret, attrs, sret, rattr)
    mb.add(fn)
    return mb


def _invoke(env, mb, fn, md, ret, attrs, sret, rattr):
    owner = md.owner
    sret_args = [fn.params[0]] if sret else []
    this = fn.params[1 if sret else 0]
    rest = fn.params[(2 if sret else 1):]
    rest_attrs = attrs[(2 if sret else 1):]
    ret_t = f"{rattr + ' ' if rattr else ''}{ret}"
    zero = None if ret == "void" else _zero(ret)
    pending = mb.external_global("clrpy_pending_exception")

    def call(fp_ref, args, arg_attrs):
        r = fn.call(ret_t, fp_ref, args, arg_attrs=arg_attrs)
        return Value(ret, r.ref) if ret != "void" else None

    delegates_f = _field(owner, "delegates")
    single = fn.block("single")
    if delegates_f is not None:
        dels = fn.load("ptr", fn.gep(this, delegates_f.offset), 8)
        multi = fn.block("multi")
        fn.cbr(fn.icmp("eq", dels, Value("ptr", "null")), single, multi, "likely")
        fn.at(multi)
        _multicast(env, mb, fn, md, dels, sret_args, rest, ret, ret_t, attrs, zero, pending)
    else:
        fn.br(single)
    fn.at(single)
    target = fn.load("ptr", fn.gep(this, _field(owner, "m_target").offset), 8)
    fp = fn.load("ptr", fn.gep(this, _field(owner, "method_ptr").offset), 8)
    static, instance = fn.block("static"), fn.block("instance")
    fn.cbr(fn.icmp("eq", target, Value("ptr", "null")), static, instance)
    fn.at(static)
    r = call(fp.ref, sret_args + list(rest), ([attrs[0]] if sret else []) + list(rest_attrs))
    fn.ret(r)
    fn.at(instance)
    r = call(fp.ref, sret_args + [target] + list(rest),
             ([attrs[0]] if sret else []) + [""] + list(rest_attrs))
    fn.ret(r)


def _multicast(env, mb, fn, md, dels, sret_args, rest, ret, ret_t, attrs, zero, pending):
    """Call each delegate of the invocation list through this same Invoke; return the last result."""
    cell = mb.external_global(env.cell_symbol(md))
    n = fn.load("i64", fn.gep(dels, ARRAY_LENGTH_OFFSET), 8)
    counter = fn.alloca("i64", 8)            # allocas live in the entry block; mem2reg promotes them
    last = fn.alloca(ret, 8) if ret != "void" else None
    fn.store(const("i64", 0), counter)
    loop, body, done = fn.block("loop"), fn.block("call_each"), fn.block("done")
    fn.br(loop)
    fn.at(loop)
    idx = fn.load("i64", counter)
    fn.cbr(fn.icmp("slt", idx, n), body, done)
    fn.at(body)
    d = fn.load("ptr", fn.gep(fn.gep(dels, ARRAY_DATA_OFFSET), fn.binop("mul", idx, const("i64", 8))), 8)
    code = fn.load("ptr", cell, 8)
    args = [d] + list(rest)
    r = fn.call(ret_t, code.ref, sret_args + args, arg_attrs=attrs)
    if last is not None:
        fn.store(Value(ret, r.ref), last)
    p = fn.load("ptr", pending, 8)
    cont, bail = fn.block("next"), fn.block("bail")
    fn.cbr(fn.icmp("ne", p, Value("ptr", "null")), bail, cont, "unlikely")
    fn.at(bail)
    fn.ret(zero)
    fn.at(cont)
    fn.store(fn.binop("add", idx, const("i64", 1)), counter)
    fn.br(loop)
    fn.at(done)
    fn.ret(fn.load(ret, last) if last is not None else None)


def _zero(llvm_type):
    if llvm_type == "ptr":
        return Value("ptr", "null")
    if llvm_type in ("float", "double"):
        return Value(llvm_type, "0.0")
    return Value(llvm_type, "0")
