"""Initial schema of the tasks app, written by python-specialist to match its models."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the tasks table."""

    initial = True

    dependencies = [  # noqa: RUF012
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("labels", "0001_initial"),
        ("projects", "0001_initial"),
    ]

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="Task",
            fields=[
                (
                    "id",
                    models.AutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("title", models.CharField(max_length=200)),
                ("done", models.BooleanField(default=False)),
                (
                    "priority",
                    models.IntegerField(
                        default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
                    ),
                ),
                ("due", models.DateField(blank=True, null=True)),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to="projects.project"
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=models.SET_NULL,
                        related_name="subtasks",
                        to="tasks.task",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=models.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
                (
                    "labels",
                    models.ManyToManyField(
                        blank=True, db_table="task_labels", related_name="+", to="labels.label"
                    ),
                ),
            ],
            options={"db_table": "tasks", "ordering": ("id",), "verbose_name_plural": "tasks"},
        ),
    ]
