"""Initial schema of the categories app, written by python-specialist to match its models."""

from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the categories table."""

    initial = True

    dependencies = []  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Category",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("name", models.CharField(max_length=80, unique=True)),
                ("description", models.TextField(blank=True, null=True)),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=models.SET_NULL,
                        related_name="+",
                        to="categories.category",
                    ),
                ),
            ],
            options={
                "db_table": "categories",
                "ordering": ("id",),
                "verbose_name_plural": "categories",
            },
        ),
    ]
