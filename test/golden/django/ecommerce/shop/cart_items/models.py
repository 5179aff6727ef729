"""CartItem: database model."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from shop.core.models import TimestampedModel


class CartItem(TimestampedModel):
    """A cart item, owned by the user who created it."""

    quantity = models.IntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    product = models.ForeignKey("products.Product", on_delete=models.CASCADE, related_name="+")
    cart = models.ForeignKey("carts.Cart", on_delete=models.CASCADE, related_name="items")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "cart_items"
        ordering = ("id",)
        verbose_name_plural = "cart items"
        constraints = (
            models.UniqueConstraint(
                fields=["cart", "product"], name="uq_cart_items_cart_id_product_id"
            ),
        )

    def __str__(self) -> str:
        return f"Cart item {self.pk}"
