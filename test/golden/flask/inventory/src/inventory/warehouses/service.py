"""Warehouse: business logic, as keyword-only functions on the request's session."""

from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute

from inventory.crud import commit_or_conflict
from inventory.db import db
from inventory.errors import NotFoundError
from inventory.pagination import OffsetPage
from inventory.warehouses.models import Warehouse
from inventory.warehouses.schemas import (
    WarehouseCreate,
    WarehouseQuery,
    WarehouseRead,
    WarehouseSort,
    WarehouseUpdate,
)

_CONFLICT = "The warehouse conflicts with an existing one."


def _conditions(query: WarehouseQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.city is not None:
        conditions.append(Warehouse.city == query.city)
    if query.active is not None:
        conditions.append(Warehouse.active == query.active)
    return conditions


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


def list_warehouses(*, query: WarehouseQuery) -> OffsetPage[WarehouseRead]:
    """One page of warehouses matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Warehouse).where(*conditions))
    rows = db.session.scalars(
        select(Warehouse)
        .where(*conditions)
        .order_by(*_order_by(query.sort))
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[WarehouseRead](
        items=[WarehouseRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_warehouse(*, warehouse_id: int) -> Warehouse:
    """The warehouse with this id, with everything its read schema shows; 404 if absent."""
    warehouse = db.session.scalar(
        select(Warehouse)
        .where(Warehouse.id == warehouse_id)
        .execution_options(populate_existing=True)
    )
    if warehouse is None:
        msg = f"Warehouse {warehouse_id} not found."
        raise NotFoundError(msg)
    return warehouse


def create_warehouse(*, data: WarehouseCreate) -> Warehouse:
    """Create a warehouse; 409 if it duplicates a unique value."""
    warehouse = Warehouse(**data.model_dump())
    db.session.add(warehouse)
    commit_or_conflict(_CONFLICT)
    return get_warehouse(warehouse_id=warehouse.id)


def update_warehouse(*, warehouse_id: int, data: WarehouseUpdate) -> Warehouse:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    warehouse = get_warehouse(warehouse_id=warehouse_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(warehouse, name, value)
    commit_or_conflict(_CONFLICT)
    return get_warehouse(warehouse_id=warehouse_id)


def delete_warehouse(*, warehouse_id: int) -> None:
    """Delete a warehouse; 409 if other rows still depend on it."""
    warehouse = get_warehouse(warehouse_id=warehouse_id)
    db.session.delete(warehouse)
    commit_or_conflict(f"Warehouse {warehouse_id} is still referenced and cannot be deleted.")
