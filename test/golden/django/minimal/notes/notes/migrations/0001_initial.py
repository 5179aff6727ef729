"""Initial schema of the notes app, written by python-specialist to match its models."""

from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the notes table."""

    initial = True

    dependencies = []  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Note",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("title", models.CharField(max_length=255)),
            ],
            options={"db_table": "notes", "ordering": ("id",), "verbose_name_plural": "notes"},
        ),
    ]
