"""Order: business logic, as keyword-only functions on the request's session."""

from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from shop.crud import commit_or_conflict, require_rows
from shop.customers.models import Customer
from shop.db import db
from shop.errors import NotFoundError, ValidationFailedError
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
from shop.users.models import User

_CONFLICT = "The order conflicts with an existing one."


def _conditions(query: OrderQuery, user: User) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.status is not None:
        conditions.append(Order.status == query.status)
    if query.min_placed_at is not None:
        conditions.append(Order.placed_at >= query.min_placed_at)
    if query.max_placed_at is not None:
        conditions.append(Order.placed_at <= query.max_placed_at)
    if query.customer_id is not None:
        conditions.append(Order.customer_id == query.customer_id)
    if query.owner_id is not None:
        conditions.append(Order.owner_id == query.owner_id)
    return conditions


def _visible_to(user: User) -> list[ColumnElement[bool]]:
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


def list_orders(*, query: OrderQuery, user: User) -> OffsetPage[OrderRead]:
    """One page of orders matching the filters, with the total count."""
    conditions = _conditions(query, user)
    total = db.session.scalar(select(func.count()).select_from(Order).where(*conditions))
    rows = db.session.scalars(
        select(Order)
        .options(selectinload(Order.items))
        .where(*conditions)
        .order_by(*_order_by(query.sort))
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[OrderRead](
        items=[OrderRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_order(*, order_id: int, user: User) -> Order:
    """The order with this id, with everything its read schema shows; 404 if absent."""
    order = db.session.scalar(
        select(Order)
        .options(selectinload(Order.items))
        .where(Order.id == order_id, *_visible_to(user))
        .execution_options(populate_existing=True)
    )
    if order is None:
        msg = f"Order {order_id} not found."
        raise NotFoundError(msg)
    return order


def create_order(*, data: OrderCreate, user: User) -> Order:
    """Create an order; 409 if it duplicates a unique value."""
    _check_references(data=data, user=user)
    order = Order(**data.model_dump(), owner_id=user.id)
    db.session.add(order)
    commit_or_conflict(_CONFLICT)
    return get_order(order_id=order.id, user=user)


def update_order(*, order_id: int, data: OrderUpdate, user: User) -> Order:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    order = get_order(order_id=order_id, user=user)
    _check_references(data=data, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(order, name, value)
    _check_rules(order)
    commit_or_conflict(_CONFLICT)
    return get_order(order_id=order_id, user=user)


def delete_order(*, order_id: int, user: User) -> None:
    """Delete an order; 409 if other rows still depend on it."""
    order = get_order(order_id=order_id, user=user)
    db.session.delete(order)
    commit_or_conflict(f"Order {order_id} is still referenced and cannot be deleted.")


def _check_references(*, data: OrderCreate | OrderUpdate, user: User) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.customer_id is not None:
        require_rows(
            Customer,
            [data.customer_id],
            field="customer_id",
            where=[] if user.is_admin else [Customer.owner_id == user.id],
        )


def _check_rules(order: Order) -> None:
    """Cross-field rules hold on the updated row (a partial update may change one side)."""
    errors = order_rule_errors(placed_at=order.placed_at, shipped_at=order.shipped_at)
    if errors:
        raise ValidationFailedError("; ".join(errors))
