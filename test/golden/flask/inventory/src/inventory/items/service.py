"""Item: business logic, as keyword-only functions on the request's session."""

from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute

from inventory.crud import commit_or_conflict, require_rows
from inventory.db import db
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
from inventory.pagination import OffsetPage
from inventory.warehouses.models import Warehouse

_CONFLICT = "The item conflicts with an existing one."


def _conditions(query: ItemQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.min_best_before is not None:
        conditions.append(Item.best_before >= query.min_best_before)
    if query.max_best_before is not None:
        conditions.append(Item.best_before <= query.max_best_before)
    if query.warehouse_id is not None:
        conditions.append(Item.warehouse_id == query.warehouse_id)
    return conditions


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"name": Item.name}


def _order_by(sort: ItemSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Item.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Item.id.asc()]


def list_items(*, query: ItemQuery) -> OffsetPage[ItemRead]:
    """One page of items matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Item).where(*conditions))
    rows = db.session.scalars(
        select(Item)
        .where(*conditions)
        .order_by(*_order_by(query.sort))
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[ItemRead](
        items=[ItemRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_item(*, item_id: int) -> Item:
    """The item with this id, with everything its read schema shows; 404 if absent."""
    item = db.session.scalar(
        select(Item).where(Item.id == item_id).execution_options(populate_existing=True)
    )
    if item is None:
        msg = f"Item {item_id} not found."
        raise NotFoundError(msg)
    return item


def create_item(*, data: ItemCreate) -> Item:
    """Create an item; 409 if it duplicates a unique value."""
    _check_references(data=data)
    item = Item(**data.model_dump())
    db.session.add(item)
    commit_or_conflict(_CONFLICT)
    return get_item(item_id=item.id)


def update_item(*, item_id: int, data: ItemUpdate) -> Item:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    item = get_item(item_id=item_id)
    _check_references(data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(item, name, value)
    _check_rules(item)
    commit_or_conflict(_CONFLICT)
    return get_item(item_id=item_id)


def delete_item(*, item_id: int) -> None:
    """Delete an item; 409 if other rows still depend on it."""
    item = get_item(item_id=item_id)
    db.session.delete(item)
    commit_or_conflict(f"Item {item_id} is still referenced and cannot be deleted.")


def _check_references(*, data: ItemCreate | ItemUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.warehouse_id is not None:
        require_rows(Warehouse, [data.warehouse_id], field="warehouse_id")


def _check_rules(item: Item) -> None:
    """Cross-field rules hold on the updated row (a partial update may change one side)."""
    errors = item_rule_errors(min_level=item.min_level, max_level=item.max_level)
    if errors:
        raise ValidationFailedError("; ".join(errors))
