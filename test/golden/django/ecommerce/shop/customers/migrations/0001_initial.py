"""Initial schema of the customers app, written by python-specialist to match its models."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the customers table."""

    initial = True

    dependencies = [  # noqa: RUF012
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Customer",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("full_name", models.CharField(max_length=120)),
                ("email", models.EmailField(max_length=320, unique=True)),
                ("phone", models.CharField(blank=True, max_length=30, null=True)),
                ("marketing_opt_in", models.BooleanField(default=False)),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "db_table": "customers",
                "ordering": ("id",),
                "verbose_name_plural": "customers",
            },
        ),
    ]
