"""The projects app."""

from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    """Projects: model, serializers, filters, routes and admin."""

    name = "tracker.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self) -> None:
        """Log every change of projects in the audit trail."""
        from tracker.core.audit import track
        from tracker.projects.models import Project

        track(Project)
