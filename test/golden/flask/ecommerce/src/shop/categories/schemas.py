"""Category: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from shop.pagination import OffsetParams
from shop.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

CategoryName = Annotated[SafeStr, StringConstraints(min_length=1, max_length=80)]


class CategoryBrief(ReadSchema):
    """A category without its collections."""

    id: int
    name: str
    description: str | None
    parent_id: int | None


class CategoryRead(CategoryBrief):
    """A category as the API returns it."""

    created_at: datetime
    updated_at: datetime


class CategoryCreate(BaseModel):
    """Fields to create a category."""

    model_config = ConfigDict(extra="forbid")

    name: CategoryName
    description: SafeStr | None = None
    parent_id: RowId | None = None


class CategoryUpdate(PartialUpdate):
    """Fields to change on a category; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"name"})

    name: CategoryName | SkipJsonSchema[None] = None
    description: SafeStr | None = None
    parent_id: RowId | None = None


CategorySort = Literal["name", "-name"]


class CategoryQuery(OffsetParams):
    """Paging, filters and sorting of the category list."""

    model_config = ConfigDict(extra="forbid")

    parent_id: RowId | None = None
    sort: CategorySort | None = None
