"""Comment: request and response schemas."""

from datetime import datetime
from typing import ClassVar

from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import SkipJsonSchema

from blog.pagination import CursorParams
from blog.schemas import PartialUpdate, ReadSchema, RowId, SafeStr


class CommentBrief(ReadSchema):
    """A comment without its collections."""

    id: int
    body: str
    post_id: int
    owner_id: int


class CommentRead(CommentBrief):
    """A comment as the API returns it."""

    created_at: datetime
    updated_at: datetime


class CommentCreate(BaseModel):
    """Fields to create a comment."""

    model_config = ConfigDict(extra="forbid")

    body: SafeStr
    post_id: RowId


class CommentUpdate(PartialUpdate):
    """Fields to change on a comment; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"body", "post_id"})

    body: SafeStr | SkipJsonSchema[None] = None
    post_id: RowId | SkipJsonSchema[None] = None


class CommentQuery(CursorParams):
    """Paging, filters and sorting of the comment list."""

    model_config = ConfigDict(extra="forbid")

    post_id: RowId | None = None
    owner_id: RowId | None = None
