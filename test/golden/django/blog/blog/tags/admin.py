"""Tag: admin pages."""

from django.contrib import admin

from blog.tags.models import Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    """Tags in the admin: list with search."""

    list_display = ("id", "name", "created_at")
    search_fields = ("name",)
    readonly_fields = ("created_at", "updated_at")
