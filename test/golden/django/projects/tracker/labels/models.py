"""Label: database model."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from tracker.core.models import TimestampedModel


class Label(TimestampedModel):
    """A label, owned by the user who created it."""

    owner_name_key = models.CharField(max_length=40)
    color = models.CharField(max_length=7, validators=[RegexValidator(r"^#[0-9a-f]{6}$")])
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "labels"
        ordering = ("id",)
        verbose_name_plural = "labels"
        constraints = (
            models.UniqueConstraint(
                fields=["owner_name_key", "color"], name="uq_labels_owner_name_key_color"
            ),
        )

    def __str__(self) -> str:
        return self.owner_name_key
