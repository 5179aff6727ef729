"""Order: admin pages."""

from django.contrib import admin

from shop.order_items.models import OrderItem
from shop.orders.models import Order


class OrderItemInline(admin.TabularInline[OrderItem, Order]):
    """Items of an order, edited on its page."""

    model = OrderItem
    fk_name = "order"
    extra = 0
    show_change_link = True
    raw_id_fields = ("product", "owner")


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin[Order]):
    """Orders in the admin: list with filters; items edited inline."""

    list_display = (
        "id",
        "status",
        "total",
        "placed_at",
        "shipped_at",
        "customer",
        "owner",
        "created_at",
    )
    list_filter = ("status", "placed_at")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("customer", "owner")
    list_select_related = ("customer", "owner")
    inlines = (OrderItemInline,)
