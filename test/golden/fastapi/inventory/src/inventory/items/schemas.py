"""Item: request and response schemas."""

from datetime import date, datetime
from typing import Annotated, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic.json_schema import SkipJsonSchema

from inventory.pagination import OffsetParams
from inventory.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

ItemBarcode = Annotated[SafeStr, StringConstraints(min_length=1, max_length=20)]
ItemName = Annotated[SafeStr, StringConstraints(min_length=1, max_length=120)]
ItemMinLevel = Annotated[int, Field(ge=0, le=2147483647)]
ItemMaxLevel = Annotated[int, Field(ge=0, le=2147483647)]


def item_rule_errors(*, min_level: int | None, max_level: int | None) -> list[str]:
    """Cross-field rules of an item: one message per broken rule."""
    errors: list[str] = []
    if max_level is not None and min_level is not None and not max_level >= min_level:
        errors.append("max_level must be greater than or equal to min_level")
    return errors


class ItemBrief(ReadSchema):
    """An item without its collections."""

    id: int
    barcode: str
    name: str
    min_level: int
    max_level: int
    best_before: date | None
    warehouse_id: int


class ItemRead(ItemBrief):
    """An item as the API returns it."""

    created_at: datetime
    updated_at: datetime


class ItemCreate(BaseModel):
    """Fields to create an item."""

    model_config = ConfigDict(extra="forbid")

    barcode: ItemBarcode
    name: ItemName
    min_level: ItemMinLevel
    max_level: ItemMaxLevel
    best_before: date | None = None
    warehouse_id: RowId

    @model_validator(mode="after")
    def _check_rules(self) -> Self:
        errors = item_rule_errors(min_level=self.min_level, max_level=self.max_level)
        if errors:
            raise ValueError("; ".join(errors))
        return self


class ItemUpdate(PartialUpdate):
    """Fields to change on an item; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset(
        {"barcode", "name", "min_level", "max_level", "warehouse_id"}
    )

    barcode: ItemBarcode | SkipJsonSchema[None] = None
    name: ItemName | SkipJsonSchema[None] = None
    min_level: ItemMinLevel | SkipJsonSchema[None] = None
    max_level: ItemMaxLevel | SkipJsonSchema[None] = None
    best_before: date | None = None
    warehouse_id: RowId | SkipJsonSchema[None] = None


ItemSort = Literal["name", "-name"]


class ItemQuery(OffsetParams):
    """Paging, filters and sorting of the item list."""

    model_config = ConfigDict(extra="forbid")

    min_best_before: date | None = None
    max_best_before: date | None = None
    warehouse_id: RowId | None = None
    sort: ItemSort | None = None
