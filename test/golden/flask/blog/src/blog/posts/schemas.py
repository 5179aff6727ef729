"""Post: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from blog.comments.schemas import CommentBrief
from blog.pagination import OffsetParams
from blog.posts.models import PostStatus
from blog.schemas import PartialUpdate, ReadSchema, RowId, SafeStr
from blog.tags.schemas import TagBrief

PostTitle = Annotated[SafeStr, StringConstraints(min_length=1, max_length=200)]
PostSlug = Annotated[
    SafeStr, StringConstraints(min_length=1, max_length=200, pattern=r"^[a-z0-9-]+$")
]


class PostBrief(ReadSchema):
    """A post without its collections."""

    id: int
    title: str
    slug: str
    body: str
    status: PostStatus
    published_at: datetime | None
    owner_id: int


class PostRead(PostBrief):
    """A post as the API returns it."""

    comments: list[CommentBrief]
    tags: list[TagBrief]
    created_at: datetime
    updated_at: datetime


class PostCreate(BaseModel):
    """Fields to create a post."""

    model_config = ConfigDict(extra="forbid")

    title: PostTitle
    slug: PostSlug
    body: SafeStr
    status: PostStatus = PostStatus.DRAFT
    published_at: AwareDatetime | None = None
    tag_ids: list[RowId] = Field(default_factory=list, max_length=100)


class PostUpdate(PartialUpdate):
    """Fields to change on a post; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"title", "slug", "body", "status"})

    title: PostTitle | SkipJsonSchema[None] = None
    slug: PostSlug | SkipJsonSchema[None] = None
    body: SafeStr | SkipJsonSchema[None] = None
    status: PostStatus | SkipJsonSchema[None] = None
    published_at: AwareDatetime | None = None
    tag_ids: list[RowId] | None = Field(default=None, max_length=100)


PostSort = Literal["title", "-title", "published_at", "-published_at"]


class PostQuery(OffsetParams):
    """Paging, filters and sorting of the post list."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[SafeStr, StringConstraints(max_length=200)] | None = None
    status: PostStatus | None = None
    owner_id: RowId | None = None
    sort: PostSort | None = None
