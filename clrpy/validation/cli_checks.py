"""Checks of the CLI header (ECMA-335 II.25.3.3) and of the entry point it names.

The header's flags must agree with each other and with the PE format, the directories it holds
must lie in the image, and the entry point must be something the runtime can call: a MethodDef
(or, in a multi-module assembly, a File) token in range whose method is static, not generic, has
an IL body, returns void, int32 or uint32, and takes nothing or one string[] (II.15.4.1.2).
"""
from ..metadata.cli_header import CLI_HEADER_SIZE, CliFlags
from ..metadata.pe import PE32PLUS_MAGIC
from ..metadata.schema import TableId
from ..metadata import signatures as sig
from .pe_checks import check_directory_in_image

T = TableId
E = sig.ElementType

METHOD_STATIC = 0x0010
METHOD_ABSTRACT = 0x0400
_ENTRY_RETURNS = {E.VOID, E.I4, E.U4}


def check_cli_header(module, problems):
    cli, pe = module.cli, module.pe
    where = "CLI header"
    d = pe.directory(14)
    if cli.cb > d.size:
        problems.add(where, f"the size field ({cli.cb}) is larger than data directory 14 ({d.size} bytes)")
    if cli.cb != CLI_HEADER_SIZE:
        problems.add(where, f"the size field is {cli.cb}, expected {CLI_HEADER_SIZE}")
    if cli.major_runtime_version < 2:
        problems.add(where, f"runtime version {cli.major_runtime_version}.{cli.minor_runtime_version} is older "
                            "than any CLR (major version must be at least 2)")
    flags = cli.flags
    if flags & CliFlags.NATIVE_ENTRYPOINT and flags & CliFlags.ILONLY:
        problems.add(where, f"flags 0x{int(flags):x}: NATIVE_ENTRYPOINT contradicts ILONLY (an IL-only image "
                            "has no native code)")
    if flags & CliFlags.REQUIRED_32BIT and pe.optional.magic == PE32PLUS_MAGIC:
        problems.add(where, f"flags 0x{int(flags):x}: 32BITREQUIRED in a PE32+ (64-bit) image")
    if flags & CliFlags.PREFERRED_32BIT and not flags & CliFlags.REQUIRED_32BIT:
        problems.add(where, f"flags 0x{int(flags):x}: 32BITPREFERRED is only valid together with 32BITREQUIRED")
    if flags & CliFlags.STRONGNAMESIGNED and cli.strong_name_signature.size == 0:
        problems.add(where, f"flags 0x{int(flags):x}: STRONGNAMESIGNED but the strong-name signature directory "
                            "is empty")
    for name in ("metadata", "resources", "strong_name_signature", "vtable_fixups", "managed_native_header"):
        dd = getattr(cli, name)
        check_directory_in_image(pe, problems, f"{where} {name.replace('_', ' ')} directory", dd.rva, dd.size)
    for name in ("code_manager_table", "export_address_table_jumps"):
        dd = getattr(cli, name)
        if dd.rva or dd.size:
            problems.add(f"{where} {name.replace('_', ' ')} directory", "must be zero (ECMA-335 II.25.3.3)")
    if cli.metadata.size and cli.metadata.size < 20:
        problems.add(f"{where} metadata directory", f"{cli.metadata.size} bytes cannot hold a metadata root")


def check_entry_point(module, problems, method_sigs):
    """`method_sigs` maps MethodDef rids to decoded signatures (None where decoding failed)."""
    cli = module.cli
    where = "CLI header entry point"
    if cli.flags & CliFlags.NATIVE_ENTRYPOINT:
        if cli.entry_point and module.pe.section_for_rva(cli.entry_point) is None:
            problems.add(where, f"native entry point RVA 0x{cli.entry_point:x} is not inside any section")
        return
    tok = cli.entry_point
    if tok == 0:
        return
    tid, rid = tok >> 24, tok & 0xFFFFFF
    if tid == T.File:
        n = module.tables[T.File].num_rows
        if not 1 <= rid <= n:
            problems.add(where, f"token 0x{tok:08x} names File row {rid}, but the File table has {n} rows")
        return
    if tid != T.MethodDef:
        problems.add(where, f"token 0x{tok:08x} is not a MethodDef or File token")
        return
    methods = module.tables[T.MethodDef]
    if not 1 <= rid <= methods.num_rows:
        problems.add(where, f"token 0x{tok:08x} names MethodDef row {rid}, but the MethodDef table has "
                            f"{methods.num_rows} rows")
        return
    name = module.method_display_name(rid)
    where = f"entry point {name} (0x{tok:08x})"
    rva, _impl, mflags = methods.raw(rid)[:3]
    if not mflags & METHOD_STATIC:
        problems.add(where, "the entry point must be a static method")
    if mflags & METHOD_ABSTRACT or rva == 0:
        problems.add(where, "the entry point has no IL body")
    owner = module.owner_of_method(rid)
    if owner and module.lookup(T.GenericParam, "Owner", (T.TypeDef << 24) | owner):
        problems.add(where, "the entry point is a method of a generic type")
    s = method_sigs.get(rid)
    if s is None:
        return          # its signature does not decode; reported with the MethodDef table
    if s.has_this:
        problems.add(where, "the entry point's signature has HASTHIS (an instance method)")
    if s.kind != sig.CallingConvention.DEFAULT:
        problems.add(where, f"the entry point's calling convention 0x{s.kind:x} is not DEFAULT")
    if s.is_generic:
        problems.add(where, "the entry point is a generic method")
    ret = sig.strip_modifiers(s.ret)
    if not (isinstance(ret, sig.PrimitiveType) and ret.element_type in _ENTRY_RETURNS):
        problems.add(where, f"the entry point returns {_describe(ret)}; it must return void, int32 or uint32")
    params = [sig.strip_modifiers(p) for p in s.params]
    if len(params) > 1:
        problems.add(where, f"the entry point takes {len(params)} parameters; it must take none or one string[]")
    elif params and not (isinstance(params[0], sig.SzArrayType)
                         and sig.strip_modifiers(params[0].element) == sig.PrimitiveType(E.STRING)):
        problems.add(where, f"the entry point's parameter is {_describe(params[0])}; it must be string[]")


def _describe(t) -> str:
    if isinstance(t, sig.PrimitiveType):
        return t.element_type.name.lower()
    if isinstance(t, sig.SzArrayType):
        return _describe(t.element) + "[]"
    if isinstance(t, sig.NamedType):
        return f"{'valuetype' if t.is_value_type else 'class'} {t.token!r}"
    return type(t).__name__
