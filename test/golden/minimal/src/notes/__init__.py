"""notes: the API package."""
