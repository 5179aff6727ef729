"""Every ORM model, imported in one place so Alembic and the mappers see them all."""

from notes.db import Base
from notes.notes.models import Note
from notes.users.models import User

__all__ = ["Note", "User", "metadata"]

# Complete only because every model module is imported above.
metadata = Base.metadata
