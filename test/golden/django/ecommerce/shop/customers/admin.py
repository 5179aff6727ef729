"""Customer: admin pages."""

from django.contrib import admin

from shop.customers.models import Customer


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin[Customer]):
    """Customers in the admin: list with search and filters."""

    list_display = ("id", "full_name", "email", "phone", "marketing_opt_in", "owner", "created_at")
    list_filter = ("marketing_opt_in",)
    search_fields = ("full_name", "email", "phone")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("owner",)
    list_select_related = ("owner",)
