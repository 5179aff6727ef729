"""Initial schema of the products app, written by python-specialist to match its models."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the products table."""

    initial = True

    dependencies = [  # noqa: RUF012
        ("categories", "0001_initial"),
        ("tags", "0001_initial"),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Product",
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
                    "sku",
                    models.CharField(
                        max_length=32, unique=True, validators=[RegexValidator(r"^[A-Z0-9-]+$")]
                    ),
                ),
                ("title", models.CharField(db_index=True, max_length=200)),
                ("description", models.TextField(blank=True, null=True)),
                (
                    "price",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=12,
                        validators=[MinValueValidator(Decimal("0"))],
                    ),
                ),
                ("stock", models.IntegerField(default=0, validators=[MinValueValidator(0)])),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("active", "Active"),
                            ("archived", "Archived"),
                        ],
                        default="draft",
                        max_length=8,
                    ),
                ),
                ("attributes", models.JSONField(blank=True, null=True)),
                (
                    "category",
                    models.ForeignKey(
                        on_delete=models.RESTRICT, related_name="+", to="categories.category"
                    ),
                ),
                (
                    "tags",
                    models.ManyToManyField(
                        blank=True, db_table="product_tags", related_name="+", to="tags.tag"
                    ),
                ),
            ],
            options={
                "db_table": "products",
                "ordering": ("id",),
                "verbose_name_plural": "products",
            },
        ),
    ]
