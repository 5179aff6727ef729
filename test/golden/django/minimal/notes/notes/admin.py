"""Note: admin pages."""

from django.contrib import admin

from notes.notes.models import Note


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin[Note]):
    """Notes in the admin: list with search."""

    list_display = ("id", "title", "created_at")
    search_fields = ("title",)
    readonly_fields = ("created_at", "updated_at")
