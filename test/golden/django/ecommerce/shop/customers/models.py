"""Customer: database model."""

from django.conf import settings
from django.db import models

from shop.core.models import TimestampedModel


class Customer(TimestampedModel):
    """A customer, owned by the user who created it."""

    full_name = models.CharField(max_length=120)
    email = models.EmailField(max_length=320, unique=True)
    phone = models.CharField(max_length=30, null=True, blank=True)
    marketing_opt_in = models.BooleanField(default=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "customers"
        ordering = ("id",)
        verbose_name_plural = "customers"

    def __str__(self) -> str:
        return self.full_name
