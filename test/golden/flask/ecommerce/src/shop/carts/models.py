"""Cart: database model."""

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.db import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.cart_items.models import CartItem


class Cart(TimestampMixin, Base):
    """A cart, owned by the user who created it."""

    __tablename__ = "carts"

    note: Mapped[str | None] = mapped_column(String(200))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    items: Mapped[list["CartItem"]] = relationship(
        back_populates="cart", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
