"""The notes app."""

from django.apps import AppConfig


class NotesConfig(AppConfig):
    """Notes: model, serializers, filters, routes and admin."""

    name = "notes.notes"
    label = "notes"
    verbose_name = "Notes"

    def ready(self) -> None:
        """Log every change of notes in the audit trail."""
        from notes.core.audit import track
        from notes.notes.models import Note

        track(Note)
