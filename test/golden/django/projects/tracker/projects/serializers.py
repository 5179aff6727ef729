"""Project: serializers (validation in, JSON out)."""

from rest_framework import serializers

from tracker.core.fields import StrictCharField
from tracker.core.serializers import StrictModelSerializer
from tracker.projects.models import Project


class ProjectBriefSerializer(serializers.ModelSerializer[Project]):
    """A project without its collections."""

    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Project
        fields = ("id", "name", "archived", "owner_id")
        read_only_fields = fields


class ProjectSerializer(StrictModelSerializer[Project]):
    """A project as the API reads and writes it."""

    name = StrictCharField(max_length=120)
    archived = serializers.BooleanField(required=False)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Project
        fields = ("id", "name", "archived", "owner_id", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
