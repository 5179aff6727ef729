"""Shipment: request and response schemas."""

from datetime import date, datetime
from typing import Annotated, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from inventory.pagination import CursorParams
from inventory.schemas import PartialUpdate, ReadSchema, RowId

ShipmentQuantity = Annotated[int, Field(ge=1, le=2147483647)]


def shipment_rule_errors(*, ships_on: date | None, arrives_on: date | None) -> list[str]:
    """Cross-field rules of a shipment: one message per broken rule."""
    errors: list[str] = []
    if arrives_on is not None and ships_on is not None and not arrives_on > ships_on:
        errors.append("arrives_on must be greater than ships_on")
    return errors


class ShipmentBrief(ReadSchema):
    """A shipment without its collections."""

    id: int
    quantity: int
    ships_on: date
    arrives_on: date
    item_id: int


class ShipmentRead(ShipmentBrief):
    """A shipment as the API returns it."""

    created_at: datetime
    updated_at: datetime


class ShipmentCreate(BaseModel):
    """Fields to create a shipment."""

    model_config = ConfigDict(extra="forbid")

    quantity: ShipmentQuantity
    ships_on: date
    arrives_on: date
    item_id: RowId

    @model_validator(mode="after")
    def _check_rules(self) -> Self:
        errors = shipment_rule_errors(ships_on=self.ships_on, arrives_on=self.arrives_on)
        if errors:
            raise ValueError("; ".join(errors))
        return self


class ShipmentUpdate(PartialUpdate):
    """Fields to change on a shipment; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset(
        {"quantity", "ships_on", "arrives_on", "item_id"}
    )

    quantity: ShipmentQuantity | SkipJsonSchema[None] = None
    ships_on: date | SkipJsonSchema[None] = None
    arrives_on: date | SkipJsonSchema[None] = None
    item_id: RowId | SkipJsonSchema[None] = None


class ShipmentQuery(CursorParams):
    """Paging, filters and sorting of the shipment list."""

    model_config = ConfigDict(extra="forbid")

    item_id: RowId | None = None
