"""Watcher: serializers (validation in, JSON out)."""

from rest_framework import serializers

from tracker.core.fields import RowIdField
from tracker.core.serializers import StrictModelSerializer
from tracker.projects.models import Project
from tracker.watchers.models import Watcher


class WatcherBriefSerializer(serializers.ModelSerializer[Watcher]):
    """A watcher without its collections."""

    project_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Watcher
        fields = ("id", "project_id")
        read_only_fields = fields


class WatcherSerializer(StrictModelSerializer[Watcher]):
    """A watcher as the API reads and writes it."""

    project_id = RowIdField(source="project", queryset=Project.objects.all())

    class Meta:
        model = Watcher
        fields = ("id", "project_id", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
