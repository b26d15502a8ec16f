"""The importer: one method's CIL to LLVM IR.

The algorithm is the classic one for stack machines (Mono's method-to-ir, RyuJIT's importer):

1. Decode the IL and find the basic blocks: the first instruction, branch and switch targets,
   the instructions after branches, returns and throws, and the starts and ends of protected
   regions and handlers. Every target must be an instruction boundary (InvalidProgramException).
2. Walk the blocks in IL order, simulating the evaluation stack. Within a block, stack entries
   are SSA values. At a block's end, live entries are stored to *stack slots* (allocas keyed by
   depth and type) and the successor blocks start by loading them; LLVM's mem2reg turns this into
   phis. A block whose entry stack no earlier block determined starts empty (ECMA-335 III.1.7.5).
3. Arguments and locals live in allocas too; `ldarga`/`ldloca` take their addresses. LLVM
   promotes the rest to registers.
4. Operations that can fail test explicitly and branch to cold blocks that call a throw helper
   (null references, bounds, overflow, division by zero). Calls are followed by a test of the
   pending-exception word; when an exception is pending, the method returns at once, and its
   caller sees the same word (the exceptions issue adds handler dispatch on that path).

Instruction families live in `translate/` as mixins; each handler is `op_<name>` with dots as
underscores (`op_ldc_i4_s`) and manipulates `self.stack`. The runtime supplies everything that
depends on runtime state through the JIT environment (`environment.py`).
"""
from ..cil.decoder import decode
from ..cil.opcodes import Flow, OperandKind
from ..errors import BadImageError, ClrpyError, InvalidProgramError, TypeResolutionError, UnsupportedFeatureError
from ..metadata.method_body import ClauseKind
from .abi import LLVM_OF_KIND, StackKind, method_llvm_signature, return_attr, type_rep
from .helpers import HELPERS, PENDING_EXCEPTION, STACK_LIMIT, BuiltinException
from .ir_builder import FunctionBuilder, ModuleBuilder, Value, const
from .sequence_points import CALL_OPCODES, debug_il_offsets, is_exception_icall
from .translate.arith import ArithMixin
from .translate.arrays import ArrayMixin
from .translate.branches import BranchMixin
from .translate.calls import CallMixin
from .translate.casts import CastMixin
from .translate.convert import ConvertMixin
from .translate.eh import EHMixin
from .translate.fields import FieldMixin
from .translate.locals import LocalsMixin
from .translate.memory import MemoryMixin
from .translate.objects import ObjectMixin

K = StackKind


class Item:
    """One evaluation-stack entry: its stack kind, its LLVM value, and its type when known."""

    __slots__ = ("kind", "value", "th")

    def __init__(self, kind: StackKind, value: Value, th=None):
        self.kind = kind
        self.value = value
        self.th = th

    def __repr__(self):
        return f"{self.kind.name}:{self.value.ref}"


class ILBlock:
    """A basic block of IL: where it starts, its IR block, and the stack shape on entry."""

    __slots__ = ("start", "end", "ir", "entry", "handler_kind")

    def __init__(self, start, ir_block):
        self.start = start
        self.end = start
        self.ir = ir_block
        self.entry = None           # list of (kind, th) once known
        self.handler_kind = None    # set for the first block of a handler


class JitError(ClrpyError):
    pass


class MethodImporter(LocalsMixin, ArithMixin, ConvertMixin, BranchMixin, CallMixin, MemoryMixin,
                     FieldMixin, ArrayMixin, ObjectMixin, CastMixin, EHMixin):
    """Translates the IL of one MethodDesc into one LLVM function (and, for methods with catch
    clauses, its search function: search_function.py)."""

    mode = "method"

    def __init__(self, env, method, module_builder: ModuleBuilder = None, tier: int = 1):
        self.env = env
        self.tier = tier
        self.method = method
        self.loader = env.loader
        self.module = method.module
        self.ctx = self.loader.context_of(method)
        self.mb = module_builder or ModuleBuilder(env.method_symbol(method))
        self.symbol = env.method_symbol(method)
        self.stack = []
        self.prefixes = {}
        self.il_offset = 0
        self.ftn_methods = {}       # SSA name of an ldftn result -> the MethodDesc (for delegates)

    # -- entry point -------------------------------------------------------------------------------
    def run(self) -> ModuleBuilder:
        where = self.method.full_name
        try:
            body = self.read_body()
            if body is None:
                raise InvalidProgramError(f"{where} has no IL body")
            self.body = body
            self.instructions = self._decoded_il(body, where)
            self.analyse_eh()
            self._setup_function()
            self._find_blocks()
            self._translate()
            if self.needs_frame:
                from .search_function import SearchFunctionImporter
                SearchFunctionImporter(self).run_search()
        except (InvalidProgramError, UnsupportedFeatureError) as e:
            if getattr(e, "il_offset", None) is None:
                e.il_offset = self.il_offset
                e.method_name = where
            raise
        except BadImageError as e:
            raise InvalidProgramError(f"{where}, IL offset 0x{self.il_offset:04x}: {e}") from None
        except TypeResolutionError as e:
            # A type the method uses cannot be loaded: TypeLoadException (or MissingMethod/Field).
            raise TypeResolutionError(f"{where}, IL offset 0x{self.il_offset:04x}: {e}", e.type_name,
                                      e.assembly, e.managed_type) from None
        self.mb.add(self.fn)
        return self.mb

    def _decoded_il(self, body, where):
        """The body's instructions; JitCompiler.has_loops leaves them on the method when it has
        just decoded them to choose the tier."""
        decoded = getattr(self.method, "decoded_il", None)
        if decoded is not None:
            del self.method.decoded_il
            if decoded[0] is body:
                return decoded[1]
        return decode(body.code, where)

    def read_body(self):
        """The IL to import: the method's body (icall_wrappers.py supplies one for internal calls)."""
        return self.module.method_body(self.method.rid)

    def fail(self, message: str):
        raise InvalidProgramError(f"{self.method.full_name}, IL offset 0x{self.il_offset:04x}: {message}")

    def unsupported(self, feature: str):
        e = UnsupportedFeatureError(f"{feature} is not supported yet (in {self.method.full_name}, "
                                    f"IL offset 0x{self.il_offset:04x})")
        raise e

    # -- the function ----------------------------------------------------------------------------
    def _setup_function(self):
        m = self.method
        ret, params, attrs, sret = method_llvm_signature(m)
        self.ret_type = ret
        self.sret = sret
        self.fn = FunctionBuilder(self.symbol, ret, params, param_attrs=attrs, attrs=self.env.function_attrs(m))
        self.mb.enable_debug(self.fn)       # calls carry their IL offset, for stack traces
        rattr = return_attr(m)
        if rattr:
            self.fn.ret_type = f"{rattr} {ret}"
            self._ret_llvm = ret
        else:
            self._ret_llvm = ret
        fn = self.fn
        pi = 0
        if sret:
            self.sret_ptr = fn.params[0]
            pi = 1
        # Arguments and locals. Each gets a home: an alloca (LLVM promotes it to a register), the
        # caller's copy for a value-type argument, or, in a method with filters, a slot of one block
        # of memory (`storage`) that the filters reach through the frame record (search_function.py).
        arg_types = []
        if m.has_this:
            owner = m.owner
            this_th = self.loader.byref_to(owner) if owner.is_value_type else owner
            arg_types.append(this_th)
        arg_types.extend(m.param_types)
        self.arg_reps = [type_rep(th) for th in arg_types]
        locals_sig = self.module.local_var_sig(m.rid)
        from ..metadata.signatures import PinnedType
        local_types = [self.loader.from_sig(self.module, t, self.ctx) for t in locals_sig.locals]
        self.local_reps = [type_rep(th) for th in local_types]
        self.local_pinned = [isinstance(t, PinnedType) for t in locals_sig.locals]
        self.storage = self._layout_storage() if self.has_filters else None
        self.arg_homes = []
        for i, rep in enumerate(self.arg_reps):
            incoming = fn.params[pi]
            pi += 1
            if rep.kind == K.VALUE:
                home = incoming
                if self.storage is not None:
                    fn.store(incoming, fn.gep(self.storage, self.storage_arg_offsets[i]), 8)
            else:
                home = (fn.gep(self.storage, self.storage_arg_offsets[i]) if self.storage is not None
                        else fn.alloca(rep.storage, rep.align))
                fn.store(incoming, home)
            self.arg_homes.append(home)
        # Locals are zero-initialised (C# always sets localsinit; unverifiable code must not see garbage).
        self.local_homes = []
        for i, rep in enumerate(self.local_reps):
            if self.storage is not None:
                home = fn.gep(self.storage, self.storage_local_offsets[i])
            elif rep.kind == K.VALUE:
                home = fn.alloca(f"[{rep.size} x i8]", max(rep.align, 8))
            else:
                home = fn.alloca(rep.storage, rep.align)
            if rep.kind == K.VALUE:
                fn.memset(home, const("i8", 0), const("i64", rep.size), max(rep.align, 1))
            else:
                fn.store(self.zero(rep.storage), home)
            self.local_homes.append(home)
        self._exception_exit = None
        self._slots = {}
        self._leave_targets = {}
        self._finally_cont = {}
        self.emit_frame_registration()
        self.emit_stack_check()
        self.env.emit_prologue(self)        # may need the exception exit (a class-init check)

    # Instructions through which a method can run other managed code (and so recurse).
    _CALLING = frozenset(("call", "callvirt", "newobj", "calli", "jmp"))

    def emit_stack_check(self):
        """Prologue of a method that calls others: compare the frame with the stack's usable end and
        report a stack overflow (a helper that ends the process) instead of running off the stack.
        A method that calls nothing cannot recurse: its frame fits in the margin below the limit."""
        if not any(i.opcode.name in self._CALLING for i in self.instructions):
            return
        fn = self.fn
        frame = fn.intrinsic("ptr", "llvm.frameaddress.p0", [const("i32", 0)])
        limit = fn.load("i64", self.mb.external_global(STACK_LIMIT), 8)
        overflow = fn.icmp("ult", fn.cast("ptrtoint", frame, "i64"), limit)
        bad, ok = fn.block("stack_overflow"), fn.block("stack_ok")
        fn.cbr(overflow, bad, ok, "unlikely")
        fn.at(bad)
        fn.call("void", self.helper("clrpy_stack_overflow"), [self.method_id(), frame])
        fn.unreachable()
        fn.at(ok)

    def _layout_storage(self) -> Value:
        """One block for all arguments and locals (methods with filters): offsets by natural alignment."""
        from ..typesys.object_layout import align
        off = 0
        self.storage_arg_offsets, self.storage_local_offsets = [], []
        for rep in self.arg_reps:
            size, al = (8, 8) if rep.kind == K.VALUE else (rep.size, rep.align)
            off = align(off, al)
            self.storage_arg_offsets.append(off)
            off += size
        for rep in self.local_reps:
            al = max(rep.align, 1)
            off = align(off, al)
            self.storage_local_offsets.append(off)
            off += rep.size
        return self.fn.alloca(f"[{max(off, 8)} x i8]", 16)

    def zero(self, llvm_type: str) -> Value:
        if llvm_type == "ptr":
            return Value("ptr", "null")
        if llvm_type in ("float", "double"):
            return Value(llvm_type, "0.0")
        return Value(llvm_type, "0")

    # -- blocks ----------------------------------------------------------------------------------------
    def _find_blocks(self):
        ins = self.instructions
        starts = {i.offset for i in ins}
        code_size = len(self.body.code)
        leaders = {0}
        for i in ins:
            op = i.opcode
            if op.is_branch:
                for t in i.branch_targets():
                    if t not in starts:
                        self.il_offset = i.offset
                        self.fail(f"branch to IL offset 0x{t:04x}, which is not the start of an instruction")
                    leaders.add(t)
                if i.next < code_size:
                    leaders.add(i.next)
            elif op.flow in (Flow.RETURN, Flow.THROW) and i.next < code_size:
                leaders.add(i.next)
            elif op.name == "jmp" and i.next < code_size:
                leaders.add(i.next)
        self.handler_starts = {}
        for c in self.body.clauses:
            for off in (c.try_offset, c.try_end, c.handler_offset, c.handler_end) + \
                    ((c.filter_offset,) if c.kind == ClauseKind.FILTER else ()):
                if off != code_size and off not in starts:
                    self.fail(f"exception clause boundary 0x{off:04x} is not the start of an instruction")
                if off < code_size:
                    leaders.add(off)
            self.handler_starts[c.handler_offset] = c
            if c.kind == ClauseKind.FILTER:
                self.handler_starts[c.filter_offset] = c
        self.blocks = {}
        for off in sorted(leaders):
            self.blocks[off] = ILBlock(off, self.fn.block(f"il{off:04x}_"))
        self.block_order = sorted(self.blocks)

    def _translate(self):
        fn = self.fn
        first = self.blocks[0]
        first.entry = []
        fn.br(first.ir)
        skipped = self.filter_ranges()     # filters run in the search function, not here
        handler_starts = {c.handler_offset: c for c in self.clauses if c.kind != ClauseKind.FINALLY}
        max_stack = self.body.max_stack
        current = None
        after_call = False
        points = self.env.symbol_sequence_points(self.method)
        debug_offsets = debug_il_offsets(self, points) if points else None
        for i in self.instructions:
            off = i.offset
            blk = self.blocks.get(off)
            if blk is not None:
                if current is not None and not fn.terminated:
                    self.end_block_to(blk)
                current = blk
                fn.at(blk.ir)
                c = handler_starts.get(off)
                if c is not None and blk.entry is None:
                    # A handler no exception can reach (its try block cannot raise): skip it whole.
                    skipped = skipped + [(c.handler_offset, c.handler_end)]
                if any(start <= off < end for start, end in skipped):
                    current = None
                else:
                    self._enter_block(blk)
                    self.note_site(off)
            if current is None or fn.terminated:
                # Dead code (after an unconditional transfer with no branch into it), or a handler
                # the exceptions machinery will enter; nothing to emit until the next block.
                continue
            self.il_offset = off
            if debug_offsets is not None:
                # Symbols' sequence points, in Mono's layout (jit/sequence_points.py).
                fn.debug_line = debug_offsets[off] + 1 if debug_offsets[off] >= 0 else None
            elif not self.stack or after_call:
                # A sequence point: stack traces name, for each frame, the last one before the
                # call or check that raised (jit/sequence_points.py says why these, as Mono).
                fn.debug_line = off + 1
            self.current_instruction = i
            op = i.opcode
            if op.flow is Flow.META:
                self.prefixes[op.name] = i.operand
                continue
            handler = self._dispatch[op.value]
            handler(self, i)
            self.prefixes.clear()
            after_call = op.name in CALL_OPCODES and not is_exception_icall(self, i)
            if len(self.stack) > max_stack:
                self.fail(f"the evaluation stack holds {len(self.stack)} entries, more than .maxstack {max_stack}")
            nxt = self.blocks.get(i.next)
            if nxt is not None and not fn.terminated:
                self.end_block_to(nxt)
        if not fn.terminated and current is not None:
            self.fail("control falls off the end of the method")
        self.finish_finally_dispatch()

    def _enter_block(self, blk: ILBlock):
        if blk.entry is None:
            blk.entry = []          # no predecessor seen: the stack starts empty (III.1.7.5)
        self.stack = []
        for depth, (kind, th) in enumerate(blk.entry):
            slot = self._slot(depth, kind, th)
            if kind == K.VALUE:
                rep = type_rep(th)
                tmp = self.temp_value(th)
                self.fn.memcpy(tmp, slot, rep.size, max(rep.align, 1))
                self.stack.append(Item(kind, tmp, th))
            elif kind == K.BYREF:
                self.stack.append(Item(kind, self.fn.cast("inttoptr", self.fn.load("i64", slot), "ptr"), th))
            else:
                self.stack.append(Item(kind, self.fn.load(LLVM_OF_KIND[kind], slot), th))

    def _slot(self, depth, kind, th):
        """The stack slot for entries of `kind` at `depth`. Managed pointers and native ints share one
        (as an integer): unverifiable code joins them (`cond ? &a[0] : null` in `fixed`)."""
        slot_kind = K.I if kind == K.BYREF else kind
        key = (depth, slot_kind, th if kind == K.VALUE else None)
        s = self._slots.get(key)
        if s is None:
            if kind == K.VALUE:
                rep = type_rep(th)
                s = self.fn.alloca(f"[{rep.size} x i8]", max(rep.align, 8))
            else:
                s = self.fn.alloca(LLVM_OF_KIND[slot_kind], 8)
            self._slots[key] = s
        return s

    def spill_stack_for(self, target: ILBlock):
        """Store the live stack into the slots `target` loads from, and record its entry shape."""
        shape = [(it.kind, it.th) for it in self.stack]
        if target.entry is None:
            target.entry = shape
        else:
            if len(target.entry) != len(shape):
                self.fail(f"the stack has {len(shape)} entries on a branch to IL_{target.start:04x}, "
                          f"which is entered elsewhere with {len(target.entry)}")
            merged = []
            for (k1, t1), (k2, t2) in zip(target.entry, shape):
                if k1 != k2:
                    if {k1, k2} == {K.I, K.BYREF}:
                        merged.append((K.I, None))      # a pointer joined with a native int is a native int
                        continue
                    if {k1, k2} <= {K.I4, K.I}:
                        self.unsupported("merging int32 and native int stack entries")
                    self.fail(f"inconsistent stack at IL_{target.start:04x}: {k1.name} and {k2.name}")
                if k1 == K.VALUE and t1 is not t2:
                    self.fail(f"inconsistent value types on the stack at IL_{target.start:04x}")
                merged.append((k1, t1 if t1 is t2 else (self.loader.object_type if k1 == K.O else t1)))
            target.entry = merged
        for depth, it in enumerate(self.stack):
            slot = self._slot(depth, it.kind, target.entry[depth][1] if it.kind == K.VALUE else None)
            if it.kind == K.VALUE:
                rep = type_rep(it.th)
                self.fn.memcpy(slot, it.value, rep.size, max(rep.align, 1))
            elif it.kind == K.BYREF:
                self.fn.store(self.fn.cast("ptrtoint", it.value, "i64"), slot)
            else:
                self.fn.store(it.value, slot)

    def end_block_to(self, target: ILBlock):
        self.spill_stack_for(target)
        self.fn.br(target.ir)

    def block_at(self, offset: int) -> ILBlock:
        return self.blocks[offset]

    # -- stack -------------------------------------------------------------------------------------
    def push(self, kind, value, th=None):
        self.stack.append(Item(kind, value, th))

    def pop(self) -> Item:
        if not self.stack:
            self.fail("stack underflow")
        return self.stack.pop()

    def popn(self, n: int):
        if len(self.stack) < n:
            self.fail("stack underflow")
        if n == 0:
            return []
        items = self.stack[-n:]
        del self.stack[-n:]
        return items

    def temp_value(self, th) -> Value:
        rep = type_rep(th)
        return self.fn.alloca(f"[{rep.size} x i8]", max(rep.align, 8))

    # -- checks and exceptions ----------------------------------------------------------------------
    def method_id(self) -> Value:
        """This method's runtime id, as a relocatable constant (the address of a symbol)."""
        sym = self.env.method_id_symbol(self.method)
        g = self.mb.external_global(sym)
        return Value("i64", f"ptrtoint (ptr {g.ref} to i64)")

    def helper(self, name: str) -> str:
        h = HELPERS[name]
        return self.mb.declare(name, h.ret, h.params)

    def exception_exit(self):
        """The block that leaves the method while an exception is pending."""
        if self._exception_exit is None:
            saved = self.fn.current
            blk = self.fn.block("exc_exit")
            self.fn.at(blk)
            self.fn.call("void", self.helper("clrpy_finish_raise"), [])
            self.emit_frame_unlink()
            if self._ret_llvm == "void":
                self.fn.ret()
            else:
                self.fn.ret(self.zero(self._ret_llvm))
            self._exception_exit = blk
            self.fn.at(saved)
        return self._exception_exit

    def check_pending(self):
        """After a call that may raise: leave the method if an exception is now pending."""
        g = self.mb.external_global(PENDING_EXCEPTION)
        p = self.fn.load("ptr", g)
        c = self.fn.icmp("ne", p, Value("ptr", "null"))
        cont, raised = self.fn.block("ok"), self.fn.block("raised")
        self.fn.cbr(c, raised, cont, "unlikely")
        self.fn.at(raised)
        self.leave_raising()
        self.fn.at(cont)

    def leave_raising(self):
        """Go to the handlers (or leave the method) with an exception pending. A helper that raised
        from Python only requested the raise; clrpy_finish_raise, called here, does it — so that its
        return address, the start of the stack trace, lies at this site, with this site's IL offset
        (`nomerge` keeps LLVM from folding the sites of a method into one)."""
        self.fn.call("void", self.helper("clrpy_finish_raise"), [], attrs="nomerge")
        self.fn.br(self.exception_target())

    def throw_builtin(self, kind: int):
        """Raise a runtime exception here (the current block ends)."""
        self.fn.call("void", self.helper("clrpy_throw_builtin"),
                     [const("i32", kind), self.method_id(), const("i32", self.il_offset)], attrs="nomerge")
        self.leave_raising()

    def guard(self, failure_cond: Value, kind: int):
        """If `failure_cond` holds, raise a builtin exception; otherwise continue."""
        bad = self.fn.block("throw")
        ok = self.fn.block("ok")
        self.fn.cbr(failure_cond, bad, ok, "unlikely")
        self.fn.at(bad)
        self.throw_builtin(kind)
        self.fn.at(ok)

    def null_check(self, ptr: Value):
        self.guard(self.fn.icmp("eq", ptr, Value("ptr", "null")), BuiltinException.NULL_REFERENCE)

    def throw_not_supported(self, message: str):
        mid = self.env.message_id(message)
        self.fn.call("void", self.helper("clrpy_throw_not_supported"),
                     [const("i64", mid), self.method_id(), const("i32", self.il_offset)], attrs="nomerge")
        self.leave_raising()

    # -- coercions (ECMA-335 III.1.6 implicit conversions) ------------------------------------------
    def coerce(self, item: Item, rep) -> Value:
        """Convert a stack item to the in-memory/argument representation `rep`."""
        fn = self.fn
        target = rep.kind
        v = item.value
        if target == K.VALUE:
            if item.kind != K.VALUE:
                self.fail(f"a value of type {rep.th.full_name} was expected, found {item.kind.name}")
            return v
        st = rep.storage
        k = item.kind
        if st == "ptr":
            if k in (K.O, K.BYREF):
                return v
            if k == K.I:
                return fn.cast("inttoptr", v, "ptr")
            if k == K.I4:
                return fn.cast("inttoptr", fn.cast("sext", v, "i64"), "ptr")
            self.fail(f"cannot store a {k.name} where a reference is expected")
        if st in ("float", "double"):
            if k == K.F4:
                return fn.cast("fpext", v, "double") if st == "double" else v
            if k == K.F8:
                return fn.cast("fptrunc", v, "float") if st == "float" else v
            self.fail(f"cannot store a {k.name} where a floating-point value is expected")
        # integer storage
        if k in (K.O, K.BYREF):
            v = fn.cast("ptrtoint", v, "i64")
        elif k in (K.F4, K.F8):
            self.fail(f"cannot store a floating-point value where an integer is expected")
        width = int(st[1:])
        vw = int(v.type[1:])
        if vw > width:
            return fn.cast("trunc", v, st)
        if vw < width:
            # int32 widens to native int by sign extension, to unsigned storage by zero extension.
            return fn.cast("sext" if rep.signed else "zext", v, st)
        return v

    def load_as_item(self, rep, ptr: Value, volatile=False, align=0) -> Item:
        """Load a value of representation `rep` from memory onto the stack."""
        fn = self.fn
        if rep.kind == K.VALUE:
            tmp = self.temp_value(rep.th)
            fn.memcpy(tmp, ptr, rep.size, align or max(rep.align, 1), volatile)
            return Item(K.VALUE, tmp, rep.th)
        v = fn.load(rep.storage, ptr, align or rep.align, volatile)
        if rep.is_small:
            v = fn.cast("sext" if rep.signed else "zext", v, "i32")
        return Item(rep.kind, v, rep.th)

    def store_item(self, item: Item, rep, ptr: Value, volatile=False, align=0):
        fn = self.fn
        if rep.kind == K.VALUE:
            src = self.coerce(item, rep)
            fn.memcpy(ptr, src, rep.size, align or max(rep.align, 1), volatile)
            return
        fn.store(self.coerce(item, rep), ptr, align or rep.align, volatile)


def _build_dispatch():
    """opcode value -> handler, from the op_* methods of the mixins."""
    from ..cil.opcodes import OPCODES
    table = {}
    for op in OPCODES:
        if op.flow is Flow.META:
            continue
        name = "op_" + op.name.replace(".", "_")
        handler = getattr(MethodImporter, name, None)
        if handler is None:
            def handler(self, ins, _name=op.name):
                self.unsupported(f"the '{_name}' instruction")
        table[op.value] = handler
    return table


MethodImporter._dispatch = _build_dispatch()
