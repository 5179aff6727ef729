"""tracker: the API package."""
