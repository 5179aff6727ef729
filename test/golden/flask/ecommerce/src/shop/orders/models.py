"""Order: database model."""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Numeric, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.db import Base, TimestampMixin, UTCDateTime, str_enum

if TYPE_CHECKING:
    from shop.customers.models import Customer
    from shop.order_items.models import OrderItem


class OrderStatus(StrEnum):
    """Allowed values of Order.status."""

    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


class Order(TimestampMixin, Base):
    """An order, owned by the user who created it."""

    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_status_placed_at", "status", "placed_at"),)

    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus), default=OrderStatus.PENDING)
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    shipping_address: Mapped[str] = mapped_column(Text())
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    customer: Mapped["Customer"] = relationship(lazy="raise")
    items: Mapped[list["OrderItem"]] = relationship(
        back_populates="order", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
