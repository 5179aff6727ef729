"""Note: database model."""

from django.db import models

from notes.core.models import TimestampedModel


class Note(TimestampedModel):
    """A note."""

    title = models.CharField(max_length=255)

    class Meta:
        db_table = "notes"
        ordering = ("id",)
        verbose_name_plural = "notes"

    def __str__(self) -> str:
        return self.title
