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

With debug symbols (`clrpy run --debug`, as `mono --debug`) the symbol file's sequence points are
the only ones (mcs puts them at statement starts and at calls; metadata/debug_symbols.py), and a
frame names the last of them laid out before the faulting instruction in *Mono's* code order
(`debug_il_offsets`), so that traces match Mono's offset for offset, and so line for line.
Mono lays a block that ends in `throw` and is the fall-through of a conditional branch in the
same protected region out of line, after the whole method; its seq-point lookup then takes the
last point, in IL order, whose native code comes before the address — so a throw in such a block
reports the method's last sequence point before it in that layout (typically the closing brace),
not the throw statement. docs/debug-symbols.md shows examples.
"""
from ..cil.opcodes import Flow
from ..metadata.method_body import ClauseKind

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


def debug_il_offsets(importer, points) -> dict:
    """{instruction offset: the IL offset a frame stopped there reports} when the method's
    sequence points are `points` (IL offsets from its symbol file); -1 before the first one."""
    instructions = importer.instructions
    starts = importer.block_order
    clauses = importer.body.clauses
    preceding = {}
    blocks = {s: [] for s in starts}
    current = None
    prev = None
    for i in instructions:
        if i.offset in blocks:
            current = i.offset
        blocks[current].append(i)
        preceding[i.offset] = prev
        prev = i

    def region(offset):
        return tuple((k, "try" if c.try_offset <= offset < c.try_end else "handler")
                     for k, c in enumerate(clauses)
                     if c.try_offset <= offset < c.try_end or c.handler_offset <= offset < c.handler_end
                     or (c.kind == ClauseKind.FILTER and c.filter_offset <= offset < c.handler_offset))

    def out_of_line(start):
        body = blocks[start]
        if not body or body[-1].opcode.name != "throw":
            return False
        p = preceding.get(start)
        return (p is not None and p.opcode.flow is Flow.COND_BRANCH and p.opcode.name != "switch"
                and region(p.offset) == region(start))

    moved = [s for s in starts if out_of_line(s)]
    layout = [s for s in starts if s not in moved] + moved
    wanted = set(points)
    best = -1
    out = {}
    for s in layout:
        for i in blocks[s]:
            if i.offset in wanted and i.offset > best:
                best = i.offset
            out[i.offset] = best
    return out
