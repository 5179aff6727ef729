"""CartItem: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, func, select

from shop.cart_items.models import CartItem
from shop.cart_items.schemas import CartItemCreate, CartItemQuery, CartItemRead, CartItemUpdate
from shop.carts.models import Cart
from shop.crud import commit_or_conflict, require_rows
from shop.db import db
from shop.errors import NotFoundError
from shop.pagination import OffsetPage
from shop.products.models import Product
from shop.users.models import User

_CONFLICT = "The cart item conflicts with an existing one."


def _conditions(query: CartItemQuery, user: User) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.product_id is not None:
        conditions.append(CartItem.product_id == query.product_id)
    if query.cart_id is not None:
        conditions.append(CartItem.cart_id == query.cart_id)
    if query.owner_id is not None:
        conditions.append(CartItem.owner_id == query.owner_id)
    return conditions


def _visible_to(user: User) -> list[ColumnElement[bool]]:
    """Users see their own cart_items; administrators see all."""
    return [] if user.is_admin else [CartItem.owner_id == user.id]


def list_cart_items(*, query: CartItemQuery, user: User) -> OffsetPage[CartItemRead]:
    """One page of cart_items matching the filters, with the total count."""
    conditions = _conditions(query, user)
    total = db.session.scalar(select(func.count()).select_from(CartItem).where(*conditions))
    rows = db.session.scalars(
        select(CartItem)
        .where(*conditions)
        .order_by(CartItem.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[CartItemRead](
        items=[CartItemRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_cart_item(*, cart_item_id: int, user: User) -> CartItem:
    """The cart item with this id, with everything its read schema shows; 404 if absent."""
    cart_item = db.session.scalar(
        select(CartItem)
        .where(CartItem.id == cart_item_id, *_visible_to(user))
        .execution_options(populate_existing=True)
    )
    if cart_item is None:
        msg = f"CartItem {cart_item_id} not found."
        raise NotFoundError(msg)
    return cart_item


def create_cart_item(*, data: CartItemCreate, user: User) -> CartItem:
    """Create a cart item; 409 if it duplicates a unique value."""
    _check_references(data=data, user=user)
    cart_item = CartItem(**data.model_dump(), owner_id=user.id)
    db.session.add(cart_item)
    commit_or_conflict(_CONFLICT)
    return get_cart_item(cart_item_id=cart_item.id, user=user)


def update_cart_item(*, cart_item_id: int, data: CartItemUpdate, user: User) -> CartItem:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    cart_item = get_cart_item(cart_item_id=cart_item_id, user=user)
    _check_references(data=data, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(cart_item, name, value)
    commit_or_conflict(_CONFLICT)
    return get_cart_item(cart_item_id=cart_item_id, user=user)


def delete_cart_item(*, cart_item_id: int, user: User) -> None:
    """Delete a cart item; 409 if other rows still depend on it."""
    cart_item = get_cart_item(cart_item_id=cart_item_id, user=user)
    db.session.delete(cart_item)
    commit_or_conflict(f"CartItem {cart_item_id} is still referenced and cannot be deleted.")


def _check_references(*, data: CartItemCreate | CartItemUpdate, user: User) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.product_id is not None:
        require_rows(Product, [data.product_id], field="product_id")
    if data.cart_id is not None:
        require_rows(
            Cart,
            [data.cart_id],
            field="cart_id",
            where=[] if user.is_admin else [Cart.owner_id == user.id],
        )
