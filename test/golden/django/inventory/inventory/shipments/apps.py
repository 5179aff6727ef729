"""The shipments app."""

from django.apps import AppConfig


class ShipmentsConfig(AppConfig):
    """Shipments: model, serializers, filters, routes and admin."""

    name = "inventory.shipments"
    label = "shipments"
    verbose_name = "Shipments"

    def ready(self) -> None:
        """Log every change of shipments in the audit trail."""
        from inventory.core.audit import track
        from inventory.shipments.models import Shipment

        track(Shipment)
