"""Task: request and response schemas."""

from datetime import date, datetime
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from tracker.labels.schemas import LabelBrief
from tracker.pagination import OffsetParams
from tracker.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

TaskTitle = Annotated[SafeStr, StringConstraints(min_length=1, max_length=200)]
TaskPriority = Annotated[int, Field(ge=1, le=5)]


class TaskBrief(ReadSchema):
    """A task without its collections."""

    id: int
    title: str
    done: bool
    priority: int
    due: date | None
    project_id: int
    parent_id: int | None
    owner_id: int


class TaskRead(TaskBrief):
    """A task as the API returns it."""

    subtasks: list[TaskBrief]
    labels: list[LabelBrief]
    created_at: datetime
    updated_at: datetime


class TaskCreate(BaseModel):
    """Fields to create a task."""

    model_config = ConfigDict(extra="forbid")

    title: TaskTitle
    done: bool = False
    priority: TaskPriority = 3
    due: date | None = None
    project_id: RowId
    parent_id: RowId | None = None
    label_ids: list[RowId] = Field(default_factory=list, max_length=100)


class TaskUpdate(PartialUpdate):
    """Fields to change on a task; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"title", "done", "priority", "project_id"})

    title: TaskTitle | SkipJsonSchema[None] = None
    done: bool | SkipJsonSchema[None] = None
    priority: TaskPriority | SkipJsonSchema[None] = None
    due: date | None = None
    project_id: RowId | SkipJsonSchema[None] = None
    parent_id: RowId | None = None
    label_ids: list[RowId] | None = Field(default=None, max_length=100)


TaskSort = Literal["priority", "-priority", "due", "-due"]


class TaskQuery(OffsetParams):
    """Paging, filters and sorting of the task list."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[SafeStr, StringConstraints(max_length=200)] | None = None
    done: bool | None = None
    project_id: RowId | None = None
    parent_id: RowId | None = None
    owner_id: RowId | None = None
    sort: TaskSort | None = None
