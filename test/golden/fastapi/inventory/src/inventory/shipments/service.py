"""Shipment: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from inventory.crud import commit_or_conflict, insert_or_conflict, require_row
from inventory.errors import NotFoundError, ValidationFailedError
from inventory.items.models import Item
from inventory.json_rows import json_array, json_row
from inventory.pagination import CursorPage, decode_cursor, encode_cursor
from inventory.shipments.models import Shipment
from inventory.shipments.schemas import (
    ShipmentCreate,
    ShipmentQuery,
    ShipmentRead,
    ShipmentUpdate,
    shipment_rule_errors,
)
from inventory.statements import Insert, Read

_CONFLICT = "The shipment conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "item_id": Shipment.item_id == bindparam("item_id"),
    "_after": Shipment.id > bindparam("_after"),
}


def _values(query: ShipmentQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, cursor."""
    values: dict[str, Any] = {}
    if query.item_id is not None:
        values["item_id"] = query.item_id
    if query.cursor is not None:
        values["_after"] = decode_cursor(query.cursor)
    return values


# What the API shows of a shipment, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Shipment.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Shipment.id == bindparam("shipment_id")))
_READS = TypeAdapter(list[ShipmentRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON)
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(Shipment.id.asc())
        .limit(bindparam("limit"))
    )


async def list_shipments(
    connection: AsyncConnection, *, query: ShipmentQuery
) -> CursorPage[ShipmentRead]:
    """One page of shipments after the cursor, in id order (keyset: no OFFSET scan)."""
    values = _values(query)
    texts = await _page(frozenset(values)).texts(connection, **values, limit=query.limit + 1)
    rows = _READS.validate_json(json_array(texts))
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[ShipmentRead](items=page, next_cursor=next_cursor)


async def read_shipment(connection: AsyncConnection, *, shipment_id: int) -> ShipmentRead:
    """The shipment with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, shipment_id=shipment_id)
    if row is None:
        msg = f"Shipment {shipment_id} not found."
        raise NotFoundError(msg)
    return ShipmentRead.model_validate_json(row)


async def get_shipment(session: AsyncSession, *, shipment_id: int) -> Shipment:
    """The shipment with this id, its collections loaded, to change; 404 if absent."""
    shipment = await session.scalar(select(Shipment).where(Shipment.id == shipment_id))
    if shipment is None:
        msg = f"Shipment {shipment_id} not found."
        raise NotFoundError(msg)
    return shipment


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Shipment).returning(Shipment.id))


async def create_shipment(connection: AsyncConnection, *, data: ShipmentCreate) -> ShipmentRead:
    """Create a shipment; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data)
    shipment_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, data.model_dump())
    return await read_shipment(connection, shipment_id=shipment_id)


async def update_shipment(
    session: AsyncSession, *, shipment_id: int, data: ShipmentUpdate
) -> ShipmentRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    shipment = await get_shipment(session, shipment_id=shipment_id)
    await _check_references(await session.connection(), data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(shipment, name, value)
    _check_rules(shipment)
    await commit_or_conflict(session, _CONFLICT)
    return await read_shipment(await session.connection(), shipment_id=shipment_id)


async def delete_shipment(session: AsyncSession, *, shipment_id: int) -> None:
    """Delete a shipment; 409 if other rows still depend on it."""
    shipment = await get_shipment(session, shipment_id=shipment_id)
    await session.delete(shipment)
    await commit_or_conflict(
        session, f"Shipment {shipment_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: ShipmentCreate | ShipmentUpdate
) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.item_id is not None:
        await require_row(connection, Item, data.item_id, field="item_id")


def _check_rules(shipment: Shipment) -> None:
    """Cross-field rules hold on the updated row (a partial update may change one side)."""
    errors = shipment_rule_errors(ships_on=shipment.ships_on, arrives_on=shipment.arrives_on)
    if errors:
        raise ValidationFailedError("; ".join(errors))
