"""Shipment: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, select

from inventory.crud import commit_or_conflict, require_rows
from inventory.db import db
from inventory.errors import NotFoundError, ValidationFailedError
from inventory.items.models import Item
from inventory.pagination import CursorPage, decode_cursor, encode_cursor
from inventory.shipments.models import Shipment
from inventory.shipments.schemas import (
    ShipmentCreate,
    ShipmentQuery,
    ShipmentRead,
    ShipmentUpdate,
    shipment_rule_errors,
)

_CONFLICT = "The shipment conflicts with an existing one."


def _conditions(query: ShipmentQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.item_id is not None:
        conditions.append(Shipment.item_id == query.item_id)
    return conditions


def list_shipments(*, query: ShipmentQuery) -> CursorPage[ShipmentRead]:
    """One page of shipments after the cursor, in id order (keyset: no OFFSET scan)."""
    conditions = _conditions(query)
    if query.cursor is not None:
        conditions.append(Shipment.id > decode_cursor(query.cursor))
    rows = list(
        db.session.scalars(
            select(Shipment).where(*conditions).order_by(Shipment.id.asc()).limit(query.limit + 1)
        )
    )
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[ShipmentRead](
        items=[ShipmentRead.model_validate(row) for row in page], next_cursor=next_cursor
    )


def get_shipment(*, shipment_id: int) -> Shipment:
    """The shipment with this id, with everything its read schema shows; 404 if absent."""
    shipment = db.session.scalar(
        select(Shipment).where(Shipment.id == shipment_id).execution_options(populate_existing=True)
    )
    if shipment is None:
        msg = f"Shipment {shipment_id} not found."
        raise NotFoundError(msg)
    return shipment


def create_shipment(*, data: ShipmentCreate) -> Shipment:
    """Create a shipment; 409 if it duplicates a unique value."""
    _check_references(data=data)
    shipment = Shipment(**data.model_dump())
    db.session.add(shipment)
    commit_or_conflict(_CONFLICT)
    return get_shipment(shipment_id=shipment.id)


def update_shipment(*, shipment_id: int, data: ShipmentUpdate) -> Shipment:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    shipment = get_shipment(shipment_id=shipment_id)
    _check_references(data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(shipment, name, value)
    _check_rules(shipment)
    commit_or_conflict(_CONFLICT)
    return get_shipment(shipment_id=shipment_id)


def delete_shipment(*, shipment_id: int) -> None:
    """Delete a shipment; 409 if other rows still depend on it."""
    shipment = get_shipment(shipment_id=shipment_id)
    db.session.delete(shipment)
    commit_or_conflict(f"Shipment {shipment_id} is still referenced and cannot be deleted.")


def _check_references(*, data: ShipmentCreate | ShipmentUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.item_id is not None:
        require_rows(Item, [data.item_id], field="item_id")


def _check_rules(shipment: Shipment) -> None:
    """Cross-field rules hold on the updated row (a partial update may change one side)."""
    errors = shipment_rule_errors(ships_on=shipment.ships_on, arrives_on=shipment.arrives_on)
    if errors:
        raise ValidationFailedError("; ".join(errors))
