"""CartItem: admin pages."""

from django.contrib import admin

from shop.cart_items.models import CartItem


@admin.register(CartItem)
class CartItemAdmin(admin.ModelAdmin[CartItem]):
    """Cart items in the admin: list."""

    list_display = ("id", "quantity", "product", "cart", "owner", "created_at")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("product", "cart", "owner")
    list_select_related = ("product", "cart", "owner")
