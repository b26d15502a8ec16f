"""Static field storage: one block per type (per instantiation for generic types), plus a separate
block for its thread-static fields (one thread for now, but kept apart so threads can get their own).

A block is allocated, zeroed, when code first names it (`statics:KEY`), sized by the type's layout
(typesys/layout.py). Fields with an RVA (data in the image, as C# array initialisers and
`fixed` buffers use) start with their bytes from the image.
"""
from .native_memory import write_bytes


class StaticsTable:
    def __init__(self, arena, define_symbol, key_of):
        self.arena = arena
        self.define_symbol = define_symbol
        self.key_of = key_of
        self.blocks = {}            # (TypeHandle, thread_static) -> address

    def symbol(self, th, thread_static: bool = False) -> str:
        self.address(th, thread_static)
        return ("tstatics:" if thread_static else "statics:") + self.key_of(th)

    def address(self, th, thread_static: bool = False) -> int:
        key = (th, thread_static)
        addr = self.blocks.get(key)
        if addr is None:
            lay = th.ensure_layout()
            size = lay.thread_static_size if thread_static else lay.static_size
            addr = self.arena.alloc(max(size, 8), 16)
            self.blocks[key] = addr
            if not thread_static:
                for f in th.fields:
                    if f.is_static and f.has_rva and not f.is_thread_static:
                        size = f.type.size_of_value
                        write_bytes(addr + f.offset, f.module.field_initial_data(f.rid, size))
            self.define_symbol(("tstatics:" if thread_static else "statics:") + self.key_of(th), addr)
        return addr

    def field_address(self, f) -> int:
        return self.address(f.owner, f.is_thread_static) + f.offset
