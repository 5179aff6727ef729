"""Note: list filters."""

import django_filters

from notes.notes.models import Note


class NoteFilter(django_filters.FilterSet):
    """Query parameters of the note list: filters."""

    class Meta:
        model = Note
        fields = ()
