"""Precode and the prestub: how a method that is not compiled yet can be called at all.

Every method callers may reach has, besides its entry cell, a *precode*: 24 bytes of machine code in
executable memory that loads the method's id into a scratch register and jumps to the shared
*prestub* (CoreCLR uses the same two words, "precode" and "prestub"; Mono calls them trampolines):

    precode (x86-64):   mov  r11d, <method id>        41 BB id32
                        jmp  [rip + 4]                 FF 25 04 00 00 00
                        int3 x4                        CC CC CC CC
                        .quad clrpy_prestub            (the jump's target)

The entry cell (and any vtable slot for the method) first holds the precode's address. The prestub
saves the argument registers, calls `clrpy_jit_compile(id)` (which compiles the method and
backpatches its cell and vtable slots with the code's address), restores the registers and jumps to
the fresh code, so the original call continues as if the code had always been there. If compilation
fails, an exception is pending and the prestub returns zero to the caller, whose pending-exception
test finds it.

The prestub is the one piece of hand-written assembly in clrpy, in the SysV x86-64 convention that
generated code uses: integer arguments in rdi, rsi, rdx, rcx, r8, r9 (and a value-type result's
address in rdi), floating-point ones in xmm0-xmm7 (scalars only: no value type is passed in registers
by our calling convention), the rest on the stack, which the prestub leaves untouched.
"""
import ctypes
import mmap
import platform
import struct

from ..errors import UnsupportedFeatureError

PRESTUB_ASM = r"""
module asm ".text"
module asm ".globl clrpy_prestub"
module asm ".type clrpy_prestub,@function"
module asm ".p2align 4"
module asm "clrpy_prestub:"
module asm "  pushq %rbp"
module asm "  movq %rsp, %rbp"
module asm "  subq $112, %rsp"
module asm "  movq %rdi, 0(%rsp)"
module asm "  movq %rsi, 8(%rsp)"
module asm "  movq %rdx, 16(%rsp)"
module asm "  movq %rcx, 24(%rsp)"
module asm "  movq %r8, 32(%rsp)"
module asm "  movq %r9, 40(%rsp)"
module asm "  movsd %xmm0, 48(%rsp)"
module asm "  movsd %xmm1, 56(%rsp)"
module asm "  movsd %xmm2, 64(%rsp)"
module asm "  movsd %xmm3, 72(%rsp)"
module asm "  movsd %xmm4, 80(%rsp)"
module asm "  movsd %xmm5, 88(%rsp)"
module asm "  movsd %xmm6, 96(%rsp)"
module asm "  movsd %xmm7, 104(%rsp)"
module asm "  movq %r11, %rdi"
module asm "  movq clrpy_jit_compile@GOTPCREL(%rip), %rax"
module asm "  callq *%rax"
module asm "  movq %rax, %r11"
module asm "  movq 0(%rsp), %rdi"
module asm "  movq 8(%rsp), %rsi"
module asm "  movq 16(%rsp), %rdx"
module asm "  movq 24(%rsp), %rcx"
module asm "  movq 32(%rsp), %r8"
module asm "  movq 40(%rsp), %r9"
module asm "  movsd 48(%rsp), %xmm0"
module asm "  movsd 56(%rsp), %xmm1"
module asm "  movsd 64(%rsp), %xmm2"
module asm "  movsd 72(%rsp), %xmm3"
module asm "  movsd 80(%rsp), %xmm4"
module asm "  movsd 88(%rsp), %xmm5"
module asm "  movsd 96(%rsp), %xmm6"
module asm "  movsd 104(%rsp), %xmm7"
module asm "  movq %rbp, %rsp"
module asm "  popq %rbp"
module asm "  testq %r11, %r11"
module asm "  jz 1f"
module asm "  jmpq *%r11"
module asm "1:"
module asm "  xorl %eax, %eax"
module asm "  xorps %xmm0, %xmm0"
module asm "  retq"
module asm ".size clrpy_prestub, .-clrpy_prestub"

; Declared so that the engine binds the symbol the assembly above calls through the GOT.
declare ptr @clrpy_jit_compile(i64)
"""

PRECODE_SIZE = 32
_CHUNK = 1 << 16


def check_host():
    if platform.machine() not in ("x86_64", "AMD64"):
        raise UnsupportedFeatureError(f"the JIT's prestub exists for x86-64 only, not {platform.machine()}")


class PrecodeHeap:
    """Executable memory holding the runtime's small pieces of generated machine code: one precode per
    method that has been made callable, and unboxing stubs."""

    def __init__(self, prestub_address: int):
        self.prestub = prestub_address
        self._maps = []
        self._ptr = 0
        self._end = 0

    def _slot(self) -> int:
        if self._ptr + PRECODE_SIZE > self._end:
            m = mmap.mmap(-1, _CHUNK, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS,
                          prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
            self._maps.append(m)
            self._ptr = ctypes.addressof(ctypes.c_char.from_buffer(m))
            self._end = self._ptr + _CHUNK
        addr = self._ptr
        self._ptr += PRECODE_SIZE
        return addr

    def new(self, method_id: int) -> int:
        addr = self._slot()
        code = (b"\x41\xbb" + struct.pack("<I", method_id) + b"\xff\x25\x04\x00\x00\x00" + b"\xcc" * 4
                + struct.pack("<Q", self.prestub))
        ctypes.memmove(addr, code, len(code))
        return addr

    def unboxing_stub(self, cell: int, sret: bool) -> int:
        """Code that turns a boxed value type's `this` into a pointer to the value and continues at
        whatever the method's entry cell holds. Vtable slots of value types hold these (the CLR's
        unboxing stubs): a virtual call on a box passes the box, the method wants the value.

            add  rdi, 16        (rsi when a hidden result pointer comes first)
            mov  r11, <cell>
            jmp  [r11]
        """
        addr = self._slot()
        adjust = b"\x48\x83\xc6\x10" if sret else b"\x48\x83\xc7\x10"
        code = adjust + b"\x49\xbb" + struct.pack("<Q", cell) + b"\x41\xff\x23"
        ctypes.memmove(addr, code, len(code))
        return addr
