"""Item: admin pages."""

from django.contrib import admin

from inventory.items.models import Item


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin[Item]):
    """Items in the admin: list with search and filters."""

    list_display = (
        "id",
        "barcode",
        "name",
        "min_level",
        "max_level",
        "best_before",
        "warehouse",
        "created_at",
    )
    list_filter = ("best_before",)
    search_fields = ("barcode", "name")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("warehouse",)
    list_select_related = ("warehouse",)
