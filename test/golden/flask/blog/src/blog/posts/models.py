"""Post: database model."""

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.db import Base, TimestampMixin, UTCDateTime, str_enum

if TYPE_CHECKING:
    from blog.comments.models import Comment
    from blog.tags.models import Tag


class PostStatus(StrEnum):
    """Allowed values of Post.status."""

    DRAFT = "draft"
    PUBLISHED = "published"


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Post(TimestampMixin, Base):
    """A post, owned by the user who created it."""

    __tablename__ = "posts"

    title: Mapped[str] = mapped_column(String(200), index=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    body: Mapped[str] = mapped_column(Text())
    status: Mapped[PostStatus] = mapped_column(str_enum(PostStatus), default=PostStatus.DRAFT)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    comments: Mapped[list["Comment"]] = relationship(
        back_populates="post", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    tags: Mapped[list["Tag"]] = relationship(secondary=post_tags, order_by="Tag.id", lazy="raise")
