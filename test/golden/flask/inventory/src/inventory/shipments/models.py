"""Shipment: database model."""

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inventory.db import Base, TimestampMixin

if TYPE_CHECKING:
    from inventory.items.models import Item


class Shipment(TimestampMixin, Base):
    """A shipment."""

    __tablename__ = "shipments"

    quantity: Mapped[int] = mapped_column(Integer())
    ships_on: Mapped[date] = mapped_column(Date())
    arrives_on: Mapped[date] = mapped_column(Date())
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)

    item: Mapped["Item"] = relationship(lazy="raise")
