"""The orders app."""

from django.apps import AppConfig


class OrdersConfig(AppConfig):
    """Orders: model, serializers, filters, routes and admin."""

    name = "shop.orders"
    label = "orders"
    verbose_name = "Orders"

    def ready(self) -> None:
        """Log every change of orders in the audit trail."""
        from shop.core.audit import track
        from shop.orders.models import Order

        track(Order)
