"""Runtime services: native memory, the managed heap, type publication, class initialisation,
exceptions, runtime helpers, and the execution engine that ties the JIT to them."""
