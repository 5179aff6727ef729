"""Watcher: request and response schemas."""

from datetime import datetime
from typing import ClassVar

from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import SkipJsonSchema

from tracker.pagination import OffsetParams
from tracker.schemas import PartialUpdate, ReadSchema, RowId


class WatcherBrief(ReadSchema):
    """A watcher without its collections."""

    id: int
    project_id: int


class WatcherRead(WatcherBrief):
    """A watcher as the API returns it."""

    created_at: datetime
    updated_at: datetime


class WatcherCreate(BaseModel):
    """Fields to create a watcher."""

    model_config = ConfigDict(extra="forbid")

    project_id: RowId


class WatcherUpdate(PartialUpdate):
    """Fields to change on a watcher; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"project_id"})

    project_id: RowId | SkipJsonSchema[None] = None


class WatcherQuery(OffsetParams):
    """Paging, filters and sorting of the watcher list."""

    model_config = ConfigDict(extra="forbid")

    project_id: RowId | None = None
