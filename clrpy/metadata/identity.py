"""Assembly identity: name, version, culture and public key (token) (ECMA-335 II.6.2.1, II.22.2).

An Assembly row carries the full public key; an AssemblyRef usually carries only its *token*,
the last eight bytes of the SHA-1 hash of the key, in reverse order. Binding compares tokens, so
both sides are reduced to one here. `str(name)` is the display name the CLR prints:
"System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089".
"""
from dataclasses import dataclass, field
from enum import IntFlag


class AssemblyFlags(IntFlag):
    PUBLIC_KEY = 0x0001
    RETARGETABLE = 0x0100
    DISABLE_JIT_COMPILE_OPTIMIZER = 0x4000
    ENABLE_JIT_COMPILE_TRACKING = 0x8000


def public_key_token(public_key: bytes) -> bytes:
    """The 8-byte token of a public key: the last 8 bytes of its SHA-1, reversed."""
    if not public_key:
        return b""
    import hashlib      # imported on first use: opening an image does not need it
    # The ECMA standard key (16 bytes, 00000000000000000400000000000000) hashes like any other key.
    return hashlib.sha1(public_key).digest()[-8:][::-1]


@dataclass(frozen=True, slots=True)
class AssemblyName:
    name: str
    version: tuple = (0, 0, 0, 0)
    culture: str = ""
    public_key_token: bytes = b""          # empty for assemblies that are not strong-named
    public_key: bytes = field(default=b"", compare=False)
    flags: int = field(default=0, compare=False)

    @property
    def is_strong_named(self) -> bool:
        return bool(self.public_key_token)

    @property
    def version_text(self) -> str:
        return ".".join(str(v) for v in self.version)

    @property
    def token_text(self) -> str:
        return self.public_key_token.hex() if self.public_key_token else "null"

    def __str__(self):
        return (f"{self.name}, Version={self.version_text}, Culture={self.culture or 'neutral'}, "
                f"PublicKeyToken={self.token_text}")

    @classmethod
    def from_assembly_row(cls, row):
        token = public_key_token(row.public_key) if row.public_key else b""
        return cls(row.name, (row.major_version, row.minor_version, row.build_number, row.revision_number),
                   row.culture, token, row.public_key, row.flags)

    @classmethod
    def from_assembly_ref_row(cls, row):
        key = row.public_key_or_token
        if row.flags & AssemblyFlags.PUBLIC_KEY:
            token, full = public_key_token(key), key
        else:
            token, full = key, b""
        return cls(row.name, (row.major_version, row.minor_version, row.build_number, row.revision_number),
                   row.culture, token, full, row.flags)

    @classmethod
    def parse(cls, text: str):
        """Parse a display name ("Name, Version=1.2.3.4, Culture=neutral, PublicKeyToken=...")."""
        parts = [p.strip() for p in text.split(",")]
        name, version, culture, token = parts[0], (0, 0, 0, 0), "", b""
        for p in parts[1:]:
            key, _, value = p.partition("=")
            key = key.strip().lower()
            value = value.strip()
            if key == "version":
                nums = [int(x) for x in value.split(".")]
                version = tuple((nums + [0, 0, 0, 0])[:4])
            elif key == "culture":
                culture = "" if value.lower() == "neutral" else value
            elif key == "publickeytoken":
                token = b"" if value.lower() == "null" else bytes.fromhex(value)
        return cls(name, version, culture, token)
