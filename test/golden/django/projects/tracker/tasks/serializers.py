"""Task: serializers (validation in, JSON out)."""

from typing import Any

from rest_framework import serializers

from tracker.core.fields import RowIdField, StrictCharField
from tracker.core.serializers import StrictModelSerializer
from tracker.labels.models import Label
from tracker.labels.serializers import LabelBriefSerializer
from tracker.projects.models import Project
from tracker.tasks.models import Task


class TaskBriefSerializer(serializers.ModelSerializer[Task]):
    """A task without its collections."""

    project_id = serializers.IntegerField(read_only=True)
    parent_id = serializers.IntegerField(read_only=True, allow_null=True)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Task
        fields = ("id", "title", "done", "priority", "due", "project_id", "parent_id", "owner_id")
        read_only_fields = fields


class TaskSerializer(StrictModelSerializer[Task]):
    """A task as the API reads and writes it."""

    title = StrictCharField(max_length=200)
    done = serializers.BooleanField(required=False)
    priority = serializers.IntegerField(min_value=1, max_value=5, required=False)
    due = serializers.DateField(required=False, allow_null=True)
    project_id = RowIdField(source="project", queryset=Project.objects.all())
    parent_id = RowIdField(
        source="parent", queryset=Task.objects.all(), owned=True, required=False, allow_null=True
    )
    owner_id = serializers.IntegerField(read_only=True)
    subtasks = TaskBriefSerializer(many=True, read_only=True)
    labels = LabelBriefSerializer(many=True, read_only=True)
    label_ids = RowIdField(
        source="labels",
        queryset=Label.objects.all(),
        many=True,
        write_only=True,
        required=False,
        owned=True,
    )

    class Meta:
        model = Task
        fields = (
            "id",
            "title",
            "done",
            "priority",
            "due",
            "project_id",
            "parent_id",
            "owner_id",
            "subtasks",
            "labels",
            "label_ids",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Rules that involve several fields, checked on the row as it will be saved."""
        parent = attrs.get("parent")
        if self.instance is not None and parent is not None and parent.pk == self.instance.pk:
            msg = "parent_id cannot refer to the task itself."
            raise serializers.ValidationError({"parent_id": [msg]})
        return attrs
