"""Cart: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import selectinload

from shop.carts.models import Cart
from shop.carts.schemas import CartCreate, CartQuery, CartRead, CartUpdate
from shop.crud import commit_or_conflict
from shop.db import db
from shop.errors import NotFoundError
from shop.pagination import OffsetPage
from shop.users.models import User

_CONFLICT = "The cart conflicts with an existing one."


def _conditions(query: CartQuery, user: User) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.owner_id is not None:
        conditions.append(Cart.owner_id == query.owner_id)
    return conditions


def _visible_to(user: User) -> list[ColumnElement[bool]]:
    """Users see their own carts; administrators see all."""
    return [] if user.is_admin else [Cart.owner_id == user.id]


def list_carts(*, query: CartQuery, user: User) -> OffsetPage[CartRead]:
    """One page of carts matching the filters, with the total count."""
    conditions = _conditions(query, user)
    total = db.session.scalar(select(func.count()).select_from(Cart).where(*conditions))
    rows = db.session.scalars(
        select(Cart)
        .options(selectinload(Cart.items))
        .where(*conditions)
        .order_by(Cart.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[CartRead](
        items=[CartRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_cart(*, cart_id: int, user: User) -> Cart:
    """The cart with this id, with everything its read schema shows; 404 if absent."""
    cart = db.session.scalar(
        select(Cart)
        .options(selectinload(Cart.items))
        .where(Cart.id == cart_id, *_visible_to(user))
        .execution_options(populate_existing=True)
    )
    if cart is None:
        msg = f"Cart {cart_id} not found."
        raise NotFoundError(msg)
    return cart


def create_cart(*, data: CartCreate, user: User) -> Cart:
    """Create a cart; 409 if it duplicates a unique value."""
    cart = Cart(**data.model_dump(), owner_id=user.id)
    db.session.add(cart)
    commit_or_conflict(_CONFLICT)
    return get_cart(cart_id=cart.id, user=user)


def update_cart(*, cart_id: int, data: CartUpdate, user: User) -> Cart:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    cart = get_cart(cart_id=cart_id, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(cart, name, value)
    commit_or_conflict(_CONFLICT)
    return get_cart(cart_id=cart_id, user=user)


def delete_cart(*, cart_id: int, user: User) -> None:
    """Delete a cart; 409 if other rows still depend on it."""
    cart = get_cart(cart_id=cart_id, user=user)
    db.session.delete(cart)
    commit_or_conflict(f"Cart {cart_id} is still referenced and cannot be deleted.")
