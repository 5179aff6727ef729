"""Warehouse: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from inventory.pagination import OffsetParams
from inventory.schemas import PartialUpdate, ReadSchema, SafeStr

WarehouseCode = Annotated[
    SafeStr, StringConstraints(min_length=1, max_length=12, pattern=r"^[A-Z]{3}[0-9]{2}$")
]
WarehouseCity = Annotated[SafeStr, StringConstraints(min_length=1, max_length=80)]
WarehouseWebsite = Annotated[SafeStr, StringConstraints(max_length=2048, pattern=r"^https?://\S+$")]
WarehouseCapacity = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class WarehouseBrief(ReadSchema):
    """A warehouse without its collections."""

    id: int
    code: str
    city: str
    website: str | None
    capacity: float
    active: bool


class WarehouseRead(WarehouseBrief):
    """A warehouse as the API returns it."""

    created_at: datetime
    updated_at: datetime


class WarehouseCreate(BaseModel):
    """Fields to create a warehouse."""

    model_config = ConfigDict(extra="forbid")

    code: WarehouseCode
    city: WarehouseCity
    website: WarehouseWebsite | None = None
    capacity: WarehouseCapacity
    active: bool = True


class WarehouseUpdate(PartialUpdate):
    """Fields to change on a warehouse; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"code", "city", "capacity", "active"})

    code: WarehouseCode | SkipJsonSchema[None] = None
    city: WarehouseCity | SkipJsonSchema[None] = None
    website: WarehouseWebsite | None = None
    capacity: WarehouseCapacity | SkipJsonSchema[None] = None
    active: bool | SkipJsonSchema[None] = None


WarehouseSort = Literal["city", "-city", "capacity", "-capacity"]


class WarehouseQuery(OffsetParams):
    """Paging, filters and sorting of the warehouse list."""

    model_config = ConfigDict(extra="forbid")

    city: Annotated[SafeStr, StringConstraints(max_length=80)] | None = None
    active: bool | None = None
    sort: WarehouseSort | None = None
