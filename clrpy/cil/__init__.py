"""CIL: the opcode table, the instruction decoder and the ilasm-style disassembler."""
