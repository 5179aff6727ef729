"""Initial schema of the labels app, written by python-specialist to match its models."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the labels table."""

    initial = True

    dependencies = [  # noqa: RUF012
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Label",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("owner_name_key", models.CharField(max_length=40)),
                (
                    "color",
                    models.CharField(max_length=7, validators=[RegexValidator(r"^#[0-9a-f]{6}$")]),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "db_table": "labels",
                "ordering": ("id",),
                "verbose_name_plural": "labels",
                "constraints": [
                    models.UniqueConstraint(
                        fields=["owner_name_key", "color"], name="uq_labels_owner_name_key_color"
                    )
                ],
            },
        ),
    ]
