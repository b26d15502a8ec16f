"""Image validation: the checks the runtime makes before it runs an image."""
