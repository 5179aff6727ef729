"""OrderItem: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from shop.crud import commit_or_conflict, insert_or_conflict, require_row
from shop.errors import NotFoundError
from shop.json_rows import json_array, json_row
from shop.order_items.models import OrderItem
from shop.order_items.schemas import OrderItemCreate, OrderItemQuery, OrderItemRead, OrderItemUpdate
from shop.orders.models import Order
from shop.pagination import OffsetPage
from shop.products.models import Product
from shop.statements import Insert, Read
from shop.users.caller import Caller

_CONFLICT = "The order item conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "product_id": OrderItem.product_id == bindparam("product_id"),
    "order_id": OrderItem.order_id == bindparam("order_id"),
    "owner_id": OrderItem.owner_id == bindparam("owner_id"),
    "_caller": OrderItem.owner_id == bindparam("_caller"),
}


def _values(query: OrderItemQuery, user: Caller) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, own rows unless admin."""
    values: dict[str, Any] = {}
    if query.product_id is not None:
        values["product_id"] = query.product_id
    if query.order_id is not None:
        values["order_id"] = query.order_id
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if not user.is_admin:
        values["_caller"] = user.id
    return values


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own order_items; administrators see all."""
    return [] if user.is_admin else [OrderItem.owner_id == user.id]


# What the API shows of an order item, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(OrderItem.__table__)
_READ_ONE = Read(select(_READ_JSON).where(OrderItem.id == bindparam("order_item_id")))
_READ_OWN = Read(
    select(_READ_JSON).where(OrderItem.id == bindparam("order_item_id"), _CONDITIONS["_caller"])
)
_READS = TypeAdapter(list[OrderItemRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(OrderItem.id.asc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_order_items(
    connection: AsyncConnection, *, query: OrderItemQuery, user: Caller
) -> OffsetPage[OrderItemRead]:
    """One page of order_items matching the filters, with the total count, in one statement."""
    values = _values(query, user)
    rows = await _page(frozenset(values)).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(OrderItem).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[OrderItemRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_order_item(
    connection: AsyncConnection, *, order_item_id: int, user: Caller
) -> OrderItemRead:
    """The order item with this id as the API shows it; 404 if absent."""
    row = await (_READ_ONE if user.is_admin else _READ_OWN).text(
        connection, order_item_id=order_item_id, _caller=user.id
    )
    if row is None:
        msg = f"OrderItem {order_item_id} not found."
        raise NotFoundError(msg)
    return OrderItemRead.model_validate_json(row)


async def get_order_item(session: AsyncSession, *, order_item_id: int, user: Caller) -> OrderItem:
    """The order item with this id, its collections loaded, to change; 404 if absent."""
    order_item = await session.scalar(
        select(OrderItem).where(OrderItem.id == order_item_id, *_visible_to(user))
    )
    if order_item is None:
        msg = f"OrderItem {order_item_id} not found."
        raise NotFoundError(msg)
    return order_item


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(OrderItem).returning(OrderItem.id))


async def create_order_item(
    connection: AsyncConnection, *, data: OrderItemCreate, user: Caller
) -> OrderItemRead:
    """Create an order item; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data, user=user)
    values = data.model_dump() | {"owner_id": user.id}
    order_item_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_order_item(connection, order_item_id=order_item_id, user=user)


async def update_order_item(
    session: AsyncSession, *, order_item_id: int, data: OrderItemUpdate, user: Caller
) -> OrderItemRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    order_item = await get_order_item(session, order_item_id=order_item_id, user=user)
    await _check_references(await session.connection(), data=data, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(order_item, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_order_item(await session.connection(), order_item_id=order_item_id, user=user)


async def delete_order_item(session: AsyncSession, *, order_item_id: int, user: Caller) -> None:
    """Delete an order item; 409 if other rows still depend on it."""
    order_item = await get_order_item(session, order_item_id=order_item_id, user=user)
    await session.delete(order_item)
    await commit_or_conflict(
        session, f"OrderItem {order_item_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: OrderItemCreate | OrderItemUpdate, user: Caller
) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.product_id is not None:
        await require_row(connection, Product, data.product_id, field="product_id")
    if data.order_id is not None:
        await require_row(
            connection, Order, data.order_id, field="order_id", owner_id=user.visible_owner
        )
