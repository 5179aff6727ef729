"""The core app: registers the site-wide admin action."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks; no models of its own."""

    name = "notes.core"
    label = "core"

    def ready(self) -> None:
        """Offer the CSV export on every changelist of the admin."""
        from django.contrib import admin

        from notes.core.admin import export_as_csv

        admin.site.add_action(export_as_csv, "export_as_csv")
