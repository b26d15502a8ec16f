"""The methods the runtime provides on general (multi-dimensional) array types (ECMA-335 II.14.2).

An array type `T[,]` has, with one int32 per dimension: `.ctor(lengths)`, `.ctor(lower, length, ...)`
(pairs), `T Get(indices)`, `void Set(indices, T)` and `T& Address(indices)`. They have no metadata
rows; the loader makes MethodDescs for them (with `array_method` naming which) and the JIT
implements them inline (jit/translate/arrays.py).
"""
from ..metadata.signatures import CallingConvention as CC, MethodSig, PrimitiveType, ElementType as E
from .method_desc import MethodAttributes as MA, MethodDesc


def array_methods(loader, th):
    i4 = loader.primitive(E.I4)
    rank = th.rank
    elem = th.element
    specs = [(".ctor", "ctor", (i4,) * rank, None),
             (".ctor", "ctor_bounds", (i4,) * (2 * rank), None),
             ("Get", "get", (i4,) * rank, elem),
             ("Set", "set", (i4,) * rank + (elem,), None),
             ("Address", "address", (i4,) * rank, loader.byref_to(elem))]
    out = []
    for name, kind, params, ret in specs:
        flags = MA.PUBLIC | (MA.SPECIAL_NAME | MA.RT_SPECIAL_NAME if name == ".ctor" else 0)
        # The signature only records the shape (`this`, parameter count) for matching call sites.
        shape = MethodSig(int(CC.HASTHIS), PrimitiveType(E.VOID), tuple(PrimitiveType(E.I4) for _ in params))
        md = MethodDesc(th, None, 0, name, int(flags), 0, shape)
        md.array_method = kind
        md._param_types = params
        md._return_type = ret
        out.append(md)
    return out
