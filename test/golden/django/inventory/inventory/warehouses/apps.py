"""The warehouses app."""

from django.apps import AppConfig


class WarehousesConfig(AppConfig):
    """Warehouses: model, serializers, filters, routes and admin."""

    name = "inventory.warehouses"
    label = "warehouses"
    verbose_name = "Warehouses"

    def ready(self) -> None:
        """Log every change of warehouses in the audit trail."""
        from inventory.core.audit import track
        from inventory.warehouses.models import Warehouse

        track(Warehouse)
