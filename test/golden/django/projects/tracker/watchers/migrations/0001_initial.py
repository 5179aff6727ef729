"""Initial schema of the watchers app, written by python-specialist to match its models."""

from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the watchers table."""

    initial = True

    dependencies = [  # noqa: RUF012
        ("projects", "0001_initial"),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Watcher",
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
                    "project",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to="projects.project"
                    ),
                ),
            ],
            options={
                "db_table": "watchers",
                "ordering": ("id",),
                "verbose_name_plural": "watchers",
            },
        ),
    ]
