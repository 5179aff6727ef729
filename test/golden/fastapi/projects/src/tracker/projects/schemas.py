"""Project: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from tracker.pagination import OffsetParams
from tracker.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

ProjectName = Annotated[SafeStr, StringConstraints(min_length=1, max_length=120)]


class ProjectBrief(ReadSchema):
    """A project without its collections."""

    id: int
    name: str
    archived: bool
    owner_id: int


class ProjectRead(ProjectBrief):
    """A project as the API returns it."""

    created_at: datetime
    updated_at: datetime


class ProjectCreate(BaseModel):
    """Fields to create a project."""

    model_config = ConfigDict(extra="forbid")

    name: ProjectName
    archived: bool = False


class ProjectUpdate(PartialUpdate):
    """Fields to change on a project; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"name", "archived"})

    name: ProjectName | SkipJsonSchema[None] = None
    archived: bool | SkipJsonSchema[None] = None


ProjectSort = Literal["name", "-name"]


class ProjectQuery(OffsetParams):
    """Paging, filters and sorting of the project list."""

    model_config = ConfigDict(extra="forbid")

    archived: bool | None = None
    owner_id: RowId | None = None
    sort: ProjectSort | None = None
