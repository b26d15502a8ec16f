"""The runtime helpers JIT'd code calls, as a table.

Generated code calls the runtime only for specific operations (see ../shared notes on CoreCLR's
jithelpers.h and Mono's JIT icalls): compiling a method on first call, allocating when the inline
fast path runs out of space, raising exceptions, running class constructors. Each row gives the
helper's symbol, its LLVM signature, whether it may leave an exception pending (so the caller
must test the pending-exception word after it), and what it does. The runtime binds each symbol to
an implementation (`runtime/helper_impls.py`); `jitdump` shows calls to them by these names.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Helper:
    name: str
    ret: str
    params: tuple
    may_throw: bool
    doc: str


HELPERS = {h.name: h for h in (
    Helper("clrpy_jit_compile", "ptr", ("i64",), True,
           "compile the method with this id, patch its entry cell, return its code (null if compilation "
           "failed and an exception is pending)"),
    Helper("clrpy_alloc_slow", "ptr", ("ptr", "i64"), True,
           "allocate an object of the given type and size when the inline bump allocation runs out"),
    Helper("clrpy_alloc_finalizable", "ptr", ("ptr", "i64"), True,
           "allocate an object of a class with a finalizer and register it for finalization (no inline path)"),
    Helper("clrpy_new_array", "ptr", ("ptr", "i64"), True,
           "allocate a single-dimensional array of the given array type and length"),
    Helper("clrpy_new_mdarray", "ptr", ("ptr", "ptr", "ptr"), True,
           "allocate a general array: array type, int32 lengths[rank], int32 lower bounds[rank]"),
    Helper("clrpy_promote", "void", ("i64",), False,
           "recompile a hot tier-0 method (method id) at the optimising tier and repoint its callers"),
    Helper("clrpy_class_init", "void", ("ptr",), True,
           "run the class constructor of a type with precise initialisation semantics, once"),
    Helper("clrpy_throw", "void", ("ptr", "i64", "i32"), False,
           "throw an exception object (the `throw` instruction): record where, then clrpy_raise it"),
    Helper("clrpy_finish_raise", "void", (), False,
           "native: run the first pass of an exception the runtime left pending from Python, from the "
           "managed frame that noticed it"),
    Helper("clrpy_rethrow", "void", ("ptr",), False,
           "native: raise the exception a catch handler is handling again, keeping its stack trace"),
    Helper("clrpy_raise", "void", ("ptr",), False,
           "native: the first pass of exception handling: walk the registered frames, run their "
           "search functions (type tests and filters) and record the handler found; the exception "
           "becomes pending"),
    Helper("clrpy_throw_builtin", "void", ("i32", "i64", "i32"), False,
           "raise a runtime exception (kind, method id, IL offset): null reference, index out of "
           "range, overflow, divide by zero, ..."),
    Helper("clrpy_throw_not_supported", "void", ("i64", "i64", "i32"), False,
           "raise NotSupportedException for a feature the runtime lacks (message id, method id, IL offset)"),
    Helper("clrpy_find_itable", "ptr", ("ptr", "ptr"), False,
           "native: the itable (code of each interface method) of an interface in a type's interface map"),
    Helper("clrpy_find_itable_slow", "ptr", ("ptr", "ptr"), False,
           "the itable of an interface a type implements through variance or as an array; null if none"),
    Helper("clrpy_resolve_virtual", "ptr", ("ptr", "i64"), True,
           "the code a generic virtual method (method id) reaches on an object"),
    Helper("clrpy_cast_slow", "i32", ("ptr", "ptr"), False,
           "whether an object is an instance of a type, for the cases generated code does not decide inline "
           "(arrays, variance)"),
    Helper("clrpy_throw_invalid_cast", "void", ("ptr", "ptr", "i64", "i32"), False,
           "raise InvalidCastException naming the object's type and the target type"),
    Helper("clrpy_stack_overflow", "void", ("i64", "ptr"), False,
           "report a stack overflow (method id, its frame address) with the managed frames and end the process"),
)}


# Kinds of exceptions the runtime raises from generated code (clrpy_throw_builtin's first argument).
class BuiltinException:
    NULL_REFERENCE = 1
    INDEX_OUT_OF_RANGE = 2
    OVERFLOW = 3
    DIVIDE_BY_ZERO = 4
    ARITHMETIC = 5              # ckfinite on NaN or infinity
    INVALID_CAST = 6
    ARRAY_TYPE_MISMATCH = 7
    OUT_OF_MEMORY = 8
    INVALID_PROGRAM = 9
    NOT_SUPPORTED = 10

    NAMES = {1: "System.NullReferenceException", 2: "System.IndexOutOfRangeException",
             3: "System.OverflowException", 4: "System.DivideByZeroException",
             5: "System.ArithmeticException", 6: "System.InvalidCastException",
             7: "System.ArrayTypeMismatchException", 8: "System.OutOfMemoryException",
             9: "System.InvalidProgramException", 10: "System.NotSupportedException"}

    # The messages Mono's class library gives these exceptions by default.
    MESSAGES = {1: "Object reference not set to an instance of an object",
                2: "Index was outside the bounds of the array.",
                3: "Arithmetic operation resulted in an overflow.",
                4: "Attempted to divide by zero.",
                5: "Overflow or underflow in the arithmetic operation.",
                6: "Specified cast is not valid.",
                7: "Attempted to access an element as a type incompatible with the array.",
                8: "Insufficient memory to continue the execution of the program.",
                9: "Invalid IL code.",
                10: "Specified method is not supported."}


# Globals generated code reads and writes (bound like helpers).
PENDING_EXCEPTION = "clrpy_pending_exception"   # ptr: the exception object while one propagates, else null
FRAME_CHAIN = "clrpy_frame_chain"               # ptr: innermost registered frame record (exceptions.md)
EH_TARGET = "clrpy_eh_target"                   # ptr: frame record whose handler pass 1 chose (null: none)
EH_HANDLER = "clrpy_eh_handler"                 # i32: index of that handler's clause in its method
ALLOC_PTR = "clrpy_alloc_ptr"                   # ptr: next free byte of the allocation region
ALLOC_LIMIT = "clrpy_alloc_limit"               # ptr: end of the allocation region
STACK_LIMIT = "clrpy_stack_limit"               # i64: lowest usable stack address
