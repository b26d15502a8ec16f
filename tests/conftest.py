"""Shared test fixtures: compiling C# and IL test programs (cached), and locating Mono's libraries.

Compiled programs are cached under tests/.cache keyed by a hash of the source and the compiler
command, so a second run of the suite compiles nothing. The cache is safe to share between
pytest-xdist workers: each build writes to a temporary name and renames it into place.
"""
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CACHE = TESTS / ".cache"
PROGRAMS = TESTS / "programs"
MONO_LIB = Path(os.environ.get("CLRPY_TEST_MONO_LIB", "/usr/lib/mono/4.5"))
# clrpy's native-code cache (jit/code_cache.py) for every runtime the tests start, in-process or
# as `clrpy run`: the class-library methods most programs use are compiled once per suite run.
os.environ.setdefault("CLRPY_CODE_CACHE", str(CACHE / "code"))


def _cached_build(kind: str, source: str, args, suffix: str) -> Path:
    CACHE.mkdir(exist_ok=True)
    key = hashlib.sha256((kind + "\0" + " ".join(args) + "\0" + source).encode()).hexdigest()[:20]
    out = CACHE / f"{key}{suffix}"
    if out.exists():
        return out
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        src = Path(tmp) / ("prog.cs" if kind == "mcs" else "prog.il")
        src.write_text(source)
        target = Path(tmp) / f"prog{suffix}"
        if kind == "mcs":
            cmd = ["mcs", "-nowarn:0169,0414,0649,0219", *args, f"-out:{target}", str(src)]
        else:
            cmd = ["ilasm", "-quiet", *args, f"-output:{target}", str(src)]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0 or not target.exists():
            raise RuntimeError(f"{kind} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
        # Debug symbols travel with the binary: prog.exe.mdb (mcs -debug) or prog.pdb.
        for extra in Path(tmp).glob("prog*"):
            if extra.name.endswith(".mdb"):
                shutil.copy(extra, out.with_name(out.name + ".mdb"))
            elif extra.suffix == ".pdb":
                shutil.copy(extra, out.with_suffix(".pdb"))
        os.replace(target, out)
    return out


def compile_cs(source: str, *args: str, library: bool = False) -> Path:
    """Compile C# source with mcs (cached) and return the path of the .exe or .dll."""
    if library:
        args = ("-target:library", *args)
    return _cached_build("mcs", source, list(args), ".dll" if library else ".exe")


def assemble_il(source: str, *args: str, library: bool = False) -> Path:
    """Assemble IL source with ilasm (cached) and return the path of the .exe or .dll."""
    if library:
        args = ("-dll", *args)
    return _cached_build("ilasm", source, list(args), ".dll" if library else ".exe")


@pytest.fixture(scope="session")
def mono_lib():
    """Mono's 4.5 class-library directory (the tests need Debian's mono packages)."""
    if not (MONO_LIB / "mscorlib.dll").exists():
        pytest.fail(f"Mono's class libraries are not installed at {MONO_LIB}; run the README's set-up command")
    return MONO_LIB


@pytest.fixture(scope="session")
def mscorlib_path(mono_lib):
    return mono_lib / "mscorlib.dll"


def run_mono(exe: Path, args=(), options=(), stdin: str = None) -> "subprocess.CompletedProcess":
    """Run a program under Mono (the oracle), cached: Mono is deterministic for our programs, and
    the cache key names the binary's content (its cached path is a hash of its source) and the
    command, so a second run of the suite starts Mono only for new programs."""
    import json
    CACHE.mkdir(exist_ok=True)
    key_text = "\0".join(["mono", *options, exe.name, hashlib.sha256(exe.read_bytes()).hexdigest(), *args,
                          stdin or ""])
    out = CACHE / f"mono-{hashlib.sha256(key_text.encode()).hexdigest()[:20]}.json"
    if out.exists():
        d = json.loads(out.read_text())
        return subprocess.CompletedProcess(d["args"], d["returncode"], d["stdout"], d["stderr"])
    p = subprocess.run(["mono", *options, str(exe), *args], capture_output=True, text=True, input=stdin,
                       timeout=300)
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"args": p.args, "returncode": p.returncode, "stdout": p.stdout, "stderr": p.stderr}))
    os.replace(tmp, out)
    return p
