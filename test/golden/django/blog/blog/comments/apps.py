"""The comments app."""

from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """Comments: model, serializers, filters, routes and admin."""

    name = "blog.comments"
    label = "comments"
    verbose_name = "Comments"

    def ready(self) -> None:
        """Log every change of comments in the audit trail."""
        from blog.comments.models import Comment
        from blog.core.audit import track

        track(Comment)
