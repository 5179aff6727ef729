"""Category: admin pages."""

from django.contrib import admin

from shop.categories.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    """Categories in the admin: list with search."""

    list_display = ("id", "name", "parent", "created_at")
    search_fields = ("name",)
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("parent",)
    list_select_related = ("parent",)
