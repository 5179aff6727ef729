"""Project: admin pages."""

from django.contrib import admin

from tracker.projects.models import Project


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin[Project]):
    """Projects in the admin: list with search and filters."""

    list_display = ("id", "name", "archived", "owner", "created_at")
    list_filter = ("archived",)
    search_fields = ("name",)
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("owner",)
    list_select_related = ("owner",)
