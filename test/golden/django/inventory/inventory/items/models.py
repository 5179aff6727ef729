"""Item: database model."""

from django.core.validators import MinValueValidator
from django.db import models

from inventory.core.models import TimestampedModel


class Item(TimestampedModel):
    """An item."""

    barcode = models.CharField(max_length=20)
    name = models.CharField(max_length=120)
    min_level = models.IntegerField(validators=[MinValueValidator(0)])
    max_level = models.IntegerField(validators=[MinValueValidator(0)])
    best_before = models.DateField(null=True, blank=True)
    warehouse = models.ForeignKey(
        "warehouses.Warehouse", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "items"
        ordering = ("id",)
        verbose_name_plural = "items"
        constraints = (
            models.UniqueConstraint(
                fields=["warehouse", "barcode"], name="uq_items_warehouse_id_barcode"
            ),
        )

    def __str__(self) -> str:
        return self.barcode
