"""Instruction families of the importer, one mixin per family (see importer.py)."""
