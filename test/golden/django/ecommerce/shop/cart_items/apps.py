"""The cart items app."""

from django.apps import AppConfig


class CartItemsConfig(AppConfig):
    """Cart items: model, serializers, filters, routes and admin."""

    name = "shop.cart_items"
    label = "cart_items"
    verbose_name = "Cart items"

    def ready(self) -> None:
        """Log every change of cart items in the audit trail."""
        from shop.cart_items.models import CartItem
        from shop.core.audit import track

        track(CartItem)
