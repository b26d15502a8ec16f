"""The search function of a method with catch clauses: the first pass of exception handling.

`clrpy_raise` calls it with the method's frame record and the exception. It reads the record's
`site` (which set of try blocks encloses the code the frame is executing), and for each enclosing
clause, innermost first: a typed catch tests the exception's type; a filter runs its filter block;
finally and fault clauses are skipped (the second pass runs them). It returns the index of the clause
that takes the exception, or -1.

Filter blocks are IL of the method, translated here a second time, with the method's arguments and
locals reached through the record's `locals` pointer (the method keeps them in one block of memory
for this purpose). A barrier frame record around each filter stops any exception the filter raises:
it is swallowed and the filter's answer is false (ECMA-335 I.12.4.2.5; Mono lets it escape).
"""
from ..cil.opcodes import Flow
from ..metadata.method_body import ClauseKind
from .abi import StackKind as K
from .helpers import EH_TARGET, FRAME_CHAIN, PENDING_EXCEPTION
from .importer import Item, MethodImporter
from .ir_builder import FunctionBuilder, Value, const
from .translate.eh import BARRIER_HANDLER, FRAME_LOCALS, FRAME_PREV, FRAME_SEARCH, FRAME_SITE


class SearchFunctionImporter(MethodImporter):
    mode = "search"

    def __init__(self, parent: MethodImporter):
        super().__init__(parent.env, parent.method, module_builder=parent.mb, tier=parent.tier)
        self.parent = parent
        self.symbol = parent.search_symbol()

    def run_search(self):
        p = self.parent
        self.body = p.body
        self.instructions = p.instructions
        self.analyse_eh()
        self._site_ids = p._site_ids
        fn = self.fn = FunctionBuilder(self.symbol, "i32", ["ptr", "ptr"], attrs=self.env.function_attrs(self.method))
        self.mb.enable_debug(fn)
        self.rec, self.exc = fn.params
        self._exception_exit = None
        self._slots = {}
        self._finally_cont = {}
        self.ret_type = "i32"
        self._ret_llvm = "i32"
        self.sret = False
        storage = fn.load("ptr", fn.gep(self.rec, FRAME_LOCALS), 8) if p.has_filters else None
        self.storage = storage
        self._homes_from_storage(storage)
        self._find_blocks()
        self.filter_state = {}          # clause index -> (result var, caller var, after block, failed block, returns)
        self.current_filter = None
        self.caller_var = fn.alloca("i32", 4)
        self.result_var = fn.alloca("i32", 4)
        self._build_entry()
        self._translate_filters()
        self.mb.add(fn)

    def _homes_from_storage(self, storage):
        p = self.parent
        self.arg_reps, self.local_reps = p.arg_reps, p.local_reps
        self.local_pinned = p.local_pinned
        if storage is None:
            self.arg_homes, self.local_homes = [], []
            return
        fn = self.fn
        self.arg_homes = []
        for off, rep in zip(p.storage_arg_offsets, p.arg_reps):
            slot = fn.gep(storage, off)
            # A value-type argument's slot holds the pointer to the caller's copy.
            self.arg_homes.append(fn.load("ptr", slot, 8) if rep.kind == K.VALUE else slot)
        self.local_homes = [fn.gep(storage, off) for off in p.storage_local_offsets]

    # -- the clause tests ----------------------------------------------------------------------------
    def _build_entry(self):
        fn = self.fn
        site = fn.load("i32", fn.gep(self.rec, FRAME_SITE), 4)
        none = fn.block("no_handler")
        cases = []
        for cands, sid in self._site_ids.items():
            if not any(self.clauses[c].kind in (ClauseKind.EXCEPTION, ClauseKind.FILTER) for c in cands):
                continue
            cases.append((sid, self._tests_for(cands, none)))
        fn.switch(site, none, cases)
        fn.at(none)
        fn.ret(const("i32", -1))

    def _tests_for(self, cands, none):
        fn = self.fn
        saved = fn.current
        first = fn.block("site")
        fn.at(first)
        for ci in cands:
            c = self.clauses[ci]
            if c.kind == ClauseKind.EXCEPTION:
                th = self.loader.resolve_type_token(self.module, c.class_token, self.ctx)
                yes, no = fn.block("caught"), fn.block("next")
                fn.cbr(self.instance_test(self.exc, th), yes, no)
                fn.at(yes)
                fn.ret(const("i32", ci))
                fn.at(no)
            elif c.kind == ClauseKind.FILTER:
                after = self._filter(ci)
                back = fn.block("after_filter")
                caller = len(after["returns"])
                after["returns"].append(back)
                fn.store(const("i32", caller), self.caller_var, 4)
                self._push_barrier()
                fn.br(after["entry"])
                fn.at(back)
                yes, no = fn.block("filtered"), fn.block("next")
                fn.cbr(fn.icmp("ne", fn.load("i32", self.result_var, 4), const("i32", 0)), yes, no)
                fn.at(yes)
                fn.ret(const("i32", ci))
                fn.at(no)
        fn.br(none)
        fn.at(saved)
        return first

    def _filter(self, ci):
        st = self.filter_state.get(ci)
        if st is None:
            fn = self.fn
            st = self.filter_state[ci] = {"entry": fn.block("filter"), "after": fn.block("filter_done"),
                                          "failed": fn.block("filter_failed"), "returns": []}
        return st

    # -- the barrier around a filter ------------------------------------------------------------------
    def _push_barrier(self):
        fn = self.fn
        rec = getattr(self, "_barrier", None)
        if rec is None:
            rec = self._barrier = fn.alloca("[32 x i8]", 16)
        chain = self.mb.external_global(FRAME_CHAIN)
        fn.store(fn.load("ptr", chain, 8), fn.gep(rec, FRAME_PREV), 8)
        barrier = self.mb.declare("clrpy_barrier_search", "i32", ["ptr", "ptr"])
        fn.store(Value("ptr", barrier), fn.gep(rec, FRAME_SEARCH), 8)
        fn.store(rec, chain, 8)

    def _pop_barrier(self):
        fn = self.fn
        prev = fn.load("ptr", fn.gep(self._barrier, FRAME_PREV), 8)
        fn.store(prev, self.mb.external_global(FRAME_CHAIN), 8)

    # -- translating the filter blocks -----------------------------------------------------------------
    def _translate_filters(self):
        fn = self.fn
        for ci, st in list(self.filter_state.items()):
            c = self.clauses[ci]
            self.current_filter = ci
            start = self.block_at(c.filter_offset)
            fn.at(st["entry"])
            self.stack = [Item(K.O, self.exc, self.loader.object_type)]
            self.end_block_to(start)
            self._translate_range(c.filter_offset, c.handler_offset)
            # The filter said no, or raised: result 0.
            fn.at(st["failed"])
            pending = self.mb.external_global(PENDING_EXCEPTION)
            fn.store(Value("ptr", "null"), pending, 8)
            fn.store(const("i32", 0), self.mb.external_global("clrpy_raise_requested"), 4)
            fn.store(Value("ptr", "null"), self.mb.external_global(EH_TARGET), 8)
            fn.store(const("i32", 0), self.result_var, 4)
            fn.br(st["after"])
            fn.at(st["after"])
            self._pop_barrier()
            returns = st["returns"]
            fn.switch(fn.load("i32", self.caller_var, 4), returns[0], [(n, b) for n, b in enumerate(returns)])
        self.finish_finally_dispatch()

    def _translate_range(self, start, end):
        fn = self.fn
        current = None
        for i in self.instructions:
            if not start <= i.offset < end:
                continue
            blk = self.blocks.get(i.offset)
            if blk is not None:
                if current is not None and not fn.terminated:
                    self.end_block_to(blk)
                current = blk
                fn.at(blk.ir)
                self._enter_block(blk)
            if fn.terminated:
                continue
            self.il_offset = i.offset
            if not self.stack:
                fn.debug_line = i.offset + 1      # the statement's start, as in the importer
            op = i.opcode
            if op.flow is Flow.META:
                self.prefixes[op.name] = i.operand
                continue
            self._dispatch[op.value](self, i)
            self.prefixes.clear()
            nxt = self.blocks.get(i.next)
            if nxt is not None and not fn.terminated and i.next < end:
                self.end_block_to(nxt)

    def finish_filter(self, value: Value):
        fn = self.fn
        fn.store(value, self.result_var, 4)
        fn.br(self.filter_state[self.current_filter]["after"])

    # -- how the filter code leaves ---------------------------------------------------------------------
    def exception_target(self):
        return self.filter_state[self.current_filter]["failed"]

    def exception_exit(self):
        return self.filter_state[self.current_filter]["failed"]

    def note_site(self, offset):
        pass

    def emit_frame_unlink(self):
        pass
