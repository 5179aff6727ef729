"""Warehouse: database model."""

from sqlalchemy import Boolean, Float, String
from sqlalchemy.orm import Mapped, mapped_column

from inventory.db import Base, TimestampMixin


class Warehouse(TimestampMixin, Base):
    """A warehouse."""

    __tablename__ = "warehouses"

    code: Mapped[str] = mapped_column(String(12), unique=True)
    city: Mapped[str] = mapped_column(String(80))
    website: Mapped[str | None] = mapped_column(String(2048))
    capacity: Mapped[float] = mapped_column(Float())
    active: Mapped[bool] = mapped_column(Boolean(), default=True)
