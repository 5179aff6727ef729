"""Customer: database model."""

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shop.db import Base, TimestampMixin


class Customer(TimestampMixin, Base):
    """A customer, owned by the user who created it."""

    __tablename__ = "customers"

    full_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    phone: Mapped[str | None] = mapped_column(String(30))
    marketing_opt_in: Mapped[bool] = mapped_column(Boolean(), default=False)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
