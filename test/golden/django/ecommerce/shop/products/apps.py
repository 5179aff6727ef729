"""The products app."""

from django.apps import AppConfig


class ProductsConfig(AppConfig):
    """Products: model, serializers, filters, routes and admin."""

    name = "shop.products"
    label = "products"
    verbose_name = "Products"

    def ready(self) -> None:
        """Log every change of products in the audit trail."""
        from shop.core.audit import track
        from shop.products.models import Product

        track(Product)
