"""Note: serializers (validation in, JSON out)."""

from rest_framework import serializers

from notes.core.fields import StrictCharField
from notes.core.serializers import StrictModelSerializer
from notes.notes.models import Note


class NoteBriefSerializer(serializers.ModelSerializer[Note]):
    """A note without its collections."""

    class Meta:
        model = Note
        fields = ("id", "title")
        read_only_fields = fields


class NoteSerializer(StrictModelSerializer[Note]):
    """A note as the API reads and writes it."""

    title = StrictCharField(max_length=255)

    class Meta:
        model = Note
        fields = ("id", "title", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
