"""Order: database model."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from shop.core.models import TimestampedModel


class OrderStatus(models.TextChoices):
    """Allowed values of Order.status."""

    PENDING = "pending", "Pending"
    PAID = "paid", "Paid"
    SHIPPED = "shipped", "Shipped"
    CANCELLED = "cancelled", "Cancelled"


class Order(TimestampedModel):
    """An order, owned by the user who created it."""

    status = models.CharField(
        max_length=9, choices=OrderStatus.choices, default=OrderStatus.PENDING
    )
    total = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    placed_at = models.DateTimeField()
    shipped_at = models.DateTimeField(null=True, blank=True)
    shipping_address = models.TextField()
    customer = models.ForeignKey("customers.Customer", on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "orders"
        ordering = ("id",)
        verbose_name_plural = "orders"
        indexes = (models.Index(fields=["status", "placed_at"], name="ix_orders_status_placed_at"),)

    def __str__(self) -> str:
        return f"Order {self.pk}"
