"""The customers app."""

from django.apps import AppConfig


class CustomersConfig(AppConfig):
    """Customers: model, serializers, filters, routes and admin."""

    name = "shop.customers"
    label = "customers"
    verbose_name = "Customers"

    def ready(self) -> None:
        """Log every change of customers in the audit trail."""
        from shop.core.audit import track
        from shop.customers.models import Customer

        track(Customer)
