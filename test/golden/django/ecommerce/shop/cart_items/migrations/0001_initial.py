"""Initial schema of the cart items app, written by python-specialist to match its models."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the cart items table."""

    initial = True

    dependencies = [  # noqa: RUF012
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("carts", "0001_initial"),
        ("products", "0001_initial"),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="CartItem",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "quantity",
                    models.IntegerField(
                        default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
                    ),
                ),
                (
                    "product",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to="products.product"
                    ),
                ),
                (
                    "cart",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="items", to="carts.cart"
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "db_table": "cart_items",
                "ordering": ("id",),
                "verbose_name_plural": "cart items",
                "constraints": [
                    models.UniqueConstraint(
                        fields=["cart", "product"], name="uq_cart_items_cart_id_product_id"
                    )
                ],
            },
        ),
    ]
