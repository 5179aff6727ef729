"""Warehouse: database model."""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from inventory.core.models import TimestampedModel


class Warehouse(TimestampedModel):
    """A warehouse."""

    code = models.CharField(
        max_length=12, unique=True, validators=[RegexValidator(r"^[A-Z]{3}[0-9]{2}$")]
    )
    city = models.CharField(max_length=80)
    website = models.URLField(max_length=2048, null=True, blank=True)
    capacity = models.FloatField(validators=[MinValueValidator(0)])
    active = models.BooleanField(default=True)

    class Meta:
        db_table = "warehouses"
        ordering = ("id",)
        verbose_name_plural = "warehouses"

    def __str__(self) -> str:
        return self.city
