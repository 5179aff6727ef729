"""OrderItem: database model."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from shop.core.models import TimestampedModel


class OrderItem(TimestampedModel):
    """An order item, owned by the user who created it."""

    quantity = models.IntegerField(validators=[MinValueValidator(1)])
    unit_price = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    product = models.ForeignKey("products.Product", on_delete=models.RESTRICT, related_name="+")
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="items")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "order_items"
        ordering = ("id",)
        verbose_name_plural = "order items"

    def __str__(self) -> str:
        return f"Order item {self.pk}"
