"""Tag: database model."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from shop.db import Base, TimestampMixin


class Tag(TimestampMixin, Base):
    """A tag."""

    __tablename__ = "tags"

    label: Mapped[str] = mapped_column(String(40), unique=True)
