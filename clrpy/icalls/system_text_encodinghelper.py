"""Internal calls of System.Text.EncodingHelper: which encoding the console and Encoding.Default use.

`InternalCodePage(ref int code)` returns the C library's name for the locale's character set and
sets `code` to a small number the managed side switches on (EncodingHelper.GetDefaultEncoding and
Console's class constructor): 1 ASCII, 2 UTF-7, 3 UTF-8, 4 UTF-16LE, 5 UTF-16BE, 6 Latin-1
(Windows-1252), or -1 for "look the name up"; the bit 0x10000000 marks any UTF-8 flavour, which the
console then writes as UTF-8 without a byte-order mark.
"""
from ..runtime import host_locale
from .managed_values import write_i32
from .registry import icall

UTF8_FLAG = 0x10000000

# Character-set names (lower case, '-' as '_') by the code the managed side expects.
_CODES = {
    1: ("ansi_x3.4_1968", "ansi_x3.4_1986", "ascii", "us_ascii", "us", "iso646_us", "cp367", "ibm367",
        "csascii", "iso_ir_6", "646"),
    2: ("utf_7", "unicode_1_1_utf_7", "csunicode11utf7", "x_unicode_2_0_utf_7"),
    3: ("utf_8", "utf8", "unicode_1_1_utf_8", "unicode_2_0_utf_8", "x_unicode_2_0_utf_8"),
    4: ("utf_16", "utf_16le", "ucs_2", "unicode", "iso_10646_ucs_2"),
    5: ("utf_16be", "unicodebig", "unicodefffe"),
    6: ("iso_8859_1", "iso8859_1", "latin1", "l1", "cp819", "ibm819", "iso_ir_100", "csisolatin1",
        "windows_1252", "cp1252"),
}
_BY_NAME = {name: code for code, names in _CODES.items() for name in names}


def code_page_of(charset: str):
    """(code, name) for a C library character-set name, as InternalCodePage reports it."""
    key = charset.lower().replace("-", "_")
    code = _BY_NAME.get(key, -1)
    if "utf_8" in key or key == "utf8":
        code = (3 if code == -1 else code) | UTF8_FLAG
    return code, key


@icall("System.Text.EncodingHelper::InternalCodePage(System.Int32&)")
def internal_code_page(engine, code_out):
    code, name = code_page_of(host_locale.charset())
    write_i32(code_out, code)
    return engine.strings.new(name)
