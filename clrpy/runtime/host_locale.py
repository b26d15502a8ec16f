"""The user's locale as the C library and Mono see it: the character set of the terminal and the
name of the current culture.

Mono calls setlocale(LC_ALL, "") at start-up and asks nl_langinfo(CODESET) for the character set,
so the charset follows LC_ALL, then LC_CTYPE, then LANG -- but only if the C library has that
locale installed; otherwise the C locale's ("ANSI_X3.4-1968", ASCII) applies. We ask the C library
the same question without changing this process's locale: newlocale() on the chosen name, then
nl_langinfo_l().

The current culture's name comes from the environment alone (LC_ALL, then LANG; installed or not),
reduced the way Mono reduces it: "de_DE.UTF-8@euro" becomes "de-de".
"""
import ctypes
import os

_LC_CTYPE_MASK = 1 << 0         # glibc: LC_CTYPE is category 0
_CODESET = 14                   # glibc: nl_langinfo item CODESET (_NL_CTYPE_CODESET_NAME)
C_CHARSET = "ANSI_X3.4-1968"


def _locale_name_for(category_var: str) -> str:
    for var in ("LC_ALL", category_var, "LANG"):
        value = os.environ.get(var)
        if value:
            return value
    return "C"


def charset() -> str:
    """The character set the C library would use for this process's LC_CTYPE (e.g. "UTF-8")."""
    name = _locale_name_for("LC_CTYPE")
    if name in ("C", "POSIX"):
        return C_CHARSET
    try:
        libc = ctypes.CDLL(None)
        libc.newlocale.restype = ctypes.c_void_p
        libc.newlocale.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p]
        libc.nl_langinfo_l.restype = ctypes.c_char_p
        libc.nl_langinfo_l.argtypes = [ctypes.c_int, ctypes.c_void_p]
        libc.freelocale.argtypes = [ctypes.c_void_p]
        loc = libc.newlocale(_LC_CTYPE_MASK, os.fsencode(name), None)
        if not loc:
            return C_CHARSET            # not installed: setlocale would have failed
        try:
            return (libc.nl_langinfo_l(_CODESET, loc) or b"").decode("ascii", "replace") or C_CHARSET
        finally:
            libc.freelocale(loc)
    except (OSError, AttributeError):
        return C_CHARSET


def current_culture_name():
    """The current culture's name as Mono derives it from the environment ("de-de"), or None."""
    name = os.environ.get("LC_ALL") or os.environ.get("LANG")
    if not name:
        name = "C"                      # setlocale(LC_ALL, NULL) without a locale in the environment
    for sep in (".", "@"):
        name = name.split(sep, 1)[0]
    return name.replace("_", "-", 1).lower()
