"""CartItem: database model."""

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.db import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.carts.models import Cart
    from shop.products.models import Product


class CartItem(TimestampMixin, Base):
    """A cart item, owned by the user who created it."""

    __tablename__ = "cart_items"
    __table_args__ = (UniqueConstraint("cart_id", "product_id"),)

    quantity: Mapped[int] = mapped_column(Integer(), default=1)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    cart_id: Mapped[int] = mapped_column(ForeignKey("carts.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    product: Mapped["Product"] = relationship(lazy="raise")
    cart: Mapped["Cart"] = relationship(back_populates="items", lazy="raise")
