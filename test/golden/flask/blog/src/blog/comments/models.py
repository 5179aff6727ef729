"""Comment: database model."""

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.db import Base, TimestampMixin

if TYPE_CHECKING:
    from blog.posts.models import Post


class Comment(TimestampMixin, Base):
    """A comment, owned by the user who created it."""

    __tablename__ = "comments"

    body: Mapped[str] = mapped_column(Text())
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    post: Mapped["Post"] = relationship(back_populates="comments", lazy="raise")
