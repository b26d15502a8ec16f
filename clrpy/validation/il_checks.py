"""Checks of method bodies and their IL: what the JIT refuses (InvalidProgramException,
BadImageFormatException) before it looks at types.

For every MethodDef with an IL body:

* the body lies in a section (RVA inside one, header, code and data sections inside its raw
  data; fat headers 4-byte aligned), and methods without a body are ones that need none;
* the IL decodes to the end, control cannot fall off the end, and every branch, leave and switch
  target is the start of an instruction inside the body (not the instruction after a prefix);
* every token operand is in range and of a kind the opcode accepts (call: MethodDef, MemberRef
  of a method, or MethodSpec; ldfld: Field or MemberRef of a field; ldstr: the start of a #US
  entry; calli: a StandAloneSig holding a method signature; ...), and local and argument numbers
  are below the counts the signatures give;
* the local variable signature token names a StandAloneSig holding locals;
* exception clauses: try, handler and filter blocks are non-empty, inside the body and on
  instruction boundaries; a handler does not overlap its own try block; a filter precedes its
  handler; blocks of different clauses are disjoint or nested (two clauses may share one try
  block), and nested clauses are listed before the clauses that enclose them (II.19).

Type-level verification (stack heights and types, III.1.8) is not done here.
"""
from ..cil.decoder import ILDecodeError, decode
from ..cil.opcodes import OPCODES, Flow, OperandKind
from ..errors import BadImageError
from ..metadata import signatures as sig
from ..metadata.method_body import ClauseKind, read_method_body
from ..metadata.schema import TOKEN_USER_STRING, TableId

T = TableId
K = OperandKind

# ImplFlags and Flags bits of a MethodDef (II.23.1.10, II.23.1.11).
CODE_TYPE_MASK = 0x0003
CODE_TYPE_IL = 0x0000
IMPL_INTERNAL_CALL = 0x1000
METHOD_ABSTRACT = 0x0400
METHOD_PINVOKE = 0x2000
HASTHIS = 0x20

# Operand categories: what each opcode's operand is checked against.
(C_BRANCH, C_SWITCH, C_METHOD, C_CTOR, C_FIELD, C_TYPE, C_TOKEN, C_STRING, C_SIG,
 C_LOCAL, C_ARG) = range(11)

_CATEGORY_OF_KIND = {K.BRANCH8: C_BRANCH, K.BRANCH32: C_BRANCH, K.SWITCH: C_SWITCH, K.METHOD: C_METHOD,
                     K.FIELD: C_FIELD, K.TYPE: C_TYPE, K.TOKEN: C_TOKEN, K.STRING: C_STRING, K.SIG: C_SIG}
_LOCAL_OPS = {"ldloc.s", "ldloca.s", "stloc.s", "ldloc", "ldloca", "stloc"}
_ARG_OPS = {"ldarg.s", "ldarga.s", "starg.s", "ldarg", "ldarga", "starg"}
# Opcodes whose local or argument number is implied: name -> (category, number).
_MACROS = {f"{p}.{i}": (c, i) for p, c in (("ldloc", C_LOCAL), ("stloc", C_LOCAL), ("ldarg", C_ARG))
           for i in range(4)}


def _category_table():
    """opcode value -> (category, fixed index or None)."""
    out = {}
    for op in OPCODES:
        if op.name in _MACROS:
            out[op.value] = _MACROS[op.name]
        elif op.name in _LOCAL_OPS:
            out[op.value] = (C_LOCAL, None)
        elif op.name in _ARG_OPS:
            out[op.value] = (C_ARG, None)
        elif op.name in ("newobj", "jmp"):
            out[op.value] = (C_CTOR, None)
        elif op.operand in _CATEGORY_OF_KIND:
            out[op.value] = (_CATEGORY_OF_KIND[op.operand], None)
    return out


CATEGORY = _category_table()

_TYPES = frozenset({T.TypeDef, T.TypeRef, T.TypeSpec})
ALLOWED = {
    C_METHOD: frozenset({T.MethodDef, T.MemberRef, T.MethodSpec}),
    C_CTOR: frozenset({T.MethodDef, T.MemberRef}),
    C_FIELD: frozenset({T.Field, T.MemberRef}),
    C_TYPE: _TYPES,
    C_TOKEN: frozenset({T.TypeDef, T.TypeRef, T.TypeSpec, T.MethodDef, T.MemberRef, T.MethodSpec, T.Field}),
    C_SIG: frozenset({T.StandAloneSig}),
}
_EXPECTED = {
    C_METHOD: "MethodDef, MemberRef or MethodSpec",
    C_CTOR: "MethodDef or MemberRef",
    C_FIELD: "Field or MemberRef",
    C_TYPE: "TypeDef, TypeRef or TypeSpec",
    C_TOKEN: "a type, method or field",
    C_SIG: "StandAloneSig",
}
# Flows after which control falls through to the next instruction.
_FALLS_THROUGH = frozenset({Flow.NEXT, Flow.CALL, Flow.COND_BRANCH, Flow.BREAK, Flow.META})
_MISSING = object()


def _table_name(tid):
    if tid == TOKEN_USER_STRING:
        return "user string"
    try:
        return T(tid).name
    except ValueError:
        return f"table 0x{tid:02x}"


class ILChecker:
    def __init__(self, module, problems, sigs, us_starts):
        self.module = module
        self.problems = problems
        self.sigs = sigs
        self.us_starts = us_starts
        self.counts = {tid: t.num_rows for tid, t in module.tables.tables.items()}
        self.il_bytes = 0
        self._token_reasons = {c: {} for c in ALLOWED}
        self._token_reasons[C_STRING] = {}
        # What each MemberRef and StandAloneSig row holds (None: its signature did not decode).
        self.memberref_is_field = [isinstance(s, sig.FieldSig) if s is not None else None
                                   for s in sigs.rows(T.MemberRef)]
        self.standalone = list(sigs.rows(T.StandAloneSig))

    def check_all(self):
        m = self.module
        t = m.tables[T.MethodDef]
        if not t.num_rows:
            return
        pe = m.pe
        data = pe.data
        data_len = len(data)
        method_sigs = self.sigs.rows(T.MethodDef)
        checked = set()
        bodies = set()
        for rid, row in enumerate(t.raw_rows(), 1):
            rva, impl, flags = row[0], row[1], row[2]
            if impl & CODE_TYPE_MASK != CODE_TYPE_IL:
                continue            # native or runtime-supplied code: no IL to check
            if rva == 0:
                if not (flags & (METHOD_ABSTRACT | METHOD_PINVOKE) or impl & IMPL_INTERNAL_CALL):
                    self.problems.add(self._where(rid), "the method has no body (RVA 0) but is not abstract, "
                                                        "internalcall or pinvokeimpl")
                continue
            where = _MethodWhere(m, rid)
            if flags & METHOD_ABSTRACT:
                self.problems.add(where, f"an abstract method has a body (RVA 0x{rva:x})")
                continue
            section = pe.section_for_rva(rva)
            if section is None:
                self.problems.add(where, f"the body's RVA 0x{rva:x} is not inside any section")
                continue
            limit = min(section.pointer_to_raw_data + section.size_of_raw_data, data_len)
            offset = rva - section.virtual_address + section.pointer_to_raw_data
            if offset >= limit:
                self.problems.add(where, f"the body's RVA 0x{rva:x} lies in section '{section.name}' beyond its "
                                         "raw data in the file")
                continue
            try:
                body = read_method_body(data, offset, limit)
            except BadImageError as e:
                self.problems.add(where, f"body at RVA 0x{rva:x}: {e.message}")
                continue
            if body.fat and rva & 3:
                self.problems.add(where, f"the fat method header at RVA 0x{rva:x} is not 4-byte aligned")
            msig = method_sigs[rid] if rid < len(method_sigs) else None
            nargs = None if msig is None else len(msig.fixed_params) + (1 if msig.flags & HASTHIS else 0)
            if (rva, nargs) in checked:
                continue            # a body shared with a method of the same arity: checked once
            checked.add((rva, nargs))
            nlocals = self._locals(where, body.local_var_sig_token)
            if rva not in bodies:
                bodies.add(rva)
                self.il_bytes += len(body.code)
            self.check_body(where, body, nargs, nlocals)

    def _where(self, rid):
        return _MethodWhere(self.module, rid)

    def _locals(self, where, tok):
        """Number of locals the body's signature token gives (0 for none, None if unknown)."""
        if tok == 0:
            return 0
        tid, rid = tok >> 24, tok & 0xFFFFFF
        if tid != T.StandAloneSig:
            self.problems.add(where, f"local variable signature token 0x{tok:08x} is not a StandAloneSig token")
            return None
        n = self.counts.get(T.StandAloneSig, 0)
        if not 1 <= rid <= n:
            self.problems.add(where, f"local variable signature token 0x{tok:08x} is out of range (the "
                                     f"StandAloneSig table has {n} rows)")
            return None
        s = self.standalone[rid] if rid < len(self.standalone) else None
        if s is None:
            return None         # the signature did not decode; reported with the StandAloneSig table
        if not isinstance(s, sig.LocalVarSig):
            self.problems.add(where, f"local variable signature token 0x{tok:08x} names a "
                                     f"{'method' if isinstance(s, sig.MethodSig) else 'field'} signature, not locals")
            return None
        return len(s.locals)

    # -- one body ------------------------------------------------------------------------------------
    def check_body(self, where, body, nargs, nlocals):
        p = self.problems
        code = body.code
        n = len(code)
        if n == 0:
            p.add(where, "the method body has no IL")
            return
        try:
            instrs = decode(code)
        except ILDecodeError as e:
            p.add(where, str(e))
            return
        is_start = bytearray(n + 1)
        target_ok = bytearray(n + 1)
        is_start[n] = 1
        branches = []
        prev_prefix = False
        category = CATEGORY
        meta = Flow.META
        for ins in instrs:
            off = ins.offset
            op = ins.opcode
            is_start[off] = 1
            if not prev_prefix:
                target_ok[off] = 1
            prev_prefix = op.flow is meta
            c = category.get(op.value)
            if c is None:
                continue
            cat, fixed = c
            if cat <= C_SWITCH:
                branches.append(ins)
            elif cat == C_LOCAL:
                i = ins.operand if fixed is None else fixed
                if nlocals is not None and i >= nlocals:
                    p.add(where, f"IL offset 0x{off:04x}: {op.name} uses local {i}, but the method has "
                                 f"{nlocals} local{'s' if nlocals != 1 else ''}")
            elif cat == C_ARG:
                i = ins.operand if fixed is None else fixed
                if nargs is not None and i >= nargs:
                    p.add(where, f"IL offset 0x{off:04x}: {op.name} uses argument {i}, but the method has "
                                 f"{nargs} argument{'s' if nargs != 1 else ''}")
            else:
                tok = int(ins.operand)
                reasons = self._token_reasons[cat]
                reason = reasons.get(tok, _MISSING)
                if reason is _MISSING:
                    reason = reasons[tok] = self._token_reason(cat, tok)
                if reason:
                    p.add(where, f"IL offset 0x{off:04x}: {op.name} token 0x{tok:08x} {reason}")
        last = instrs[-1]
        if last.opcode.flow in _FALLS_THROUGH and last.opcode.name != "jmp":
            p.add(where, f"IL offset 0x{last.offset:04x}: control falls through the end of the method body "
                         f"after {last.opcode.name}")
        for ins in branches:
            targets = ins.branch_targets()
            for j, t in enumerate(targets):
                what = f"{ins.opcode.name} target {j}" if len(targets) > 1 or ins.opcode.name == "switch" \
                    else ins.opcode.name
                if not 0 <= t < n:
                    p.add(where, f"IL offset 0x{ins.offset:04x}: {what} branches to IL {_il(t)}, outside the "
                                 f"method body ({n} bytes)")
                elif not target_ok[t]:
                    why = ("between a prefix and the instruction it modifies" if is_start[t]
                           else "not the start of an instruction")
                    p.add(where, f"IL offset 0x{ins.offset:04x}: {what} branches to IL {_il(t)}, which is {why}")
        if body.clauses:
            self.check_clauses(where, body.clauses, n, is_start)

    def _token_reason(self, cat, tok):
        """Why `tok` is not a valid operand of the category, or None."""
        tid, rid = tok >> 24, tok & 0xFFFFFF
        if cat == C_STRING:
            return self._string_reason(tid, rid)
        allowed = ALLOWED[cat]
        if tid not in allowed:
            return f"is a {_table_name(tid)} token; expected {_EXPECTED[cat]}"
        n = self.counts.get(tid, 0)
        if rid == 0:
            return f"is a nil {_table_name(tid)} token"
        if rid > n:
            return f"names {_table_name(tid)} row {rid}, but the table has {n} rows"
        if tid == T.MemberRef and cat in (C_METHOD, C_CTOR, C_FIELD):
            is_field = self.memberref_is_field[rid] if rid < len(self.memberref_is_field) else None
            if is_field is True and cat != C_FIELD:
                return "names a field reference; expected a method"
            if is_field is False and cat == C_FIELD:
                return "names a method reference; expected a field"
        if cat == C_SIG:
            s = self.standalone[rid] if rid < len(self.standalone) else None
            if s is not None and not isinstance(s, sig.MethodSig):
                return "names a StandAloneSig that is not a method signature"
        return None

    def _string_reason(self, tid, rid):
        if tid != TOKEN_USER_STRING:
            return f"is a {_table_name(tid)} token; expected a user string (0x70)"
        us = self.module.user_strings
        if rid == 0:
            return "is a nil user string token"
        if rid >= us.size:
            return f"is past the end of the #US heap ({us.size} bytes)"
        if self.us_starts is not None and rid not in self.us_starts:
            return "does not point at the start of a #US entry"
        try:
            us.get_string(rid)
        except BadImageError as e:
            return f"is not a valid user string: {e.message}"
        return None

    # -- exception clauses ---------------------------------------------------------------------------
    def check_clauses(self, where, clauses, n, is_start):
        p = self.problems
        blocks = []         # (index, try, handler, filter or None) of the clauses whose ranges are sound
        for i, c in enumerate(clauses):
            cw = _ClauseWhere(where, i)
            ok = True
            for label, start, length in (("try block", c.try_offset, c.try_length),
                                         ("handler", c.handler_offset, c.handler_length)):
                end = start + length
                if length == 0:
                    p.add(cw, f"the {label} at IL {_il(start)} is empty")
                    ok = False
                elif end > n:
                    p.add(cw, f"the {label} IL {_il(start)}-{_il(end)} extends past the end of the body ({n} bytes)")
                    ok = False
                elif not (is_start[start] and is_start[end]):
                    p.add(cw, f"the {label} IL {_il(start)}-{_il(end)} does not begin and end on instruction "
                              "boundaries")
                    ok = False
            flt = None
            if c.kind == ClauseKind.FILTER:
                f = c.filter_offset
                if f >= n or not is_start[f]:
                    p.add(cw, f"the filter at IL {_il(f)} is not the start of an instruction in the body")
                    ok = False
                elif f >= c.handler_offset:
                    p.add(cw, f"the filter at IL {_il(f)} does not precede its handler at IL {_il(c.handler_offset)}")
                    ok = False
                else:
                    flt = (f, c.handler_offset)
            elif c.kind == ClauseKind.EXCEPTION:
                reason = self._class_token_reason(c.class_token)
                if reason:
                    p.add(cw, f"catch type token 0x{c.class_token:08x} {reason}")
            if not ok:
                continue
            tr = (c.try_offset, c.try_end)
            hr = (c.handler_offset, c.handler_end)
            if _overlap(tr, hr):
                p.add(cw, f"the handler IL {_range(hr)} overlaps its own try block IL {_range(tr)}")
                continue
            if flt is not None and (_overlap(flt, tr) or _overlap(flt, hr)):
                p.add(cw, f"the filter block IL {_range(flt)} overlaps the clause's try block or handler")
                continue
            blocks.append((i, tr, hr, flt))
        self._check_nesting(where, blocks)

    def _check_nesting(self, where, blocks):
        """Blocks of different clauses must form a laminar family (disjoint or nested), and a clause
        nested in another's try block must come first. One sweep over the blocks sorted by (start,
        -end) with a stack of the blocks enclosing the current one: O(n log n) in the number of
        clauses, which a crafted EH section can make large."""
        p = self.problems
        owners = {}             # interval -> [(clause index, block name)]
        handler_of = {}
        for i, tr, hr, flt in blocks:
            owners.setdefault(tr, []).append((i, "try block"))
            owners.setdefault(hr, []).append((i, "handler"))
            if flt is not None:
                owners.setdefault(flt, []).append((i, "filter"))
            handler_of[i] = hr
        stack = []              # (interval, its owners, the nearest try interval at or above it)
        for iv in sorted(owners, key=lambda r: (r[0], -r[1])):
            own = owners[iv]
            while stack and stack[-1][0][1] <= iv[0]:
                stack.pop()
            if stack and iv[1] > stack[-1][0][1]:
                top, top_own, _ = stack[-1]
                (ib, lb), (ia, la) = own[0], top_own[0]
                p.add(_ClauseWhere(where, ib), f"its {lb} IL {_range(iv)} and the {la} IL {_range(top)} of clause "
                                               f"{ia} overlap without one containing the other")
                continue
            is_try = any(label == "try block" for _, label in own)
            outer_try = stack[-1][2] if stack else None
            if is_try and outer_try is not None:
                enclosing = [i for i, label in owners[outer_try] if label == "try block"]
                first = min(enclosing)
                late = [i for i, label in own if label == "try block" and i > first
                        and _inside(handler_of[i], outer_try)]
                if late:
                    p.add(_ClauseWhere(where, late[0]),
                          f"is nested inside clause {first}'s try block IL {_range(outer_try)} but listed after it; "
                          "inner clauses come first")
            stack.append((iv, own, iv if is_try else outer_try))

    def _class_token_reason(self, tok):
        tid, rid = tok >> 24, tok & 0xFFFFFF
        if tid not in _TYPES:
            return f"is a {_table_name(tid)} token; expected TypeDef, TypeRef or TypeSpec"
        n = self.counts.get(tid, 0)
        if not 1 <= rid <= n:
            return f"names {_table_name(tid)} row {rid}, but the table has {n} rows"
        return None


def _il(x):
    return f"0x{x:04x}" if x >= 0 else f"-0x{-x:x}"


def _range(r):
    return f"{_il(r[0])}-{_il(r[1])}"


def _overlap(x, y):
    return x[0] < y[1] and y[0] < x[1]


def _inside(x, y):
    return y[0] <= x[0] and x[1] <= y[1]



class _MethodWhere:
    """"method Ns.Type::Name (0x06000012)", formatted only when a problem is reported."""
    __slots__ = ("module", "rid")

    def __init__(self, module, rid):
        self.module, self.rid = module, rid

    def __str__(self):
        return f"method {self.module.method_display_name(self.rid)} (0x{0x06000000 | self.rid:08x})"


class _ClauseWhere:
    __slots__ = ("method", "index")

    def __init__(self, method, index):
        self.method, self.index = method, index

    def __str__(self):
        return f"{self.method}, exception clause {self.index}"
