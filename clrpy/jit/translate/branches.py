"""Control flow: branches, switch, comparisons, ret, throw, leave and endfinally.

Conditional branches and comparisons share one table of predicates (ECMA-335 III.3): signed
and ordered for the plain forms, unsigned and *unordered* for the `.un` forms (so `blt.un`
takes the branch when either float is NaN). References and managed pointers compare as unsigned
addresses.

`leave` runs the finally blocks of the protected regions it exits. A finally block is compiled
once; each `leave` that passes through it stores a continuation number into that block's
continuation variable and jumps in, and the block's `endfinally` switches on the number to go on:
to the next finally block out, or to the leave's target.
"""
from ..abi import StackKind as K, type_rep
from ..ir_builder import Value, const
from ...metadata.method_body import ClauseKind

# IL comparison -> (integer predicate, float predicate)
PREDICATES = {"eq": ("eq", "oeq"), "ne.un": ("ne", "une"),
              "lt": ("slt", "olt"), "lt.un": ("ult", "ult"), "gt": ("sgt", "ogt"), "gt.un": ("ugt", "ugt"),
              "le": ("sle", "ole"), "le.un": ("ule", "ule"), "ge": ("sge", "oge"), "ge.un": ("uge", "uge")}
_UNSIGNED_OF = {"slt": "ult", "sgt": "ugt", "sle": "ule", "sge": "uge", "eq": "eq", "ne": "ne",
                "ult": "ult", "ugt": "ugt", "ule": "ule", "uge": "uge"}


class BranchMixin:
    def _compare(self, il_cond: str) -> Value:
        b = self.pop()
        a = self.pop()
        fn = self.fn
        ipred, fpred = PREDICATES[il_cond]
        ka, kb = a.kind, b.kind
        if ka in (K.F4, K.F8) and kb in (K.F4, K.F8):
            av, bv = a.value, b.value
            if av.type != bv.type:
                av = fn.cast("fpext", av, "double")
                bv = fn.cast("fpext", bv, "double")
            return fn.fcmp(fpred, av, bv)
        if ka in (K.O, K.BYREF) or kb in (K.O, K.BYREF):
            av = a.value if ka in (K.O, K.BYREF) else fn.cast("inttoptr", self._widen(a), "ptr")
            bv = b.value if kb in (K.O, K.BYREF) else fn.cast("inttoptr", self._widen(b), "ptr")
            return fn.icmp(_UNSIGNED_OF[ipred], av, bv)
        if ka in (K.I4, K.I8, K.I) and kb in (K.I4, K.I8, K.I):
            av, bv = a.value, b.value
            if av.type != bv.type:
                av, bv = self._widen(a), self._widen(b)
            return fn.icmp(ipred, av, bv)
        self.fail(f"cannot compare {ka.name} with {kb.name}")

    def _widen(self, it) -> Value:
        if it.value.type == "i32":
            return self.fn.cast("sext", it.value, "i64")
        return it.value

    # -- comparisons that push 0 or 1 ------------------------------------------------------------
    def _cmp_push(self, il_cond):
        c = self._compare(il_cond)
        self.push(K.I4, self.fn.cast("zext", c, "i32"))

    def op_ceq(self, i): self._cmp_push("eq")
    def op_cgt(self, i): self._cmp_push("gt")
    def op_cgt_un(self, i): self._cmp_push("gt.un")
    def op_clt(self, i): self._cmp_push("lt")
    def op_clt_un(self, i): self._cmp_push("lt.un")

    # -- branches ------------------------------------------------------------------------------
    def _branch_to(self, cond: Value, i):
        """Branch to the operand's block if `cond`, else fall through to the next instruction."""
        target = self.block_at(i.operand)
        fall = self.blocks.get(i.next)
        if fall is None:
            self.fail("a conditional branch at the end of the method")
        self.spill_stack_for(target)
        self.spill_stack_for(fall)
        self.fn.cbr(cond, target.ir, fall.ir)

    def _cond_branch(self, il_cond, i):
        self._branch_to(self._compare(il_cond), i)

    def op_br(self, i):
        self.end_block_to(self.block_at(i.operand))

    op_br_s = op_br

    def _truth(self, negate: bool, i):
        it = self.pop()
        fn = self.fn
        if it.kind in (K.O, K.BYREF):
            c = fn.icmp("eq" if negate else "ne", it.value, Value("ptr", "null"))
        elif it.kind in (K.I4, K.I8, K.I):
            c = fn.icmp("eq" if negate else "ne", it.value, const(it.value.type, 0))
        else:       # floats are not allowed either (III.3.17, III.3.18; Mono rejects them too)
            self.fail(f"brtrue/brfalse on a {it.kind.name}")
        self._branch_to(c, i)

    def op_brtrue(self, i): self._truth(False, i)
    def op_brtrue_s(self, i): self._truth(False, i)
    def op_brfalse(self, i): self._truth(True, i)
    def op_brfalse_s(self, i): self._truth(True, i)

    def op_beq(self, i): self._cond_branch("eq", i)
    def op_bne_un(self, i): self._cond_branch("ne.un", i)
    def op_bge(self, i): self._cond_branch("ge", i)
    def op_bge_un(self, i): self._cond_branch("ge.un", i)
    def op_bgt(self, i): self._cond_branch("gt", i)
    def op_bgt_un(self, i): self._cond_branch("gt.un", i)
    def op_ble(self, i): self._cond_branch("le", i)
    def op_ble_un(self, i): self._cond_branch("le.un", i)
    def op_blt(self, i): self._cond_branch("lt", i)
    def op_blt_un(self, i): self._cond_branch("lt.un", i)
    op_beq_s, op_bne_un_s, op_bge_s, op_bge_un_s = op_beq, op_bne_un, op_bge, op_bge_un
    op_bgt_s, op_bgt_un_s, op_ble_s, op_ble_un_s = op_bgt, op_bgt_un, op_ble, op_ble_un
    op_blt_s, op_blt_un_s = op_blt, op_blt_un

    def op_switch(self, i):
        it = self.pop()
        if it.kind not in (K.I4, K.I):
            self.fail(f"switch on a {it.kind.name}")
        v = it.value if it.kind == K.I4 else self.fn.cast("trunc", it.value, "i32")
        fall = self.blocks.get(i.next)
        if fall is None:
            self.fail("switch at the end of the method")
        targets = [self.block_at(t) for t in i.operand]
        for t in set(targets) | {fall}:
            self.spill_stack_for(t)
        self.fn.switch(v, fall.ir, [(n, t.ir) for n, t in enumerate(targets)])

    # -- returns ----------------------------------------------------------------------------------
    def op_ret(self, i):
        ret = self.method.return_type
        fn = self.fn
        if ret is None:
            if self.stack:
                self.fail(f"ret with {len(self.stack)} values on the stack in a void method")
            self.env.emit_epilogue(self)
            self.emit_frame_unlink()
            fn.ret()
            return
        if len(self.stack) != 1:
            self.fail(f"ret with {len(self.stack)} values on the stack (expected 1)")
        rep = type_rep(ret)
        it = self.pop()
        if self.sret:
            self.store_item(it, rep, self.sret_ptr)
            self.env.emit_epilogue(self)
            self.emit_frame_unlink()
            fn.ret()
            return
        v = self.coerce(it, rep)
        self.env.emit_epilogue(self)
        self.emit_frame_unlink()
        fn.ret(v)

    # -- exceptions (the parts that do not need handler dispatch) --------------------------------------
    def op_throw(self, i):
        it = self.pop()
        if it.kind != K.O:
            self.fail(f"throw of a {it.kind.name}")
        self.null_check(it.value)           # `throw null` raises NullReferenceException
        self.raise_and_dispatch(it.value)

    def _enclosing_finallies(self, from_offset, to_offset):
        """Finally clauses whose try block contains `from_offset` but not `to_offset`, innermost first."""
        out = []
        for c in self.body.clauses:
            if c.kind != ClauseKind.FINALLY:
                continue
            inside_from = c.try_offset <= from_offset < c.try_end
            inside_to = c.try_offset <= to_offset < c.try_end
            if inside_from and not inside_to:
                out.append(c)
        return out

    def _finally_state(self, clause):
        st = self._finally_cont.get(id(clause))
        if st is None:
            var = self.fn.alloca("i32", 4)
            dispatch = self.fn.block("endfinally")
            st = self._finally_cont[id(clause)] = {"var": var, "dispatch": dispatch, "exits": []}
        return st

    def op_leave(self, i):
        self.stack.clear()          # leave empties the evaluation stack
        target = self.block_at(i.operand)
        chain = self._enclosing_finallies(i.offset, i.operand)
        fn = self.fn
        if not chain:
            self.end_block_to(target)
            return
        # Enter the innermost finally; each endfinally on the way continues to the next one out.
        target.entry = target.entry if target.entry is not None else []
        next_block = target.ir
        for c in reversed(chain):
            st = self._finally_state(c)
            cont_id = len(st["exits"])
            st["exits"].append(next_block)
            enter = fn.block("to_finally")
            saved = fn.current
            fn.at(enter)
            fn.store(const("i32", cont_id), st["var"])
            fn.br(self.block_at(c.handler_offset).ir)
            fn.at(saved)
            next_block = enter
        self.block_at(chain[0].handler_offset).entry = []
        fn.br(next_block)

    op_leave_s = op_leave

    def op_endfinally(self, i):
        clause = self._innermost_handler(i.offset, (ClauseKind.FINALLY, ClauseKind.FAULT))
        if clause is None:
            self.fail("endfinally outside a finally or fault block")
        self.stack.clear()
        st = self._finally_state(clause)
        self.fn.br(st["dispatch"])

    def _innermost_handler(self, offset, kinds):
        best = None
        for c in self.body.clauses:
            if c.kind in kinds and c.handler_offset <= offset < c.handler_end:
                if best is None or c.handler_length < best.handler_length:
                    best = c
        return best

    def finish_finally_dispatch(self):
        """Emit each finally block's continuation switch, once every leave is known."""
        fn = self.fn
        for st in self._finally_cont.values():
            fn.at(st["dispatch"])
            exits = st["exits"]
            if not exits:
                fn.unreachable()
                continue
            v = fn.load("i32", st["var"])
            fn.switch(v, exits[0], [(n, b) for n, b in enumerate(exits)])
