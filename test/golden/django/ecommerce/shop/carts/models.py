"""Cart: database model."""

from django.conf import settings
from django.db import models

from shop.core.models import TimestampedModel


class Cart(TimestampedModel):
    """A cart, owned by the user who created it."""

    note = models.CharField(max_length=200, null=True, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "carts"
        ordering = ("id",)
        verbose_name_plural = "carts"

    def __str__(self) -> str:
        return f"Cart {self.pk}"
