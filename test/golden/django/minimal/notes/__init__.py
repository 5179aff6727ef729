"""notes: the Django apps of the API, one per domain."""
