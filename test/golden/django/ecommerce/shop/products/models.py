"""Product: database model."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from shop.core.models import TimestampedModel


class ProductStatus(models.TextChoices):
    """Allowed values of Product.status."""

    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    ARCHIVED = "archived", "Archived"


class Product(TimestampedModel):
    """A product."""

    sku = models.CharField(max_length=32, unique=True, validators=[RegexValidator(r"^[A-Z0-9-]+$")])
    title = models.CharField(max_length=200, db_index=True)
    description = models.TextField(null=True, blank=True)
    price = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    stock = models.IntegerField(default=0, validators=[MinValueValidator(0)])
    status = models.CharField(
        max_length=8, choices=ProductStatus.choices, default=ProductStatus.DRAFT
    )
    attributes = models.JSONField(null=True, blank=True)
    category = models.ForeignKey("categories.Category", on_delete=models.RESTRICT, related_name="+")
    tags = models.ManyToManyField("tags.Tag", related_name="+", db_table="product_tags", blank=True)

    class Meta:
        db_table = "products"
        ordering = ("id",)
        verbose_name_plural = "products"

    def __str__(self) -> str:
        return self.title
