"""User: database model and roles."""

from enum import StrEnum

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from shop.db import Base, TimestampMixin, str_enum


class Role(StrEnum):
    """What a user may do; the first role is the administrator."""

    ADMIN = "admin"
    CUSTOMER = "customer"


ADMIN_ROLE = Role.ADMIN
DEFAULT_ROLE = Role.CUSTOMER


class User(TimestampMixin, Base):
    """Someone who can log in."""

    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    full_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(str_enum(Role), default=DEFAULT_ROLE)
    is_active: Mapped[bool] = mapped_column(Boolean(), default=True)

    @property
    def is_admin(self) -> bool:
        """Administrators see and change every row."""
        return self.role == ADMIN_ROLE
