"""The abstract base of every model: creation and last-update times."""

from django.db import models


class TimestampedModel(models.Model):
    """Creation and last-update times, set by Django on save (shown read-only in the admin)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
