"""The posts app."""

from django.apps import AppConfig


class PostsConfig(AppConfig):
    """Posts: model, serializers, filters, routes and admin."""

    name = "blog.posts"
    label = "posts"
    verbose_name = "Posts"

    def ready(self) -> None:
        """Log every change of posts in the audit trail."""
        from blog.core.audit import track
        from blog.posts.models import Post

        track(Post)
