"""Task: database model."""

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin

if TYPE_CHECKING:
    from tracker.labels.models import Label
    from tracker.projects.models import Project


task_labels = Table(
    "task_labels",
    Base.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("label_id", ForeignKey("labels.id", ondelete="CASCADE"), primary_key=True),
)


class Task(TimestampMixin, Base):
    """A task, owned by the user who created it."""

    __tablename__ = "tasks"

    title: Mapped[str] = mapped_column(String(200))
    done: Mapped[bool] = mapped_column(Boolean(), default=False)
    priority: Mapped[int] = mapped_column(Integer(), default=3)
    due: Mapped[date | None] = mapped_column(Date())
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("tasks.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    project: Mapped["Project"] = relationship(lazy="raise")
    parent: Mapped["Task | None"] = relationship(
        remote_side="Task.id", back_populates="subtasks", lazy="raise"
    )
    subtasks: Mapped[list["Task"]] = relationship(
        back_populates="parent", passive_deletes="all", lazy="raise"
    )
    labels: Mapped[list["Label"]] = relationship(
        secondary=task_labels, order_by="Label.id", lazy="raise"
    )
