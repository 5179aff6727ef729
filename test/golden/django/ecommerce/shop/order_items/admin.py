"""OrderItem: admin pages."""

from django.contrib import admin

from shop.order_items.models import OrderItem


@admin.register(OrderItem)
class OrderItemAdmin(admin.ModelAdmin[OrderItem]):
    """Order items in the admin: list."""

    list_display = ("id", "quantity", "unit_price", "product", "order", "owner", "created_at")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("product", "order", "owner")
    list_select_related = ("product", "order", "owner")
