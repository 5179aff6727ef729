"""Label: admin pages."""

from django.contrib import admin

from tracker.labels.models import Label


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin[Label]):
    """Labels in the admin: list with search."""

    list_display = ("id", "owner_name_key", "color", "owner", "created_at")
    search_fields = ("owner_name_key", "color")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("owner",)
    list_select_related = ("owner",)
