"""Users: the custom user model, roles."""
