"""Note: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from notes.pagination import OffsetParams
from notes.schemas import PartialUpdate, ReadSchema, SafeStr

NoteTitle = Annotated[SafeStr, StringConstraints(min_length=1, max_length=255)]


class NoteBrief(ReadSchema):
    """A note without its collections."""

    id: int
    title: str


class NoteRead(NoteBrief):
    """A note as the API returns it."""

    created_at: datetime
    updated_at: datetime


class NoteCreate(BaseModel):
    """Fields to create a note."""

    model_config = ConfigDict(extra="forbid")

    title: NoteTitle


class NoteUpdate(PartialUpdate):
    """Fields to change on a note; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"title"})

    title: NoteTitle | SkipJsonSchema[None] = None


class NoteQuery(OffsetParams):
    """Paging, filters and sorting of the note list."""

    model_config = ConfigDict(extra="forbid")
