"""Users: the custom user model, roles and authentication."""
