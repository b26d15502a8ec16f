"""The garbage collector (see docs/gc.md)."""
