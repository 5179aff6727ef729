"""Item: database model."""

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inventory.db import Base, TimestampMixin

if TYPE_CHECKING:
    from inventory.warehouses.models import Warehouse


class Item(TimestampMixin, Base):
    """An item."""

    __tablename__ = "items"
    __table_args__ = (UniqueConstraint("warehouse_id", "barcode"),)

    barcode: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    min_level: Mapped[int] = mapped_column(Integer())
    max_level: Mapped[int] = mapped_column(Integer())
    best_before: Mapped[date | None] = mapped_column(Date())
    warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("warehouses.id", ondelete="CASCADE"), index=True
    )

    warehouse: Mapped["Warehouse"] = relationship(lazy="raise")
