"""Initial schema of the orders app, written by python-specialist to match its models."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the orders table."""

    initial = True

    dependencies = [  # noqa: RUF012
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("customers", "0001_initial"),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Order",
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
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Pending"),
                            ("paid", "Paid"),
                            ("shipped", "Shipped"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="pending",
                        max_length=9,
                    ),
                ),
                (
                    "total",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=12,
                        validators=[MinValueValidator(Decimal("0"))],
                    ),
                ),
                ("placed_at", models.DateTimeField()),
                ("shipped_at", models.DateTimeField(blank=True, null=True)),
                ("shipping_address", models.TextField()),
                (
                    "customer",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to="customers.customer"
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
                "db_table": "orders",
                "ordering": ("id",),
                "verbose_name_plural": "orders",
                "indexes": [
                    models.Index(fields=["status", "placed_at"], name="ix_orders_status_placed_at")
                ],
            },
        ),
    ]
