"""The users app."""

from django.apps import AppConfig


class UsersConfig(AppConfig):
    """Users, roles."""

    name = "inventory.users"
    label = "users"
    verbose_name = "Users"
