"""Note: database model."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from notes.db import Base, TimestampMixin


class Note(TimestampMixin, Base):
    """A note."""

    __tablename__ = "notes"

    title: Mapped[str] = mapped_column(String(255))
