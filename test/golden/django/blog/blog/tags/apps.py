"""The tags app."""

from django.apps import AppConfig


class TagsConfig(AppConfig):
    """Tags: model, serializers, filters, routes and admin."""

    name = "blog.tags"
    label = "tags"
    verbose_name = "Tags"

    def ready(self) -> None:
        """Log every change of tags in the audit trail."""
        from blog.core.audit import track
        from blog.tags.models import Tag

        track(Tag)
