"""Differential testing of the JIT against Mono: the same test methods run under both, results compared.

A test source (tests/jit/programs/*.cs or *.il) is a library whose public static parameterless
methods named `test_*` return a primitive value or a string. Both sides print each method's result
in one canonical form:

    integers      decimal (unsigned types as unsigned, native ints as 64-bit)
    bool, char    0/1, the UTF-16 code
    float/double  f:XXXXXXXX / d:XXXXXXXXXXXXXXXX, the hex of the IEEE bits (every NaN compares as "NaN":
                  ECMA-335 does not specify NaN payloads or signs, and they differ with constant folding)
    string        s:c1,c2,... (UTF-16 code units), or null
    void          void
    exception     ! and the exception's full type name

The Mono side is a small reflection driver (mono_driver.cs) whose output is cached per content hash
of driver and test assembly under tests/.cache. The clrpy side calls each method through the
embedding API, in two clrpy.Runtimes per test assembly per worker process: one compiling in tiers
(a test method, called once, then runs the quick tier's code unless it has loops) and one
compiling everything optimised, so that both code generators are compared with Mono.
"""
import hashlib
import os
import re
import struct
import subprocess
import tempfile
from pathlib import Path

from conftest import CACHE, assemble_il, compile_cs

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"

# C# sources are built twice: as mcs emits by default, and optimised (other IL shapes: short
# branches, fewer locals, dup instead of store/load).
CS_VARIANTS = {"debug": ("-unsafe",), "opt": ("-unsafe", "-optimize+")}

_CS_TEST = re.compile(r"public\s+static\s+[\w.\[\]*]+\s+(test_\w+)\s*\(\s*\)")
_IL_TEST = re.compile(r"^\s*\.method\b[^\n]*\bpublic\b[^\n]*\bstatic\b[^\n]*?\b(test_\w+)\s*\(\s*\)", re.M)


def sources():
    """The differential test sources (libraries), sorted."""
    return sorted(p for p in PROGRAMS.iterdir() if p.suffix in (".cs", ".il"))


def variants(path: Path):
    return list(CS_VARIANTS) if path.suffix == ".cs" else ["il"]


def declared_tests(path: Path):
    """The test method names a source declares (found by pattern, so that pytest can collect
    without compiling anything). They must be unique within a source."""
    text = path.read_text()
    names = (_CS_TEST if path.suffix == ".cs" else _IL_TEST).findall(text)
    dups = {n for n in names if names.count(n) > 1}
    if dups:
        raise ValueError(f"{path.name}: test names are not unique: {sorted(dups)}")
    return names


def build(path: Path, variant: str) -> Path:
    text = path.read_text()
    if path.suffix == ".cs":
        return compile_cs(text, *CS_VARIANTS[variant], library=True)
    return assemble_il(text, library=True)


# -- Mono -----------------------------------------------------------------------------------------------
def _driver() -> Path:
    return compile_cs((HERE / "mono_driver.cs").read_text())


def mono_results(assembly: Path) -> dict:
    """{method name: canonical result} of every test method in `assembly`, as Mono computes them."""
    driver = _driver()
    key = hashlib.sha256(driver.read_bytes() + b"\0" + assembly.read_bytes()).hexdigest()[:20]
    out = CACHE / f"mono-{key}.txt"
    if not out.exists():
        p = subprocess.run(["mono", "--debug", str(driver), str(assembly)], capture_output=True, text=True,
                           timeout=300)
        if p.returncode != 0:
            raise RuntimeError(f"the mono driver failed on {assembly} ({p.returncode}):\n{p.stdout}\n{p.stderr}")
        fd, tmp = tempfile.mkstemp(dir=CACHE)
        with os.fdopen(fd, "w") as f:
            f.write(p.stdout)
        os.replace(tmp, out)
    results = {}
    for line in out.read_text().splitlines():
        qualified, _, value = line.partition("\t")
        name = qualified.rpartition("::")[2]
        if name in results:
            raise ValueError(f"{assembly}: test method {name} is defined in more than one type")
        results[name] = canonical(value)
    return results


def canonical(text: str) -> str:
    """Fold every NaN to one spelling (see the module docstring)."""
    if text.startswith("f:"):
        bits = int(text[2:], 16)
        if bits & 0x7F800000 == 0x7F800000 and bits & 0x007FFFFF:
            return "f:NaN"
    elif text.startswith("d:"):
        bits = int(text[2:], 16)
        if bits & 0x7FF0000000000000 == 0x7FF0000000000000 and bits & 0x000FFFFFFFFFFFFF:
            return "d:NaN"
    return text


# -- clrpy ----------------------------------------------------------------------------------------------
class ClrpyRunner:
    """One clrpy runtime with one test assembly loaded."""

    def __init__(self, assembly: Path, tiered: bool = True):
        import clrpy
        self.clrpy = clrpy
        self.runtime = clrpy.Runtime(tiered=tiered)
        self.assembly = self.runtime.load(assembly)
        self.methods = {}           # name -> ManagedMethod
        module = self.assembly.module
        from clrpy.metadata.schema import TableId
        for rid in range(2, len(module.table(TableId.TypeDef)) + 1):
            mt = self.assembly.type(module.typedef_name(rid))
            for md in mt.handle.methods:
                public = md.flags & 0x7 == 6
                if public and md.is_static and md.name.startswith("test_") and not md.param_types:
                    if md.name in self.methods:
                        raise ValueError(f"{assembly}: test method {md.name} is defined in more than one type")
                    self.methods[md.name] = (mt.method(md.name), md.return_type)

    def call(self, name: str) -> str:
        method, rtype = self.methods[name]
        try:
            value = method()
        except self.clrpy.ManagedException as e:
            return "!" + e.type_name
        return canonical(_format(value, rtype))

    def close(self):
        self.runtime.close()


def _format(value, th) -> str:
    if th is None:
        return "void"
    name = th.full_name
    if value is None:
        return "null"
    if name == "System.Boolean":
        return "1" if value else "0"
    if name == "System.Char":
        return str(ord(value))
    if name == "System.Single":
        return "f:%08x" % struct.unpack("<I", struct.pack("<f", value))[0]
    if name == "System.Double":
        return "d:%016x" % struct.unpack("<Q", struct.pack("<d", value))[0]
    if name == "System.String":
        units = struct.unpack(f"<{len(value.encode('utf-16-le', 'surrogatepass')) // 2}H",
                              value.encode("utf-16-le", "surrogatepass"))
        return "s:" + ",".join(str(u) for u in units)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return "?" + name
