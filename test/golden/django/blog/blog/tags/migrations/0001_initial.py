"""Initial schema of the tags app, written by python-specialist to match its models."""

from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the tags table."""

    initial = True

    dependencies = []  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Tag",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("name", models.CharField(max_length=40, unique=True)),
            ],
            options={"db_table": "tags", "ordering": ("id",), "verbose_name_plural": "tags"},
        ),
    ]
