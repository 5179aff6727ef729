"""Label: database model."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, TimestampMixin


class Label(TimestampMixin, Base):
    """A label, owned by the user who created it."""

    __tablename__ = "labels"
    __table_args__ = (UniqueConstraint("owner_name_key", "color"),)

    owner_name_key: Mapped[str] = mapped_column(String(40))
    color: Mapped[str] = mapped_column(String(7))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
