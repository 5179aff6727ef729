"""Item: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, UnaryExpression, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from inventory.crud import commit_or_conflict, insert_or_conflict, require_row
from inventory.errors import NotFoundError, ValidationFailedError
from inventory.items.models import Item
from inventory.items.schemas import (
    ItemCreate,
    ItemQuery,
    ItemRead,
    ItemSort,
    ItemUpdate,
    item_rule_errors,
)
from inventory.json_rows import json_array, json_row
from inventory.pagination import OffsetPage
from inventory.statements import Insert, Read
from inventory.warehouses.models import Warehouse

_CONFLICT = "The item conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "min_best_before": Item.best_before >= bindparam("min_best_before"),
    "max_best_before": Item.best_before <= bindparam("max_best_before"),
    "warehouse_id": Item.warehouse_id == bindparam("warehouse_id"),
}


def _values(query: ItemQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent."""
    values: dict[str, Any] = {}
    if query.min_best_before is not None:
        values["min_best_before"] = query.min_best_before
    if query.max_best_before is not None:
        values["max_best_before"] = query.max_best_before
    if query.warehouse_id is not None:
        values["warehouse_id"] = query.warehouse_id
    return values


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"name": Item.name}


def _order_by(sort: ItemSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Item.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Item.id.asc()]


# What the API shows of an item, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Item.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Item.id == bindparam("item_id")))
_READS = TypeAdapter(list[ItemRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str], sort: ItemSort | None) -> Read:
    """The statement of a page with these conditions and sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_items(connection: AsyncConnection, *, query: ItemQuery) -> OffsetPage[ItemRead]:
    """One page of items matching the filters, with the total count, in one statement."""
    values = _values(query)
    rows = await _page(frozenset(values), query.sort).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Item).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[ItemRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_item(connection: AsyncConnection, *, item_id: int) -> ItemRead:
    """The item with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, item_id=item_id)
    if row is None:
        msg = f"Item {item_id} not found."
        raise NotFoundError(msg)
    return ItemRead.model_validate_json(row)


async def get_item(session: AsyncSession, *, item_id: int) -> Item:
    """The item with this id, its collections loaded, to change; 404 if absent."""
    item = await session.scalar(select(Item).where(Item.id == item_id))
    if item is None:
        msg = f"Item {item_id} not found."
        raise NotFoundError(msg)
    return item


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Item).returning(Item.id))


async def create_item(connection: AsyncConnection, *, data: ItemCreate) -> ItemRead:
    """Create an item; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data)
    item_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, data.model_dump())
    return await read_item(connection, item_id=item_id)


async def update_item(session: AsyncSession, *, item_id: int, data: ItemUpdate) -> ItemRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    item = await get_item(session, item_id=item_id)
    await _check_references(await session.connection(), data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(item, name, value)
    _check_rules(item)
    await commit_or_conflict(session, _CONFLICT)
    return await read_item(await session.connection(), item_id=item_id)


async def delete_item(session: AsyncSession, *, item_id: int) -> None:
    """Delete an item; 409 if other rows still depend on it."""
    item = await get_item(session, item_id=item_id)
    await session.delete(item)
    await commit_or_conflict(session, f"Item {item_id} is still referenced and cannot be deleted.")


async def _check_references(connection: AsyncConnection, *, data: ItemCreate | ItemUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.warehouse_id is not None:
        await require_row(connection, Warehouse, data.warehouse_id, field="warehouse_id")


def _check_rules(item: Item) -> None:
    """Cross-field rules hold on the updated row (a partial update may change one side)."""
    errors = item_rule_errors(min_level=item.min_level, max_level=item.max_level)
    if errors:
        raise ValidationFailedError("; ".join(errors))
