"""The carts app."""

from django.apps import AppConfig


class CartsConfig(AppConfig):
    """Carts: model, serializers, filters, routes and admin."""

    name = "shop.carts"
    label = "carts"
    verbose_name = "Carts"

    def ready(self) -> None:
        """Log every change of carts in the audit trail."""
        from shop.carts.models import Cart
        from shop.core.audit import track

        track(Cart)
