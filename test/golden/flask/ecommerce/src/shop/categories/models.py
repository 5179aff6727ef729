"""Category: database model."""

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.db import Base, TimestampMixin


class Category(TimestampMixin, Base):
    """A category."""

    __tablename__ = "categories"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    description: Mapped[str | None] = mapped_column(Text())
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped["Category | None"] = relationship(remote_side="Category.id", lazy="raise")
