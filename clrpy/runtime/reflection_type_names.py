"""Reflection type names: parsing and resolving the names Type.GetType and custom attributes use.

The grammar is the one Type.AssemblyQualifiedName produces (and Mono's runtime parses):

    name      := simple ('+' simple)* generics? modifier* (',' assembly)?
    simple    := identifier characters, with '\\' escaping any of  , + & * [ ] \\
    generics  := '[' arg (',' arg)* ']'        arg := '[' name-with-assembly ']' | name
    modifier  := '[]' | '[' ','* ']' | '[*]' | '*' | '&'

so "System.Collections.Generic.Dictionary`2[[System.String, mscorlib],[System.Int32]][]" and
"Outer+Inner, MyLib, Version=1.0.0.0" both parse. A name without an assembly is looked up in the
assemblies the caller supplies (Type.GetType: the calling method's assembly, then mscorlib), the
generic arguments each by the same rule.
"""
from dataclasses import dataclass, field

from ..errors import AssemblyResolutionError, BadImageError, TypeResolutionError
from ..metadata.identity import AssemblyName

_SPECIAL = ",+&*[]\\"


@dataclass
class ParsedTypeName:
    names: list                             # the type's name, then nested names
    generic_args: list = field(default_factory=list)    # ParsedTypeName per argument
    modifiers: list = field(default_factory=list)       # "[]", ("array", rank), "*", "&"
    assembly: str = None


class TypeNameError(ValueError):
    """The text is not a well-formed type name."""


class _Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def peek(self):
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def parse(self, allow_assembly=True, in_brackets=False) -> ParsedTypeName:
        t = ParsedTypeName([self.identifier()])
        while self.peek() == "+":
            self.pos += 1
            t.names.append(self.identifier())
        if self.peek() == "[" and self.pos + 1 < len(self.text) and self.text[self.pos + 1] not in "],*":
            self.pos += 1
            while True:
                self.skip_spaces()
                if self.peek() == "[":
                    self.pos += 1
                    t.generic_args.append(self.parse(allow_assembly=True, in_brackets=True))
                    self.expect("]")
                else:
                    t.generic_args.append(self.parse(allow_assembly=False))
                self.skip_spaces()
                if self.peek() == ",":
                    self.pos += 1
                    continue
                self.expect("]")
                break
        while self.peek() in ("[", "*", "&") and self.peek():
            c = self.peek()
            if c == "[":
                end = self.text.find("]", self.pos)
                if end < 0:
                    raise TypeNameError("unterminated array specifier")
                inside = self.text[self.pos + 1:end].replace(" ", "")
                if inside == "":
                    t.modifiers.append("[]")
                elif inside == "*":
                    t.modifiers.append(("array", 1))
                elif set(inside) == {","}:
                    t.modifiers.append(("array", len(inside) + 1))
                else:
                    raise TypeNameError(f"bad array specifier [{inside}]")
                self.pos = end + 1
            else:
                t.modifiers.append(c)
                self.pos += 1
        self.skip_spaces()
        if self.peek() == ",":
            if not allow_assembly:
                return t
            self.pos += 1
            end = self.text.find("]", self.pos) if in_brackets else len(self.text)
            if end < 0:
                end = len(self.text)
            t.assembly = self.text[self.pos:end].strip()
            self.pos = end
        return t

    def identifier(self) -> str:
        self.skip_spaces()
        out = []
        while self.pos < len(self.text):
            c = self.text[self.pos]
            if c == "\\" and self.pos + 1 < len(self.text):
                out.append(self.text[self.pos + 1])
                self.pos += 2
                continue
            if c in _SPECIAL:
                break
            out.append(c)
            self.pos += 1
        name = "".join(out).rstrip()
        if not name:
            raise TypeNameError(f"a type name is missing at position {self.pos}")
        return name

    def skip_spaces(self):
        while self.peek() == " ":
            self.pos += 1

    def expect(self, c):
        self.skip_spaces()
        if self.peek() != c:
            raise TypeNameError(f"expected '{c}' at position {self.pos}")
        self.pos += 1


def parse_type_name(text: str) -> ParsedTypeName:
    p = _Parser(text)
    t = p.parse()
    p.skip_spaces()
    if p.pos != len(text):
        raise TypeNameError(f"unexpected '{text[p.pos:]}' after the type name")
    return t


def resolve(loader, parsed: ParsedTypeName, modules, ignore_case=False):
    """The TypeHandle `parsed` names, looking in its assembly or else in `modules` in order (None if
    no such type). Raises AssemblyResolutionError when a named assembly cannot be found."""
    if parsed.assembly:
        search = [bind_assembly(loader, parsed.assembly)]
    else:
        search = modules
    th = None
    for module in search:
        th = _find(loader, module, parsed.names, ignore_case)
        if th is not None:
            break
    if th is None:
        return None
    if parsed.generic_args:
        if not th.is_generic_definition or th.generic_param_count != len(parsed.generic_args):
            return None
        args = []
        for a in parsed.generic_args:
            at = resolve(loader, a, modules, ignore_case)
            if at is None:
                return None
            args.append(at)
        th = loader.instantiate(th, args)
    for m in parsed.modifiers:
        if m == "[]":
            th = loader.array_of(th)
        elif m == "*":
            th = loader.pointer_to(th)
        elif m == "&":
            th = loader.byref_to(th)
        else:
            th = loader.array_of(th, m[1], szarray=False)
    return th


def bind_assembly(loader, text: str):
    """The assembly a type name's assembly part names. As in Mono, a partial name (no version, no
    public key token) binds only to mscorlib or to an assembly of the application's directory, never
    to another class-library assembly."""
    name = AssemblyName.parse(text)
    binder = loader.binder
    if name.name.casefold() == "mscorlib":
        return loader.corlib
    module = binder.bind(name)
    if name.version == (0, 0, 0, 0) and not name.public_key_token and _in_framework(binder, module):
        raise AssemblyResolutionError(name.name, [], "a partial name does not bind to a class-library assembly")
    return module


def _in_framework(binder, module) -> bool:
    import os
    fw = binder.framework_dir
    if not fw or not module.path:
        return False
    return os.path.abspath(str(module.path)).startswith(os.path.abspath(str(fw)) + os.sep)


def _find(loader, module, names, ignore_case):
    top = names[0]
    ns, _, name = top.rpartition(".")
    try:
        if ignore_case:
            rid = _find_ignoring_case(module, ns, name)
            if not rid:
                return None
            found = (module, rid)
        else:
            found = loader.binder.find_type(module, ns, name)
    except (TypeResolutionError, AssemblyResolutionError, BadImageError):
        return None
    if not found:
        return None
    mod, rid = found
    for nested in names[1:]:
        rid = _find_nested(mod, rid, nested, ignore_case)
        if not rid:
            return None
    return loader.load_typedef(mod, rid)


def _find_nested(module, enclosing, name, ignore_case) -> int:
    from ..metadata.schema import TableId as T
    for rid in module.nested_types(enclosing):
        n = module.tables[T.TypeDef][rid].type_name
        if n == name or (ignore_case and n.lower() == name.lower()):
            return rid
    return 0


def _find_ignoring_case(module, ns, name) -> int:
    from ..metadata.schema import TableId as T
    table = module.tables[T.TypeDef]
    for rid in range(1, table.num_rows + 1):
        row = table[rid]
        if row.type_namespace.lower() == ns.lower() and row.type_name.lower() == name.lower() \
                and not module.enclosing_type(rid):
            return rid
    return 0
