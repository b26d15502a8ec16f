"""Exception handling in generated code: protected regions, the two passes, handlers (docs/exceptions.md).

An exception propagates as the *pending* word: set by `clrpy_raise` (native), tested after every
call that may raise. ECMA-335 requires two passes (I.12.4.2.5): first find the handler, running
filters on the way, *then* unwind, running finally and fault blocks. We split them so that the
common paths stay native and cheap:

* **First pass.** Methods with catch or filter clauses *register* a frame record on entry
  ({prev; search function; locals; site}) and keep its `site` word up to date at each block (which
  set of try regions encloses the code). `clrpy_raise` walks the records from the innermost and
  calls each method's *search function*, generated here, which tests the catch types and runs the
  filters enclosing the recorded site, and returns the clause that takes the exception. The first
  hit is remembered (`clrpy_eh_target`, `clrpy_eh_handler`); nothing is unwound yet.
* **Second pass.** As the exception propagates by return, each method's *dispatch* code for the
  site where it noticed the exception walks the enclosing clauses, innermost first: a finally or
  fault block runs (with the pending word cleared meanwhile, so calls inside it behave normally, and
  restored after), and the chosen catch or filter handler is entered when this frame is the target.
  With no handler here the method returns, and its caller does the same.

Methods without catch clauses pay nothing for this but the pending test after calls; methods with
them pay a frame record and a store per block. Filters run in the search function, a separate
LLVM function that reaches the method's arguments and locals through the frame record: methods with
filters keep them in one block of memory (`storage`) whose address the record holds. An exception
escaping a filter stops at a *barrier* record pushed around the filter and counts as false.
"""
from ...metadata.method_body import ClauseKind
from ..abi import StackKind as K, type_rep
from ..helpers import EH_HANDLER, EH_TARGET, FRAME_CHAIN, PENDING_EXCEPTION
from ..ir_builder import FunctionBuilder, Value, const

FRAME_PREV, FRAME_SEARCH, FRAME_LOCALS, FRAME_SITE = 0, 8, 16, 24
FRAME_SIZE = 32
BARRIER_HANDLER = 0x7FFFFFFF


class EHMixin:
    # -- analysis ------------------------------------------------------------------------------------
    def analyse_eh(self):
        clauses = list(self.body.clauses)
        self.clauses = clauses
        self.needs_frame = any(c.kind in (ClauseKind.EXCEPTION, ClauseKind.FILTER) for c in clauses)
        self.has_filters = any(c.kind == ClauseKind.FILTER for c in clauses)
        self._site_ids = {(): 0}
        self._dispatch_blocks = {}
        self._catch_entries = {}
        self.frame_record = None

    def candidates(self, offset: int) -> tuple:
        """Indices of the clauses whose try block contains `offset`, innermost first (table order)."""
        return tuple(i for i, c in enumerate(self.clauses) if c.try_offset <= offset < c.try_end)

    def site_id(self, offset: int) -> int:
        cands = self.candidates(offset)
        sid = self._site_ids.get(cands)
        if sid is None:
            sid = self._site_ids[cands] = len(self._site_ids)
        return sid

    def handler_ranges(self):
        """(start, end, clause) of every handler and filter block."""
        out = []
        for c in self.clauses:
            out.append((c.handler_offset, c.handler_end, c))
            if c.kind == ClauseKind.FILTER:
                out.append((c.filter_offset, c.handler_offset, c))
        return out

    def filter_ranges(self):
        return [(c.filter_offset, c.handler_offset) for c in self.clauses if c.kind == ClauseKind.FILTER]

    # -- the frame record ----------------------------------------------------------------------------
    def emit_frame_registration(self):
        """Prologue of a method with catch clauses: link a frame record into the thread's chain."""
        if not self.needs_frame:
            return
        fn = self.fn
        rec = fn.alloca("[32 x i8]", 16)
        self.frame_record = rec
        chain = self.mb.external_global(FRAME_CHAIN)
        fn.store(fn.load("ptr", chain, 8), fn.gep(rec, FRAME_PREV), 8)
        search = self.search_symbol()
        fn.store(Value("ptr", f'@"{search}"'), fn.gep(rec, FRAME_SEARCH), 8)
        fn.store(self.storage if self.has_filters else Value("ptr", "null"), fn.gep(rec, FRAME_LOCALS), 8)
        fn.store(const("i32", 0), fn.gep(rec, FRAME_SITE), 4)
        fn.store(rec, chain, 8)

    def emit_frame_unlink(self):
        """Before leaving a method with a frame record (return or exception exit)."""
        if self.frame_record is None:
            return
        fn = self.fn
        prev = fn.load("ptr", fn.gep(self.frame_record, FRAME_PREV), 8)
        fn.store(prev, self.mb.external_global(FRAME_CHAIN), 8)

    def note_site(self, offset: int):
        """At a block's start: record which try regions enclose the code that runs next."""
        if self.frame_record is not None:
            self.fn.store(const("i32", self.site_id(offset)), fn_gep(self.fn, self.frame_record, FRAME_SITE), 4)

    def search_symbol(self) -> str:
        return "search:" + self.symbol[2:]

    # -- second pass: dispatch at a site -------------------------------------------------------------
    def exception_target(self) -> Value:
        """Where to go when an exception is pending at the current IL offset (as a block)."""
        cands = self.candidates(self.il_offset)
        if not cands:
            return self.exception_exit()
        blk = self._dispatch_blocks.get(cands)
        if blk is None:
            blk = self._dispatch_blocks[cands] = self._build_dispatch(cands)
        return blk

    def _build_dispatch(self, cands):
        fn = self.fn
        saved_block = fn.current
        saved_stack = self.stack
        first = fn.block("dispatch")
        steps = [first] + [fn.block("dispatch") for _ in cands[1:]] + [self.exception_exit()]
        fn.at(first)
        fn.call("void", self.helper("clrpy_finish_raise"), [])
        for k, ci in enumerate(cands):
            c = self.clauses[ci]
            fn.at(steps[k])
            nxt = steps[k + 1]
            if c.kind in (ClauseKind.EXCEPTION, ClauseKind.FILTER):
                if self.frame_record is None:
                    fn.br(nxt)
                    continue
                target = fn.load("ptr", self.mb.external_global(EH_TARGET), 8)
                handler = fn.load("i32", self.mb.external_global(EH_HANDLER), 4)
                mine = fn.binop("and", fn.icmp("eq", target, self.frame_record),
                                fn.icmp("eq", handler, const("i32", ci)))
                fn.cbr(mine, self._catch_entry(ci), nxt)
            else:
                self._run_finally_exceptionally(ci, nxt)
        fn.at(saved_block)
        self.stack = saved_stack
        return first

    def _catch_entry(self, ci):
        """Entering catch (or filter) handler `ci`: take the exception off the pending word and
        start the handler with it on the stack."""
        blk = self._catch_entries.get(ci)
        if blk is not None:
            return blk
        fn = self.fn
        c = self.clauses[ci]
        saved_block, saved_stack = fn.current, self.stack
        blk = self._catch_entries[ci] = fn.block("catch")
        fn.at(blk)
        pending = self.mb.external_global(PENDING_EXCEPTION)
        exc = fn.load("ptr", pending, 8)
        fn.store(Value("ptr", "null"), pending, 8)
        fn.store(Value("ptr", "null"), self.mb.external_global(EH_TARGET), 8)
        fn.store(exc, self.caught_home(ci), 8)
        th = self._catch_type(c)
        from ..importer import Item
        self.stack = [Item(K.O, exc, th)]
        handler = self.block_at(c.handler_offset)
        if handler.entry is not None and handler.entry != [(K.O, th)] and handler.entry[0][0] != K.O:
            self.fail(f"handler at IL_{c.handler_offset:04x} is also reached with another stack")
        self.end_block_to(handler)
        fn.at(saved_block)
        self.stack = saved_stack
        return blk

    def _catch_type(self, c):
        if c.kind == ClauseKind.EXCEPTION:
            return self.loader.resolve_type_token(self.module, c.class_token, self.ctx)
        return self.loader.object_type

    def caught_home(self, ci) -> Value:
        homes = self.__dict__.setdefault("_caught_homes", {})
        h = homes.get(ci)
        if h is None:
            h = homes[ci] = self.fn.alloca("ptr", 8)
        return h

    def _run_finally_exceptionally(self, ci, nxt):
        """Run finally/fault block `ci` on the exception path, then continue at block `nxt`."""
        fn = self.fn
        c = self.clauses[ci]
        st = self._finally_state(c)
        pending = self.mb.external_global(PENDING_EXCEPTION)
        tgt_g = self.mb.external_global(EH_TARGET)
        hnd_g = self.mb.external_global(EH_HANDLER)
        saves = st.get("saves")
        if saves is None:
            saves = st["saves"] = (fn.alloca("ptr", 8), fn.alloca("ptr", 8), fn.alloca("i32", 4))
        save_exc, save_tgt, save_hnd = saves
        # The finally runs as ordinary code: nothing pending while it does.
        fn.store(fn.load("ptr", pending, 8), save_exc, 8)
        fn.store(fn.load("ptr", tgt_g, 8), save_tgt, 8)
        fn.store(fn.load("i32", hnd_g, 4), save_hnd, 4)
        fn.store(Value("ptr", "null"), pending, 8)
        resume = fn.block("resume_unwind")
        cont_id = len(st["exits"])
        st["exits"].append(resume)
        fn.store(const("i32", cont_id), st["var"])
        handler = self.block_at(c.handler_offset)
        if handler.entry is None:
            handler.entry = []
        fn.br(handler.ir)
        fn.at(resume)
        fn.store(fn.load("ptr", save_exc, 8), pending, 8)
        fn.store(fn.load("ptr", save_tgt, 8), tgt_g, 8)
        fn.store(fn.load("i32", save_hnd, 4), hnd_g, 4)
        fn.br(nxt)

    # -- raising ---------------------------------------------------------------------------------------
    def raise_and_dispatch(self, exc: Value):
        """Raise `exc` (first pass, natively) and continue with this site's dispatch."""
        self.fn.call("void", self.helper("clrpy_raise"), [exc], attrs="nomerge")
        self.fn.br(self.exception_target())

    def op_rethrow(self, i):
        c = self._innermost_catch(i.offset)
        if c is None:
            self.fail("rethrow outside a catch handler")
        exc = self.fn.load("ptr", self.caught_home(self.clauses.index(c)), 8)
        self.fn.call("void", self.helper("clrpy_rethrow"), [exc], attrs="nomerge")
        self.fn.br(self.exception_target())

    def _innermost_catch(self, offset):
        best = None
        for c in self.clauses:
            if c.kind in (ClauseKind.EXCEPTION, ClauseKind.FILTER) and c.handler_offset <= offset < c.handler_end:
                if best is None or c.handler_length < best.handler_length:
                    best = c
        return best

    def op_endfilter(self, i):
        if getattr(self, "mode", "method") != "search":
            self.fail("endfilter outside a filter block")
        v = self.pop()
        if v.kind != K.I4:
            self.fail("endfilter needs an int32")
        self.finish_filter(v.value)


def fn_gep(fn, ptr, offset):
    return fn.gep(ptr, offset)
