"""Users, roles and authentication."""
