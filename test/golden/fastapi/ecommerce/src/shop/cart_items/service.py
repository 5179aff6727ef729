"""CartItem: business logic; reads run on a connection, writes in a session."""

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from shop.cart_items.models import CartItem
from shop.cart_items.schemas import CartItemCreate, CartItemQuery, CartItemRead, CartItemUpdate
from shop.carts.models import Cart
from shop.crud import commit_or_conflict, require_rows
from shop.errors import NotFoundError
from shop.json_rows import json_array, json_row
from shop.pagination import OffsetPage
from shop.products.models import Product
from shop.users.caller import Caller

_CONFLICT = "The cart item conflicts with an existing one."


def _conditions(query: CartItemQuery, user: Caller) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.product_id is not None:
        conditions.append(CartItem.product_id == query.product_id)
    if query.cart_id is not None:
        conditions.append(CartItem.cart_id == query.cart_id)
    if query.owner_id is not None:
        conditions.append(CartItem.owner_id == query.owner_id)
    return conditions


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own cart_items; administrators see all."""
    return [] if user.is_admin else [CartItem.owner_id == user.id]


# What the API shows of a cart item, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(CartItem.__table__)
_READ_ONE = select(_READ_JSON).where(CartItem.id == bindparam("cart_item_id"))
_READS = TypeAdapter(list[CartItemRead])


async def list_cart_items(
    connection: AsyncConnection, *, query: CartItemQuery, user: Caller
) -> OffsetPage[CartItemRead]:
    """One page of cart_items matching the filters, with the total count, in one statement."""
    conditions = _conditions(query, user)
    result = await connection.execute(
        select(_READ_JSON, func.count().over())
        .where(*conditions)
        .order_by(CartItem.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    rows = result.all()
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        total = (
            await connection.scalar(select(func.count()).select_from(CartItem).where(*conditions))
            or 0
        )
    return OffsetPage[CartItemRead](
        items=_READS.validate_json(json_array([row for row, _ in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_cart_item(
    connection: AsyncConnection, *, cart_item_id: int, user: Caller
) -> CartItemRead:
    """The cart item with this id as the API shows it; 404 if absent."""
    row = await connection.scalar(
        _READ_ONE.where(*_visible_to(user)), {"cart_item_id": cart_item_id}
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


async def create_cart_item(
    session: AsyncSession, *, data: CartItemCreate, user: Caller
) -> CartItemRead:
    """Create a cart item; 409 if it duplicates a unique value."""
    await _check_references(session, data=data, user=user)
    cart_item = CartItem(**data.model_dump(), owner_id=user.id)
    session.add(cart_item)
    await commit_or_conflict(session, _CONFLICT)
    return await read_cart_item(await session.connection(), cart_item_id=cart_item.id, user=user)


async def update_cart_item(
    session: AsyncSession, *, cart_item_id: int, data: CartItemUpdate, user: Caller
) -> CartItemRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    cart_item = await get_cart_item(session, cart_item_id=cart_item_id, user=user)
    await _check_references(session, data=data, user=user)
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
    session: AsyncSession, *, data: CartItemCreate | CartItemUpdate, user: Caller
) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.product_id is not None:
        await require_rows(session, Product, [data.product_id], field="product_id")
    if data.cart_id is not None:
        await require_rows(
            session,
            Cart,
            [data.cart_id],
            field="cart_id",
            where=[] if user.is_admin else [Cart.owner_id == user.id],
        )
