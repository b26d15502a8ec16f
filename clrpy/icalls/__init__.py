"""Internal calls: the runtime's implementations of methods Mono's class library marks
[MethodImpl(MethodImplOptions.InternalCall)], one module per class-library class."""
