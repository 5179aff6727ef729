"""Warehouse: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, UnaryExpression, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from inventory.crud import commit_or_conflict, insert_or_conflict
from inventory.errors import NotFoundError
from inventory.json_rows import json_array, json_row
from inventory.pagination import OffsetPage
from inventory.statements import Insert, Read
from inventory.warehouses.models import Warehouse
from inventory.warehouses.schemas import (
    WarehouseCreate,
    WarehouseQuery,
    WarehouseRead,
    WarehouseSort,
    WarehouseUpdate,
)

_CONFLICT = "The warehouse conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "city": Warehouse.city == bindparam("city"),
    "active": Warehouse.active == bindparam("active"),
}


def _values(query: WarehouseQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent."""
    values: dict[str, Any] = {}
    if query.city is not None:
        values["city"] = query.city
    if query.active is not None:
        values["active"] = query.active
    return values


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "city": Warehouse.city,
    "capacity": Warehouse.capacity,
}


def _order_by(sort: WarehouseSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Warehouse.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Warehouse.id.asc()]


# What the API shows of a warehouse, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Warehouse.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Warehouse.id == bindparam("warehouse_id")))
_READS = TypeAdapter(list[WarehouseRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str], sort: WarehouseSort | None) -> Read:
    """The statement of a page with these conditions and sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_warehouses(
    connection: AsyncConnection, *, query: WarehouseQuery
) -> OffsetPage[WarehouseRead]:
    """One page of warehouses matching the filters, with the total count, in one statement."""
    values = _values(query)
    rows = await _page(frozenset(values), query.sort).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Warehouse).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[WarehouseRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_warehouse(connection: AsyncConnection, *, warehouse_id: int) -> WarehouseRead:
    """The warehouse with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, warehouse_id=warehouse_id)
    if row is None:
        msg = f"Warehouse {warehouse_id} not found."
        raise NotFoundError(msg)
    return WarehouseRead.model_validate_json(row)


async def get_warehouse(session: AsyncSession, *, warehouse_id: int) -> Warehouse:
    """The warehouse with this id, its collections loaded, to change; 404 if absent."""
    warehouse = await session.scalar(select(Warehouse).where(Warehouse.id == warehouse_id))
    if warehouse is None:
        msg = f"Warehouse {warehouse_id} not found."
        raise NotFoundError(msg)
    return warehouse


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Warehouse).returning(Warehouse.id))


async def create_warehouse(connection: AsyncConnection, *, data: WarehouseCreate) -> WarehouseRead:
    """Create a warehouse; 409 if it duplicates a unique value."""
    warehouse_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, data.model_dump())
    return await read_warehouse(connection, warehouse_id=warehouse_id)


async def update_warehouse(
    session: AsyncSession, *, warehouse_id: int, data: WarehouseUpdate
) -> WarehouseRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    warehouse = await get_warehouse(session, warehouse_id=warehouse_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(warehouse, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_warehouse(await session.connection(), warehouse_id=warehouse_id)


async def delete_warehouse(session: AsyncSession, *, warehouse_id: int) -> None:
    """Delete a warehouse; 409 if other rows still depend on it."""
    warehouse = await get_warehouse(session, warehouse_id=warehouse_id)
    await session.delete(warehouse)
    await commit_or_conflict(
        session, f"Warehouse {warehouse_id} is still referenced and cannot be deleted."
    )
