"""The order items app."""

from django.apps import AppConfig


class OrderItemsConfig(AppConfig):
    """Order items: model, serializers, filters, routes and admin."""

    name = "shop.order_items"
    label = "order_items"
    verbose_name = "Order items"

    def ready(self) -> None:
        """Log every change of order items in the audit trail."""
        from shop.core.audit import track
        from shop.order_items.models import OrderItem

        track(OrderItem)
