"""Every ORM model, imported in one place so Alembic and the mappers see them all."""

from blog.comments.models import Comment
from blog.db import Base
from blog.posts.models import Post
from blog.tags.models import Tag
from blog.users.models import User

__all__ = ["Comment", "Post", "Tag", "User", "metadata"]

# Complete only because every model module is imported above.
metadata = Base.metadata
