"""Tag: admin pages."""

from django.contrib import admin

from shop.tags.models import Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    """Tags in the admin: list with search."""

    list_display = ("id", "label", "created_at")
    search_fields = ("label",)
    readonly_fields = ("created_at", "updated_at")
