"""Sequence points: the IL offsets a stack trace reports.

A frame of a stack trace names an IL offset. The native code only knows the address of a call
(or of the check that raised), so the JIT attaches to every call a "line" — the IL offset of the
last *sequence point* before it — which the DWARF line table carries (ir_builder.py,
object_file.py) and runtime/stack_traces.py reads back.

Which offsets are sequence points decides what users see; clrpy places them where Mono's JIT does
(without debug symbols), so that traces read the same under both runtimes:

* an instruction that begins with an empty evaluation stack (the start of a C# statement);
* the instruction after a `call`, `callvirt` or `newobj`, even with values on the stack, so
  `return new Derived().Work(6)` reports the offset after the `newobj` for a throw inside Work;
* except after a `newobj` of a class-library exception whose constructor takes at most two strings
  in a block that throws: Mono builds those through an internal helper, not a managed call, and so
  places no sequence point after them (`throw new ArgumentException("x")` reports the statement).

With debug symbols, the symbol file's sequence points give file and line instead
(metadata/debug_symbols.py).
"""
CALL_OPCODES = frozenset(("call", "callvirt", "newobj"))


def is_exception_icall(importer, instruction) -> bool:
    """Is this a `newobj` that Mono compiles as a call to its exception-creating helper?"""
    if instruction.opcode.name != "newobj" or not _block_throws(importer, instruction):
        return False
    ctor = importer._resolve_method(instruction.operand)
    owner = ctor.owner
    loader = importer.loader
    if owner.module is not loader.corlib or owner.generic_args:
        return False
    if len(ctor.param_types) > 2 or any(p is not loader.string_type for p in ctor.param_types):
        return False
    exception = loader.corlib_type("System", "Exception")
    return owner is exception or owner.is_subclass_of(exception)


def _block_throws(importer, instruction) -> bool:
    """Does the basic block holding `instruction` end in (or contain) a `throw`?"""
    cache = importer.__dict__.setdefault("_throwing_blocks", {})
    start = max((b for b in importer.block_order if b <= instruction.offset), default=0)
    if start not in cache:
        ends = [b for b in importer.block_order if b > start]
        end = ends[0] if ends else 1 << 31
        cache[start] = any(i.opcode.name == "throw" for i in importer.instructions if start <= i.offset < end)
    return cache[start]
