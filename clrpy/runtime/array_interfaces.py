"""The generic collection interfaces of single-dimensional arrays.

`T[]` implements IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyList<T> and
IReadOnlyCollection<T> (and, through array covariance, those of any reference type its elements cast
to: a string[] is an IList<object>). The methods behind them are Mono's: generic methods of
System.Array named `InternalArray__<Interface>_<Method>` or `InternalArray__<Method>`, instantiated
over the interface's type argument, with the array as `this`.
"""
from ..typesys.casting import ARRAY_GENERIC_INTERFACES, element_compatible


def array_interface_methods(loader, element, iface):
    """The itable (MethodDescs in `iface`'s method order) of a T[] seen as `iface`, or None."""
    if iface.generic_definition is None or iface.module is not loader.corlib \
            or iface.namespace != "System.Collections.Generic" or iface.name not in ARRAY_GENERIC_INTERFACES:
        return None
    arg = iface.generic_args[0]
    if not element_compatible(loader, element, arg):
        return None
    base = iface.name.split("`")[0]
    array_methods = {m.name: m for m in loader.array_type.methods if m.name.startswith("InternalArray__")}
    from ..typesys.vtable import build_vtable
    build_vtable(loader, iface)
    out = []
    for im in iface.vtable:
        m = array_methods.get(f"InternalArray__{base}_{im.name}") or array_methods.get(f"InternalArray__{im.name}")
        if m is None:
            return None
        if m.signature.generic_param_count:
            m = loader.instantiate_method(m, (arg,))
        out.append(m)
    return out


def array_interfaces(loader, th):
    """(interface, itable methods) for each generic collection interface over the array's own
    element type (the others are found on demand, through covariance)."""
    if not th.is_szarray:
        return []
    out = []
    for name in ARRAY_GENERIC_INTERFACES:
        iface = loader.instantiate(loader.corlib_type("System.Collections.Generic", name), (th.element,))
        methods = array_interface_methods(loader, th.element, iface)
        if methods is not None:
            out.append((iface, methods))
    return out
