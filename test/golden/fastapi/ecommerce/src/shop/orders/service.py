"""Order: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, UnaryExpression, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from shop.crud import commit_or_conflict, insert_or_conflict, require_row
from shop.customers.models import Customer
from shop.errors import NotFoundError, ValidationFailedError
from shop.json_rows import json_array, json_row, json_rows
from shop.order_items.models import OrderItem
from shop.orders.models import Order
from shop.orders.schemas import (
    OrderCreate,
    OrderQuery,
    OrderRead,
    OrderSort,
    OrderUpdate,
    order_rule_errors,
)
from shop.pagination import OffsetPage
from shop.statements import Insert, Read
from shop.users.caller import Caller

_CONFLICT = "The order conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "status": Order.status == bindparam("status"),
    "min_placed_at": Order.placed_at >= bindparam("min_placed_at"),
    "max_placed_at": Order.placed_at <= bindparam("max_placed_at"),
    "customer_id": Order.customer_id == bindparam("customer_id"),
    "owner_id": Order.owner_id == bindparam("owner_id"),
    "_caller": Order.owner_id == bindparam("_caller"),
}


def _values(query: OrderQuery, user: Caller) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, own rows unless admin."""
    values: dict[str, Any] = {}
    if query.status is not None:
        values["status"] = query.status
    if query.min_placed_at is not None:
        values["min_placed_at"] = query.min_placed_at
    if query.max_placed_at is not None:
        values["max_placed_at"] = query.max_placed_at
    if query.customer_id is not None:
        values["customer_id"] = query.customer_id
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if not user.is_admin:
        values["_caller"] = user.id
    return values


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own orders; administrators see all."""
    return [] if user.is_admin else [Order.owner_id == user.id]


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "status": Order.status,
    "total": Order.total,
    "placed_at": Order.placed_at,
}


def _order_by(sort: OrderSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Order.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Order.id.asc()]


_ITEMS_JSON = json_rows(
    select(
        OrderItem.id,
        OrderItem.quantity,
        OrderItem.unit_price,
        OrderItem.product_id,
        OrderItem.order_id,
        OrderItem.owner_id,
    )
    .where(OrderItem.order_id == Order.id)
    .order_by(OrderItem.id)
    .correlate(Order)
).label("items")


# What the API shows of an order, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Order.__table__, _ITEMS_JSON)
_READ_ONE = Read(select(_READ_JSON).where(Order.id == bindparam("order_id")))
_READ_OWN = Read(
    select(_READ_JSON).where(Order.id == bindparam("order_id"), _CONDITIONS["_caller"])
)
_READS = TypeAdapter(list[OrderRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str], sort: OrderSort | None) -> Read:
    """The statement of a page with these conditions and sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_orders(
    connection: AsyncConnection, *, query: OrderQuery, user: Caller
) -> OffsetPage[OrderRead]:
    """One page of orders matching the filters, with the total count, in one statement."""
    values = _values(query, user)
    rows = await _page(frozenset(values), query.sort).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Order).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[OrderRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_order(connection: AsyncConnection, *, order_id: int, user: Caller) -> OrderRead:
    """The order with this id as the API shows it; 404 if absent."""
    row = await (_READ_ONE if user.is_admin else _READ_OWN).text(
        connection, order_id=order_id, _caller=user.id
    )
    if row is None:
        msg = f"Order {order_id} not found."
        raise NotFoundError(msg)
    return OrderRead.model_validate_json(row)


async def get_order(session: AsyncSession, *, order_id: int, user: Caller) -> Order:
    """The order with this id, its collections loaded, to change; 404 if absent."""
    order = await session.scalar(
        select(Order)
        .options(selectinload(Order.items))
        .where(Order.id == order_id, *_visible_to(user))
    )
    if order is None:
        msg = f"Order {order_id} not found."
        raise NotFoundError(msg)
    return order


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Order).returning(Order.id))


async def create_order(
    connection: AsyncConnection, *, data: OrderCreate, user: Caller
) -> OrderRead:
    """Create an order; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data, user=user)
    values = data.model_dump() | {"owner_id": user.id}
    order_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_order(connection, order_id=order_id, user=user)


async def update_order(
    session: AsyncSession, *, order_id: int, data: OrderUpdate, user: Caller
) -> OrderRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    order = await get_order(session, order_id=order_id, user=user)
    await _check_references(await session.connection(), data=data, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(order, name, value)
    _check_rules(order)
    await commit_or_conflict(session, _CONFLICT)
    return await read_order(await session.connection(), order_id=order_id, user=user)


async def delete_order(session: AsyncSession, *, order_id: int, user: Caller) -> None:
    """Delete an order; 409 if other rows still depend on it."""
    order = await get_order(session, order_id=order_id, user=user)
    await session.delete(order)
    await commit_or_conflict(
        session, f"Order {order_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: OrderCreate | OrderUpdate, user: Caller
) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.customer_id is not None:
        await require_row(
            connection, Customer, data.customer_id, field="customer_id", owner_id=user.visible_owner
        )


def _check_rules(order: Order) -> None:
    """Cross-field rules hold on the updated row (a partial update may change one side)."""
    errors = order_rule_errors(placed_at=order.placed_at, shipped_at=order.shipped_at)
    if errors:
        raise ValidationFailedError("; ".join(errors))
