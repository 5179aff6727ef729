"""CartItem: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from shop.cart_items.models import CartItem
from shop.cart_items.schemas import CartItemCreate, CartItemQuery, CartItemRead, CartItemUpdate
from shop.carts.models import Cart
from shop.crud import commit_or_conflict, insert_or_conflict, require_row
from shop.errors import NotFoundError
from shop.json_rows import json_array, json_row
from shop.pagination import OffsetPage
from shop.products.models import Product
from shop.statements import Insert, Read
from shop.users.caller import Caller

_CONFLICT = "The cart item conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "product_id": CartItem.product_id == bindparam("product_id"),
    "cart_id": CartItem.cart_id == bindparam("cart_id"),
    "owner_id": CartItem.owner_id == bindparam("owner_id"),
    "_caller": CartItem.owner_id == bindparam("_caller"),
}


def _values(query: CartItemQuery, user: Caller) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, own rows unless admin."""
    values: dict[str, Any] = {}
    if query.product_id is not None:
        values["product_id"] = query.product_id
    if query.cart_id is not None:
        values["cart_id"] = query.cart_id
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if not user.is_admin:
        values["_caller"] = user.id
    return values


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own cart_items; administrators see all."""
    return [] if user.is_admin else [CartItem.owner_id == user.id]


# What the API shows of a cart item, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(CartItem.__table__)
_READ_ONE = Read(select(_READ_JSON).where(CartItem.id == bindparam("cart_item_id")))
_READ_OWN = Read(
    select(_READ_JSON).where(CartItem.id == bindparam("cart_item_id"), _CONDITIONS["_caller"])
)
_READS = TypeAdapter(list[CartItemRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(CartItem.id.asc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_cart_items(
    connection: AsyncConnection, *, query: CartItemQuery, user: Caller
) -> OffsetPage[CartItemRead]:
    """One page of cart_items matching the filters, with the total count, in one statement."""
    values = _values(query, user)
    rows = await _page(frozenset(values)).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(CartItem).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[CartItemRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_cart_item(
    connection: AsyncConnection, *, cart_item_id: int, user: Caller
) -> CartItemRead:
    """The cart item with this id as the API shows it; 404 if absent."""
    row = await (_READ_ONE if user.is_admin else _READ_OWN).text(
        connection, cart_item_id=cart_item_id, _caller=user.id
    )
    if row is None:
        msg = f"CartItem {cart_item_id} not found."
        raise NotFoundError(msg)
    return CartItemRead.model_validate_json(row)


async def get_cart_item(session: AsyncSession, *, cart_item_id: int, user: Caller) -> CartItem:
    """The cart item with this id, its collections loaded, to change; 404 if absent."""
    cart_item = await session.scalar(
        select(CartItem).where(CartItem.id == cart_item_id, *_visible_to(user))
    )
    if cart_item is None:
        msg = f"CartItem {cart_item_id} not found."
        raise NotFoundError(msg)
    return cart_item


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(CartItem).returning(CartItem.id))


async def create_cart_item(
    connection: AsyncConnection, *, data: CartItemCreate, user: Caller
) -> CartItemRead:
    """Create a cart item; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data, user=user)
    values = data.model_dump() | {"owner_id": user.id}
    cart_item_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_cart_item(connection, cart_item_id=cart_item_id, user=user)


async def update_cart_item(
    session: AsyncSession, *, cart_item_id: int, data: CartItemUpdate, user: Caller
) -> CartItemRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    cart_item = await get_cart_item(session, cart_item_id=cart_item_id, user=user)
    await _check_references(await session.connection(), data=data, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(cart_item, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_cart_item(await session.connection(), cart_item_id=cart_item_id, user=user)


async def delete_cart_item(session: AsyncSession, *, cart_item_id: int, user: Caller) -> None:
    """Delete a cart item; 409 if other rows still depend on it."""
    cart_item = await get_cart_item(session, cart_item_id=cart_item_id, user=user)
    await session.delete(cart_item)
    await commit_or_conflict(
        session, f"CartItem {cart_item_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: CartItemCreate | CartItemUpdate, user: Caller
) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.product_id is not None:
        await require_row(connection, Product, data.product_id, field="product_id")
    if data.cart_id is not None:
        await require_row(
            connection, Cart, data.cart_id, field="cart_id", owner_id=user.visible_owner
        )
