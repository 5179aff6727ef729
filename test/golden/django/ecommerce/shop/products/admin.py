"""Product: admin pages."""

from django.contrib import admin

from shop.products.models import Product


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin[Product]):
    """Products in the admin: list with search and filters."""

    list_display = ("id", "sku", "title", "price", "stock", "status", "category", "created_at")
    list_filter = ("status",)
    search_fields = ("sku", "title")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("category",)
    list_select_related = ("category",)
    filter_horizontal = ("tags",)
