"""inventory: the API package."""
