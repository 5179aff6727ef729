"""Cart: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import selectinload

from shop.cart_items.models import CartItem
from shop.carts.models import Cart
from shop.carts.schemas import CartCreate, CartQuery, CartRead, CartUpdate
from shop.crud import commit_or_conflict, insert_or_conflict
from shop.errors import NotFoundError
from shop.json_rows import json_array, json_row, json_rows
from shop.pagination import OffsetPage
from shop.statements import Insert, Read
from shop.users.caller import Caller

_CONFLICT = "The cart conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "owner_id": Cart.owner_id == bindparam("owner_id"),
    "_caller": Cart.owner_id == bindparam("_caller"),
}


def _values(query: CartQuery, user: Caller) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, own rows unless admin."""
    values: dict[str, Any] = {}
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if not user.is_admin:
        values["_caller"] = user.id
    return values


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own carts; administrators see all."""
    return [] if user.is_admin else [Cart.owner_id == user.id]


_ITEMS_JSON = json_rows(
    select(CartItem.id, CartItem.quantity, CartItem.product_id, CartItem.cart_id, CartItem.owner_id)
    .where(CartItem.cart_id == Cart.id)
    .order_by(CartItem.id)
    .correlate(Cart)
).label("items")


# What the API shows of a cart, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Cart.__table__, _ITEMS_JSON)
_READ_ONE = Read(select(_READ_JSON).where(Cart.id == bindparam("cart_id")))
_READ_OWN = Read(select(_READ_JSON).where(Cart.id == bindparam("cart_id"), _CONDITIONS["_caller"]))
_READS = TypeAdapter(list[CartRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(Cart.id.asc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_carts(
    connection: AsyncConnection, *, query: CartQuery, user: Caller
) -> OffsetPage[CartRead]:
    """One page of carts matching the filters, with the total count, in one statement."""
    values = _values(query, user)
    rows = await _page(frozenset(values)).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Cart).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[CartRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_cart(connection: AsyncConnection, *, cart_id: int, user: Caller) -> CartRead:
    """The cart with this id as the API shows it; 404 if absent."""
    row = await (_READ_ONE if user.is_admin else _READ_OWN).text(
        connection, cart_id=cart_id, _caller=user.id
    )
    if row is None:
        msg = f"Cart {cart_id} not found."
        raise NotFoundError(msg)
    return CartRead.model_validate_json(row)


async def get_cart(session: AsyncSession, *, cart_id: int, user: Caller) -> Cart:
    """The cart with this id, its collections loaded, to change; 404 if absent."""
    cart = await session.scalar(
        select(Cart).options(selectinload(Cart.items)).where(Cart.id == cart_id, *_visible_to(user))
    )
    if cart is None:
        msg = f"Cart {cart_id} not found."
        raise NotFoundError(msg)
    return cart


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Cart).returning(Cart.id))


async def create_cart(connection: AsyncConnection, *, data: CartCreate, user: Caller) -> CartRead:
    """Create a cart; 409 if it duplicates a unique value."""
    values = data.model_dump() | {"owner_id": user.id}
    cart_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_cart(connection, cart_id=cart_id, user=user)


async def update_cart(
    session: AsyncSession, *, cart_id: int, data: CartUpdate, user: Caller
) -> CartRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    cart = await get_cart(session, cart_id=cart_id, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(cart, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_cart(await session.connection(), cart_id=cart_id, user=user)


async def delete_cart(session: AsyncSession, *, cart_id: int, user: Caller) -> None:
    """Delete a cart; 409 if other rows still depend on it."""
    cart = await get_cart(session, cart_id=cart_id, user=user)
    await session.delete(cart)
    await commit_or_conflict(session, f"Cart {cart_id} is still referenced and cannot be deleted.")
