"""Watcher: database model."""

from django.db import models

from tracker.core.models import TimestampedModel


class Watcher(TimestampedModel):
    """A watcher."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "watchers"
        ordering = ("id",)
        verbose_name_plural = "watchers"

    def __str__(self) -> str:
        return f"Watcher {self.pk}"
