"""blog: the API package."""
