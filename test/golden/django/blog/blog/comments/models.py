"""Comment: database model."""

from django.conf import settings
from django.db import models

from blog.core.models import TimestampedModel


class Comment(TimestampedModel):
    """A comment, owned by the user who created it."""

    body = models.TextField()
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="comments")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "comments"
        ordering = ("id",)
        verbose_name_plural = "comments"

    def __str__(self) -> str:
        return f"Comment {self.pk}"
