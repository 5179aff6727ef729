"""Category: database model."""

from django.db import models

from shop.core.models import TimestampedModel


class Category(TimestampedModel):
    """A category."""

    name = models.CharField(max_length=80, unique=True)
    description = models.TextField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )

    class Meta:
        db_table = "categories"
        ordering = ("id",)
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name
