"""Project: database model."""

from django.conf import settings
from django.db import models

from tracker.core.models import TimestampedModel


class Project(TimestampedModel):
    """A project, owned by the user who created it."""

    name = models.CharField(max_length=120)
    archived = models.BooleanField(default=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "projects"
        ordering = ("id",)
        verbose_name_plural = "projects"

    def __str__(self) -> str:
        return self.name
