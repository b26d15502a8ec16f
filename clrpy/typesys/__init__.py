"""The type system: types, methods and fields loaded from metadata, their layouts and generics."""
