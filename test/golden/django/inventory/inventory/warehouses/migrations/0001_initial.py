"""Initial schema of the warehouses app, written by python-specialist to match its models."""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the warehouses table."""

    initial = True

    dependencies = []  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Warehouse",
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
                    "code",
                    models.CharField(
                        max_length=12,
                        unique=True,
                        validators=[RegexValidator(r"^[A-Z]{3}[0-9]{2}$")],
                    ),
                ),
                ("city", models.CharField(max_length=80)),
                ("website", models.URLField(blank=True, max_length=2048, null=True)),
                ("capacity", models.FloatField(validators=[MinValueValidator(0)])),
                ("active", models.BooleanField(default=True)),
            ],
            options={
                "db_table": "warehouses",
                "ordering": ("id",),
                "verbose_name_plural": "warehouses",
            },
        ),
    ]
