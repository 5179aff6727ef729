"""The categories app."""

from django.apps import AppConfig


class CategoriesConfig(AppConfig):
    """Categories: model, serializers, filters, routes and admin."""

    name = "shop.categories"
    label = "categories"
    verbose_name = "Categories"

    def ready(self) -> None:
        """Log every change of categories in the audit trail."""
        from shop.categories.models import Category
        from shop.core.audit import track

        track(Category)
