"""The items app."""

from django.apps import AppConfig


class ItemsConfig(AppConfig):
    """Items: model, serializers, filters, routes and admin."""

    name = "inventory.items"
    label = "items"
    verbose_name = "Items"

    def ready(self) -> None:
        """Log every change of items in the audit trail."""
        from inventory.core.audit import track
        from inventory.items.models import Item

        track(Item)
