"""Watcher: admin pages."""

from django.contrib import admin

from tracker.watchers.models import Watcher


@admin.register(Watcher)
class WatcherAdmin(admin.ModelAdmin[Watcher]):
    """Watchers in the admin: list."""

    list_display = ("id", "project", "created_at")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("project",)
    list_select_related = ("project",)
