"""The users app."""

from importlib import import_module

from django.apps import AppConfig


class UsersConfig(AppConfig):
    """Users, roles and authentication."""

    name = "blog.users"
    label = "users"
    verbose_name = "Users"

    def ready(self) -> None:
        """Register how the OpenAPI document describes the bearer authentication."""
        import_module(f"{self.name}.schema")
