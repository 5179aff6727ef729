"""Product: database model."""

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.db import Base, TimestampMixin, str_enum

if TYPE_CHECKING:
    from shop.categories.models import Category
    from shop.tags.models import Tag


class ProductStatus(StrEnum):
    """Allowed values of Product.status."""

    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


product_tags = Table(
    "product_tags",
    Base.metadata,
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Product(TimestampMixin, Base):
    """A product."""

    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str | None] = mapped_column(Text())
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    stock: Mapped[int] = mapped_column(Integer(), default=0)
    status: Mapped[ProductStatus] = mapped_column(
        str_enum(ProductStatus), default=ProductStatus.DRAFT
    )
    attributes: Mapped[dict[str, Any] | None] = mapped_column(JSON())
    category_id: Mapped[int] = mapped_column(
        ForeignKey("categories.id", ondelete="RESTRICT"), index=True
    )

    category: Mapped["Category"] = relationship(lazy="raise")
    tags: Mapped[list["Tag"]] = relationship(
        secondary=product_tags, order_by="Tag.id", lazy="raise"
    )
