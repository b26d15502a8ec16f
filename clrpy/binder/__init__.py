"""Assembly binding: from an AssemblyRef to a file, and from a TypeRef to its definition."""
