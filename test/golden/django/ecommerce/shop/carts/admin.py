"""Cart: admin pages."""

from django.contrib import admin

from shop.cart_items.models import CartItem
from shop.carts.models import Cart


class CartItemInline(admin.TabularInline[CartItem, Cart]):
    """Items of a cart, edited on its page."""

    model = CartItem
    fk_name = "cart"
    extra = 0
    show_change_link = True
    raw_id_fields = ("product", "owner")


@admin.register(Cart)
class CartAdmin(admin.ModelAdmin[Cart]):
    """Carts in the admin: list with search; items edited inline."""

    list_display = ("id", "note", "owner", "created_at")
    search_fields = ("note",)
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("owner",)
    list_select_related = ("owner",)
    inlines = (CartItemInline,)
