"""Internal calls: the runtime's implementations of methods Mono's class library marks
[MethodImpl(MethodImplOptions.InternalCall)], one module per class-library class, named after it
(`system_object.py` for System.Object). `registry.py` binds them."""
