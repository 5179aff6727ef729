"""Tag: database model."""

from django.db import models

from shop.core.models import TimestampedModel


class Tag(TimestampedModel):
    """A tag."""

    label = models.CharField(max_length=40, unique=True)

    class Meta:
        db_table = "tags"
        ordering = ("id",)
        verbose_name_plural = "tags"

    def __str__(self) -> str:
        return self.label
