"""Wrappers: code with a managed method's signature for internal calls that have no native function.

A call site reaches an internal call directly (translate/calls.py): as a JIT intrinsic (Math.Pow is
a libm call inline), as the registry's native function, or as a NotSupportedException naming a
method clrpy lacks. Some uses need the method at an *address* instead: `ldftn` (a delegate to
Math.Pow) and vtable slots. When the registry has a function, that function is the address. For the
others the JIT compiles a wrapper: the method imported from the IL

    ldarg.0 ... ldarg.n; call <the method itself>; ret

so that the call inside is emitted exactly as at any other call site.
"""
import struct

from ..errors import UnsupportedFeatureError
from ..metadata.method_body import MethodBody
from .importer import MethodImporter

_LDARG_SHORT = (0x02, 0x03, 0x04, 0x05)     # ldarg.0 .. ldarg.3
_LDARG_S, _CALL, _RET = 0x0E, 0x28, 0x2A


def wrapper_il(md) -> bytes:
    if md.generic_args or md.token >> 24 != 0x06:
        raise UnsupportedFeatureError(f"the address of the generic internal call {md.full_name}")
    code = bytearray()
    for i in range(len(md.param_types) + (1 if md.has_this else 0)):
        code += bytes([_LDARG_SHORT[i]]) if i < 4 else bytes([_LDARG_S, i])
    code += bytes([_CALL]) + struct.pack("<I", md.token) + bytes([_RET])
    return bytes(code)


class IcallWrapperImporter(MethodImporter):
    """Imports the wrapper IL in place of the body the internal call does not have."""

    def read_body(self):
        code = wrapper_il(self.method)
        return MethodBody(offset=0, fat=False, flags=0, max_stack=len(self.method.param_types) + 1,
                          code_offset=0, code=code, local_var_sig_token=0, clauses=())
