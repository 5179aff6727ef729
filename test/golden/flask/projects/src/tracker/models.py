"""Every ORM model, imported in one place so Alembic and the mappers see them all."""

from tracker.db import Base
from tracker.labels.models import Label
from tracker.projects.models import Project
from tracker.tasks.models import Task
from tracker.users.models import User
from tracker.watchers.models import Watcher

__all__ = ["Label", "Project", "Task", "User", "Watcher", "metadata"]

# Complete only because every model module is imported above.
metadata = Base.metadata
