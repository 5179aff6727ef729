"""Shipment: database model."""

from django.core.validators import MinValueValidator
from django.db import models

from inventory.core.models import TimestampedModel


class Shipment(TimestampedModel):
    """A shipment."""

    quantity = models.IntegerField(validators=[MinValueValidator(1)])
    ships_on = models.DateField()
    arrives_on = models.DateField()
    item = models.ForeignKey("items.Item", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "shipments"
        ordering = ("id",)
        verbose_name_plural = "shipments"

    def __str__(self) -> str:
        return f"Shipment {self.pk}"
