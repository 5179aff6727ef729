"""Initial schema of the items app, written by python-specialist to match its models."""

from django.core.validators import MinValueValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the items table."""

    initial = True

    dependencies = [  # noqa: RUF012
        ("warehouses", "0001_initial"),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Item",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("barcode", models.CharField(max_length=20)),
                ("name", models.CharField(max_length=120)),
                ("min_level", models.IntegerField(validators=[MinValueValidator(0)])),
                ("max_level", models.IntegerField(validators=[MinValueValidator(0)])),
                ("best_before", models.DateField(blank=True, null=True)),
                (
                    "warehouse",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to="warehouses.warehouse"
                    ),
                ),
            ],
            options={
                "db_table": "items",
                "ordering": ("id",),
                "verbose_name_plural": "items",
                "constraints": [
                    models.UniqueConstraint(
                        fields=["warehouse", "barcode"], name="uq_items_warehouse_id_barcode"
                    )
                ],
            },
        ),
    ]
