"""OrderItem: database model."""

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, Numeric
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.db import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.orders.models import Order
    from shop.products.models import Product


class OrderItem(TimestampMixin, Base):
    """An order item, owned by the user who created it."""

    __tablename__ = "order_items"

    quantity: Mapped[int] = mapped_column(Integer())
    unit_price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="RESTRICT"), index=True
    )
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    product: Mapped["Product"] = relationship(lazy="raise")
    order: Mapped["Order"] = relationship(back_populates="items", lazy="raise")
