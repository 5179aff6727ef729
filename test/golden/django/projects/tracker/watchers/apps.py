"""The watchers app."""

from django.apps import AppConfig


class WatchersConfig(AppConfig):
    """Watchers: model, serializers, filters, routes and admin."""

    name = "tracker.watchers"
    label = "watchers"
    verbose_name = "Watchers"

    def ready(self) -> None:
        """Log every change of watchers in the audit trail."""
        from tracker.core.audit import track
        from tracker.watchers.models import Watcher

        track(Watcher)
