"""Audit trail: every create, update and delete of a tracked model is logged with its id."""

import logging

from django.db.models import Model
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger("audit")


def _saved(sender: type[Model], instance: Model, created: bool, **_kwargs: object) -> None:
    logger.info("%s %s %s", "created" if created else "updated", sender._meta.label, instance.pk)


def _deleted(sender: type[Model], instance: Model, **_kwargs: object) -> None:
    logger.info("deleted %s %s", sender._meta.label, instance.pk)


def track(model: type[Model]) -> None:
    """Log every change of this model (connected once per model, from its app's ready())."""
    label = model._meta.label
    post_save.connect(_saved, sender=model, dispatch_uid=f"audit-save-{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"audit-delete-{label}")
