"""shop: the API package."""
