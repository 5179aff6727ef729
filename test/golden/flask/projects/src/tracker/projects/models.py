"""Project: database model."""

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, TimestampMixin


class Project(TimestampMixin, Base):
    """A project, owned by the user who created it."""

    __tablename__ = "projects"

    name: Mapped[str] = mapped_column(String(120))
    archived: Mapped[bool] = mapped_column(Boolean(), default=False)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
