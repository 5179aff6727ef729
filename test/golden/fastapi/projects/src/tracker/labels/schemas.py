"""Label: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from tracker.pagination import OffsetParams
from tracker.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

LabelOwnerNameKey = Annotated[
    SafeStr, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=40)
]
LabelColor = Annotated[
    SafeStr, StringConstraints(min_length=1, max_length=7, pattern=r"^#[0-9a-f]{6}$")
]


class LabelBrief(ReadSchema):
    """A label without its collections."""

    id: int
    owner_name_key: str
    color: str
    owner_id: int


class LabelRead(LabelBrief):
    """A label as the API returns it."""

    created_at: datetime
    updated_at: datetime


class LabelCreate(BaseModel):
    """Fields to create a label."""

    model_config = ConfigDict(extra="forbid")

    owner_name_key: LabelOwnerNameKey
    color: LabelColor


class LabelUpdate(PartialUpdate):
    """Fields to change on a label; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"owner_name_key", "color"})

    owner_name_key: LabelOwnerNameKey | SkipJsonSchema[None] = None
    color: LabelColor | SkipJsonSchema[None] = None


class LabelQuery(OffsetParams):
    """Paging, filters and sorting of the label list."""

    model_config = ConfigDict(extra="forbid")

    owner_id: RowId | None = None
