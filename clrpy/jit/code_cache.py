"""The native-code cache: object files of compiled methods kept on disk between runs.

Generated code names everything the runtime owns through symbols, never addresses
(docs/jit.md), so the object file LLVM produces for a module depends only on

* the module's IR text (which names the method, its callees, types and statics by stable keys),
* the LLVM version, the host CPU and its features, and the optimisation level,
* the optimisation pipeline (jit/engine.py) — its source text is part of the key.

Those make the key (a SHA-256). A later run that generates the same IR links the cached object
instead of optimising and generating code again; binding its symbols to this process's addresses
is the linker's usual work. A corrupt or truncated entry is simply a miss: entries are written to a
temporary name and renamed into place, so concurrent runs (pytest workers) never see half a file.

Where: `$CLRPY_CODE_CACHE` (a directory, or `off`), else `$XDG_CACHE_HOME/clrpy/code`, else
`~/.cache/clrpy/code`.
"""
import hashlib
import os
from pathlib import Path

ENV = "CLRPY_CODE_CACHE"
_FORMAT = "clrpy-code-cache-1"


def default_directory():
    """The cache directory the environment asks for, or None when caching is off."""
    setting = os.environ.get(ENV, "")
    if setting.lower() in ("off", "0", "no", "none"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "clrpy" / "code"


class CodeCache:
    def __init__(self, directory: Path, salt: str):
        self.directory = Path(directory)
        self._prefix = str(self.directory) + os.sep
        self._salt = hashlib.sha256((_FORMAT + "\0" + salt).encode()).digest()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def salt_for(llvm_version, cpu: str, features: str, opt_level: int) -> str:
        """What, besides the IR, decides the machine code: the compiler and its target."""
        pipeline = Path(__file__).with_name("engine.py").read_bytes()
        return "\0".join([".".join(map(str, llvm_version)), cpu, features, str(opt_level),
                          hashlib.sha256(pipeline).hexdigest()])

    def key(self, ir_text: str) -> str:
        return hashlib.sha256(self._salt + ir_text.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / (key[2:] + ".o")

    def load(self, key: str):
        """The cached object file's bytes, or None."""
        try:
            # open() on a string: a run loads hundreds of entries, and pathlib costs 5 times the read
            with open(f"{self._prefix}{key[:2]}{os.sep}{key[2:]}.o", "rb") as f:
                data = f.read()
        except OSError:
            self.misses += 1
            return None
        if not data.startswith(b"\x7fELF"):
            self.misses += 1
            return None
        self.hits += 1
        return data

    def store(self, key: str, data: bytes):
        """Keep an object file; a cache that cannot be written is only slower, never an error."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            pass
