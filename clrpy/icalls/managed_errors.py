"""Managed exceptions raised by internal calls.

An icall raises one of these Python exceptions; the registry's glue (registry.py) turns it into the
managed exception object and leaves it pending, so the caller's handlers see it. Messages are the
class library's own wording (what Mono prints), so programs that print `e.Message` match Mono.
"""
from ..errors import ClrpyError


class ManagedError(ClrpyError):
    """Raise the class-library exception `type_name` with `message` (None: the type's default
    message) and, for ArgumentException and its subclasses, `param_name`."""

    def __init__(self, type_name: str, message: str = None, param_name: str = None, hresult: int = None):
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name = type_name
        self.message = message
        self.param_name = param_name
        self.hresult = hresult

    def build_exception(self, engine) -> int:
        obj = engine.new_exception(self.type_name, self.message)
        th = engine.types.type_of_object(obj)
        if self.param_name is not None:
            engine._set_field(obj, th, "m_paramName", engine.strings.new(self.param_name))
        if self.hresult is not None:
            from .managed_values import instance_field, write_i32
            write_i32(obj + instance_field(th, "_HResult").offset, self.hresult)
        return obj


def argument_null(param_name: str) -> ManagedError:
    return ManagedError("System.ArgumentNullException", "Value cannot be null.", param_name)


def argument_out_of_range(param_name: str, message: str = "Specified argument was out of the range of valid values.") -> ManagedError:
    return ManagedError("System.ArgumentOutOfRangeException", message, param_name)


def argument(message: str, param_name: str = None) -> ManagedError:
    return ManagedError("System.ArgumentException", message, param_name)


def synchronization_lock(message: str = "Object synchronization method was called from an unsynchronized "
                                        "block of code.") -> ManagedError:
    return ManagedError("System.Threading.SynchronizationLockException", message)


def not_supported(message: str) -> ManagedError:
    return ManagedError("System.NotSupportedException", message)
