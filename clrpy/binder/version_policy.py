"""Version policy: which assembly a reference accepts, and framework unification.

An AssemblyRef names an assembly by identity: simple name, version, culture and (for strong-named
assemblies) public key token. Two rules decide whether a file found on disk satisfies it:

* **Matching** (`check_match`). The simple name and the culture always have to agree (names
  compare case-insensitively, as the CLR does). A reference *with* a public key token is strong:
  the candidate must carry the same token and exactly the same version. A reference *without* a
  token binds by simple name, and the version is ignored (the .NET Framework's rule for assemblies
  that are not strong-named).

* **Unification** (`unify`). The class libraries are one set, shipped together. A program compiled
  against mscorlib 2.0.0.0, or a facade compiled against System.Runtime 4.0.0.0, must run against
  the libraries that are installed, so a reference to a framework assembly is *retargeted* to the
  installed version before matching, as the CLR's unification table does. A framework assembly is
  one that carries a framework public key token (below) and is present in the class-library
  directory; only older-or-equal versions are unified, a reference to a newer version than is
  installed is left as it is (and must then be satisfied exactly, e.g. by a copy in the application
  directory).
"""
from dataclasses import replace

from ..metadata.identity import AssemblyFlags, AssemblyName

# The public key tokens of the keys Microsoft and Mono sign their class libraries with. These
# identify "framework" references; the comment says which of Mono 6.8's libraries carry each.
FRAMEWORK_PUBLIC_KEY_TOKENS = {
    bytes.fromhex("b77a5c561934e089"): "ECMA key: mscorlib, System, System.Core, System.Xml, ...",
    bytes.fromhex("b03f5f7f11d50a3a"): "Microsoft: most facades, System.Drawing, System.Web, Microsoft.CSharp, ...",
    bytes.fromhex("31bf3856ad364e35"): "Microsoft: System.ComponentModel.DataAnnotations, System.Web.Mvc, ...",
    bytes.fromhex("cc7b13ffcd2ddd51"): "Microsoft (.NET Standard): netstandard, System.ValueTuple",
    bytes.fromhex("7cec85d7bea7798e"): "Microsoft (Silverlight/portable platform)",
    bytes.fromhex("0738eb9f132ed756"): "Mono: Mono.Posix, Mono.Security, I18N, Mono.Cecil, ...",
    bytes.fromhex("84e04ff9cfb79065"): "Xamarin/Mono platform assemblies",
}

CORLIB_NAME = "mscorlib"


def is_framework_token(token: bytes) -> bool:
    return token in FRAMEWORK_PUBLIC_KEY_TOKENS


def is_corlib(name: AssemblyName) -> bool:
    """True for a reference to the core library (bound to the runtime's own corlib, whatever its version)."""
    return same_simple_name(name.name, CORLIB_NAME)


def same_simple_name(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def same_culture(a: str, b: str) -> bool:
    return (a or "").casefold() == (b or "").casefold()


def check_match(reference: AssemblyName, candidate: AssemblyName):
    """Why `candidate` does not satisfy `reference`, or None when it does."""
    if not same_simple_name(reference.name, candidate.name):
        return f"its name is {candidate.name}, not {reference.name}"
    if not same_culture(reference.culture, candidate.culture):
        return f"its culture is {candidate.culture or 'neutral'}, not {reference.culture or 'neutral'}"
    if not reference.is_strong_named:
        return None                        # simple-name binding: any version will do
    if candidate.public_key_token != reference.public_key_token:
        return f"its public key token is {candidate.token_text}, not {reference.token_text}"
    if candidate.version != reference.version:
        return f"its version is {candidate.version_text}, not {reference.version_text}"
    return None


def unify(reference: AssemblyName, installed: AssemblyName | None) -> AssemblyName:
    """The reference retargeted to the installed framework assembly, or unchanged.

    `installed` is the identity of the class-library file with the reference's simple name (None
    when the class libraries have no such file).
    """
    if installed is None or not is_framework_token(reference.public_key_token):
        return reference
    if not same_simple_name(installed.name, reference.name) or not same_culture(installed.culture, reference.culture):
        return reference
    if reference.version > installed.version:
        return reference                   # never unify downwards: a newer reference must match exactly
    if installed.public_key_token == reference.public_key_token:
        return replace(reference, version=installed.version)
    if reference.flags & AssemblyFlags.RETARGETABLE and is_framework_token(installed.public_key_token):
        # A portable library's "Retargetable=Yes" reference may be satisfied by the platform's own
        # assembly of that name, signed with another framework key.
        return replace(reference, version=installed.version, public_key_token=installed.public_key_token)
    return reference                       # same name, someone else's key: not the framework's
