"""Tag: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from blog.pagination import OffsetParams
from blog.schemas import PartialUpdate, ReadSchema, SafeStr

TagName = Annotated[
    SafeStr, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=40)
]


class TagBrief(ReadSchema):
    """A tag without its collections."""

    id: int
    name: str


class TagRead(TagBrief):
    """A tag as the API returns it."""

    created_at: datetime
    updated_at: datetime


class TagCreate(BaseModel):
    """Fields to create a tag."""

    model_config = ConfigDict(extra="forbid")

    name: TagName


class TagUpdate(PartialUpdate):
    """Fields to change on a tag; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"name"})

    name: TagName | SkipJsonSchema[None] = None


TagSort = Literal["name", "-name"]


class TagQuery(OffsetParams):
    """Paging, filters and sorting of the tag list."""

    model_config = ConfigDict(extra="forbid")

    sort: TagSort | None = None
