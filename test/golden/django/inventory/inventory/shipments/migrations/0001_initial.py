"""Initial schema of the shipments app, written by python-specialist to match its models."""

from django.core.validators import MinValueValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the shipments table."""

    initial = True

    dependencies = [  # noqa: RUF012
        ("items", "0001_initial"),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Shipment",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("quantity", models.IntegerField(validators=[MinValueValidator(1)])),
                ("ships_on", models.DateField()),
                ("arrives_on", models.DateField()),
                (
                    "item",
                    models.ForeignKey(on_delete=models.CASCADE, related_name="+", to="items.item"),
                ),
            ],
            options={
                "db_table": "shipments",
                "ordering": ("id",),
                "verbose_name_plural": "shipments",
            },
        ),
    ]
