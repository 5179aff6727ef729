"""The labels app."""

from django.apps import AppConfig


class LabelsConfig(AppConfig):
    """Labels: model, serializers, filters, routes and admin."""

    name = "tracker.labels"
    label = "labels"
    verbose_name = "Labels"

    def ready(self) -> None:
        """Log every change of labels in the audit trail."""
        from tracker.core.audit import track
        from tracker.labels.models import Label

        track(Label)
