"""The tasks app."""

from django.apps import AppConfig


class TasksConfig(AppConfig):
    """Tasks: model, serializers, filters, routes and admin."""

    name = "tracker.tasks"
    label = "tasks"
    verbose_name = "Tasks"

    def ready(self) -> None:
        """Log every change of tasks in the audit trail."""
        from tracker.core.audit import track
        from tracker.tasks.models import Task

        track(Task)
