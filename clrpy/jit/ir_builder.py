"""A small builder for LLVM IR text.

The JIT writes LLVM IR as text and hands it to LLVM's parser. We build the text ourselves rather
than through llvmlite.ir because that builder cannot express indirect calls through opaque
pointers (every managed call goes through an entry cell) and because plain string building is
several times faster, which matters for JIT throughput.

`Value`s carry their LLVM type; instruction methods return new Values named %tN. Blocks collect
their lines; `ModuleBuilder.text()` assembles declarations, globals and functions.
"""


class Value:
    """An SSA value or constant: its LLVM type (e.g. "i32", "double", "ptr") and its text."""

    __slots__ = ("type", "ref")

    def __init__(self, type_: str, ref: str):
        self.type = type_
        self.ref = ref

    def __repr__(self):
        return f"{self.type} {self.ref}"

    @property
    def typed(self) -> str:
        return f"{self.type} {self.ref}"


def const(type_: str, value) -> Value:
    if type_ in ("float", "double"):
        return Value(type_, float_literal(value, type_))
    if type_ == "ptr":
        return Value("ptr", "null" if not value else f"inttoptr (i64 {value} to ptr)")
    if type_ == "i1":
        return Value("i1", "true" if value else "false")
    bits = int(type_[1:])
    v = int(value) & ((1 << bits) - 1)          # LLVM wants the signed two's-complement spelling
    if v >> (bits - 1):
        v -= 1 << bits
    return Value(type_, str(v))


def float_literal(value: float, type_: str = "double") -> str:
    """LLVM spells float constants as the hex of a double (float ones must be exactly representable)."""
    import struct
    if type_ == "float":
        value = struct.unpack("<f", struct.pack("<f", value))[0]
    return "0x%016X" % struct.unpack("<Q", struct.pack("<d", value))[0]


class Block:
    __slots__ = ("label", "lines", "terminated")

    def __init__(self, label: str):
        self.label = label
        self.lines = []
        self.terminated = False


class FunctionBuilder:
    """Builds one function definition."""

    def __init__(self, name: str, ret_type: str, params, *, linkage: str = "", attrs: str = "",
                 param_attrs=None):
        self.name = name
        self.ret_type = ret_type
        self.params = [Value(t, f"%a{i}") for i, t in enumerate(params)]
        self.param_attrs = param_attrs or [""] * len(params)
        self.linkage = linkage
        self.attrs = attrs
        self.blocks = []
        self.entry = self.block("entry")
        self.allocas = []       # lines hoisted into the entry block
        self.current = self.entry
        self._n = 0
        self.debug = None       # (module builder, subprogram id) when calls carry IL offsets
        self.debug_line = None  # the "line" calls emitted now are attributed to

    # -- blocks ----------------------------------------------------------------------------------
    def block(self, hint: str = "b") -> Block:
        b = Block(f"{hint}{len(self.blocks)}")
        self.blocks.append(b)
        return b

    def at(self, block: Block):
        self.current = block

    @property
    def terminated(self) -> bool:
        return self.current.terminated

    def _tmp(self) -> str:
        self._n += 1
        return f"%t{self._n}"

    def emit(self, line: str):
        self.current.lines.append(line)

    def _value(self, type_: str, text: str) -> Value:
        r = self._tmp()
        self.current.lines.append(f"{r} = {text}")
        return Value(type_, r)

    # -- memory ------------------------------------------------------------------------------------
    def alloca(self, type_: str, align: int = 8, count: int = 1) -> Value:
        """Stack memory for the whole activation (hoisted into the entry block, where mem2reg wants it)."""
        r = self._tmp()
        n = f", i32 {count}" if count != 1 else ""
        self.allocas.append(f"{r} = alloca {type_}{n}, align {align}")
        return Value("ptr", r)

    def load(self, type_: str, ptr: Value, align: int = 0, volatile: bool = False, invariant: bool = False) -> Value:
        """`invariant`: the memory never changes once the code can see it (an array's length, an
        object's type handle), so LLVM may hoist the load out of loops."""
        v = "volatile " if volatile else ""
        a = f", align {align}" if align else ""
        inv = ", !invariant.load !2" if invariant else ""
        return self._value(type_, f"load {v}{type_}, ptr {ptr.ref}{a}{inv}")

    def store(self, value: Value, ptr: Value, align: int = 0, volatile: bool = False):
        v = "volatile " if volatile else ""
        a = f", align {align}" if align else ""
        self.emit(f"store {v}{value.type} {value.ref}, ptr {ptr.ref}{a}")

    def gep(self, ptr: Value, offset) -> Value:
        """ptr + offset bytes (offset an int or an i64/i32 Value)."""
        if isinstance(offset, int):
            if offset == 0:
                return ptr
            return self._value("ptr", f"getelementptr inbounds i8, ptr {ptr.ref}, i64 {offset}")
        return self._value("ptr", f"getelementptr i8, ptr {ptr.ref}, {offset.type} {offset.ref}")

    def memcpy(self, dst: Value, src: Value, size: int, align: int = 1, volatile: bool = False):
        self.emit(f"call void @llvm.memcpy.p0.p0.i64(ptr align {align} {dst.ref}, ptr align {align} {src.ref}, "
                  f"i64 {size}, i1 {'true' if volatile else 'false'})")

    def memset(self, dst: Value, byte: Value, size: Value, align: int = 1, volatile: bool = False):
        self.emit(f"call void @llvm.memset.p0.i64(ptr align {align} {dst.ref}, i8 {byte.ref}, "
                  f"{size.type} {size.ref}, i1 {'true' if volatile else 'false'})")

    # -- arithmetic ------------------------------------------------------------------------------
    def binop(self, op: str, a: Value, b: Value, flags: str = "") -> Value:
        f = f" {flags}" if flags else ""
        return self._value(a.type, f"{op}{f} {a.type} {a.ref}, {b.ref}")

    def icmp(self, cond: str, a: Value, b: Value) -> Value:
        return self._value("i1", f"icmp {cond} {a.type} {a.ref}, {b.ref}")

    def fcmp(self, cond: str, a: Value, b: Value) -> Value:
        return self._value("i1", f"fcmp {cond} {a.type} {a.ref}, {b.ref}")

    def cast(self, op: str, v: Value, to: str) -> Value:
        if v.type == to and op in ("sext", "zext", "trunc", "bitcast", "fpext", "fptrunc"):
            return v
        return self._value(to, f"{op} {v.type} {v.ref} to {to}")

    def select(self, cond: Value, a: Value, b: Value) -> Value:
        return self._value(a.type, f"select i1 {cond.ref}, {a.type} {a.ref}, {b.type} {b.ref}")

    def phi(self, type_: str, incoming) -> Value:
        parts = ", ".join(f"[ {v.ref}, %{blk.label} ]" for v, blk in incoming)
        return self._value(type_, f"phi {type_} {parts}")

    def extract(self, aggregate: Value, index: int, type_: str) -> Value:
        return self._value(type_, f"extractvalue {aggregate.type} {aggregate.ref}, {index}")

    def intrinsic(self, ret: str, name: str, args) -> Value:
        return self._value(ret, f"call {ret} @{name}({', '.join(a.typed for a in args)})")

    # -- calls -------------------------------------------------------------------------------------
    def call(self, ret_type: str, callee: str, args, *, tail: str = "", attrs: str = "", arg_attrs=None):
        """Call `callee` (a @symbol or a %register holding a code pointer). Returns a Value or None."""
        if arg_attrs:
            arglist = ", ".join(f"{a.type}{' ' + at if at else ''} {a.ref}" for a, at in zip(args, arg_attrs))
        else:
            arglist = ", ".join(f"{a.type} {a.ref}" for a in args)
        t = f"{tail} " if tail else ""
        a = f" {attrs}" if attrs else ""
        text = f"{t}call {ret_type} {callee}({arglist}){a}"
        if self.debug is not None and self.debug_line is not None:
            mb, scope = self.debug
            text += f", !dbg !{mb.location(scope, self.debug_line)}"
        if ret_type == "void":
            self.emit(text)
            return None
        return self._value(ret_type, text)

    # -- terminators -----------------------------------------------------------------------------------
    def _terminate(self, line: str):
        self.current.lines.append(line)
        self.current.terminated = True

    def br(self, target: Block):
        self._terminate(f"br label %{target.label}")

    def cbr(self, cond: Value, if_true: Block, if_false: Block, weights=None):
        w = ""
        if weights == "likely":
            w = ", !prof !0"
        elif weights == "unlikely":
            w = ", !prof !1"
        self._terminate(f"br i1 {cond.ref}, label %{if_true.label}, label %{if_false.label}{w}")

    def switch(self, v: Value, default: Block, cases):
        body = " ".join(f"{v.type} {k}, label %{b.label}" for k, b in cases)
        self._terminate(f"switch {v.type} {v.ref}, label %{default.label} [ {body} ]")

    def ret(self, v: Value = None):
        self._terminate(f"ret {v.type} {v.ref}" if v is not None else "ret void")

    def unreachable(self):
        self._terminate("unreachable")

    # -- output -----------------------------------------------------------------------------------------
    def text(self) -> str:
        params = ", ".join(f"{p.type}{' ' + a if a else ''} {p.ref}" for p, a in zip(self.params, self.param_attrs))
        link = f"{self.linkage} " if self.linkage else ""
        attrs = f" {self.attrs}" if self.attrs else ""
        if self.debug is not None:
            attrs += f" !dbg !{self.debug[1]}"
        out = [f"define {link}{self.ret_type} @\"{self.name}\"({params}){attrs} {{"]
        for i, b in enumerate(self.blocks):
            if not b.lines and i != 0:
                continue
            out.append(f"{b.label}:")
            if i == 0:
                out.extend("  " + line for line in self.allocas)
            out.extend("  " + line for line in b.lines)
            if not b.terminated:
                out.append("  unreachable")
        out.append("}")
        return "\n".join(out)


class ModuleBuilder:
    """Collects the declarations, globals and functions of one LLVM module."""

    def __init__(self, name: str):
        self.name = name
        self.globals = {}           # name -> declaration line
        self.declarations = {}      # name -> declaration line
        self.functions = []
        self._metadata = []         # debug-info metadata lines
        self._next_md = 10          # !0-!2 are fixed (branch weights, invariant loads)
        self._locations = {}
        self._debug_unit = None

    def external_global(self, name: str) -> Value:
        """An address the runtime provides (a cell, a statics block, a type handle...)."""
        if name not in self.globals:
            self.globals[name] = f"@\"{name}\" = external global i8"
        return Value("ptr", f"@\"{name}\"")

    def declare(self, name: str, ret: str, params, attrs: str = "") -> str:
        if name not in self.declarations:
            a = f" {attrs}" if attrs else ""
            self.declarations[name] = f"declare {ret} @\"{name}\"({', '.join(params)}){a}"
        return f"@\"{name}\""

    def add(self, fn: FunctionBuilder):
        self.functions.append(fn)

    # -- debug information: IL offsets of calls, for stack traces ----------------------------------------
    def _md(self, text: str) -> int:
        n = self._next_md
        self._next_md += 1
        self._metadata.append(f"!{n} = {text}")
        return n

    def enable_debug(self, fn: FunctionBuilder):
        """Make `fn`'s calls carry a line (IL offset + 1) in the object's DWARF line table."""
        if self._debug_unit is None:
            f = self._md('!DIFile(filename: "il", directory: "")')
            unit = self._md(f'distinct !DICompileUnit(language: DW_LANG_C, file: !{f}, producer: "clrpy", '
                            f'isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)')
            sig = self._md("!DISubroutineType(types: !{})")
            self._debug_unit = (f, unit, sig)
        f, unit, sig = self._debug_unit
        sp = self._md(f'distinct !DISubprogram(name: "{fn.name}", scope: !{f}, file: !{f}, line: 1, type: !{sig}, '
                      f'scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !{unit})')
        fn.debug = (self, sp)

    def location(self, scope: int, line: int) -> int:
        key = (scope, line)
        n = self._locations.get(key)
        if n is None:
            n = self._locations[key] = self._md(f"!DILocation(line: {line}, column: 0, scope: !{scope})")
        return n

    def external_symbols(self):
        """The names of everything the module declares but does not define (bound at link time)."""
        return list(self.globals) + list(self.declarations)

    def defined_functions(self):
        return [f.name for f in self.functions]

    def text(self) -> str:
        parts = [f"; module {self.name}"]
        parts.extend(self.globals.values())
        parts.extend(self.declarations.values())
        parts.append("declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)")
        parts.append("declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)")
        for f in self.functions:
            parts.append(f.text())
        parts.append('!0 = !{!"branch_weights", i32 2000, i32 1}')
        parts.append('!1 = !{!"branch_weights", i32 1, i32 2000}')
        parts.append('!2 = !{}')
        if self._debug_unit is not None:
            parts.append(f"!llvm.dbg.cu = !{{!{self._debug_unit[1]}}}")
            parts.append("!llvm.module.flags = !{!3, !4}")
            parts.append('!3 = !{i32 7, !"Dwarf Version", i32 4}')
            parts.append('!4 = !{i32 2, !"Debug Info Version", i32 3}')
        parts.extend(self._metadata)
        return "\n".join(parts) + "\n"
