"""Watcher: database model."""

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin

if TYPE_CHECKING:
    from tracker.projects.models import Project


class Watcher(TimestampMixin, Base):
    """A watcher."""

    __tablename__ = "watchers"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )

    project: Mapped["Project"] = relationship(lazy="raise")
