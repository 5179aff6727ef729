"""Task: database model."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tracker.core.models import TimestampedModel


class Task(TimestampedModel):
    """A task, owned by the user who created it."""

    title = models.CharField(max_length=200)
    done = models.BooleanField(default=False)
    priority = models.IntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    due = models.DateField(null=True, blank=True)
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, related_name="subtasks", null=True, blank=True
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    labels = models.ManyToManyField(
        "labels.Label", related_name="+", db_table="task_labels", blank=True
    )

    class Meta:
        db_table = "tasks"
        ordering = ("id",)
        verbose_name_plural = "tasks"

    def __str__(self) -> str:
        return self.title
