"""Customer: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, func, select

from shop.crud import commit_or_conflict
from shop.customers.models import Customer
from shop.customers.schemas import CustomerCreate, CustomerQuery, CustomerRead, CustomerUpdate
from shop.db import db
from shop.errors import NotFoundError
from shop.pagination import OffsetPage
from shop.users.models import User

_CONFLICT = "The customer conflicts with an existing one."


def _conditions(query: CustomerQuery, user: User) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.marketing_opt_in is not None:
        conditions.append(Customer.marketing_opt_in == query.marketing_opt_in)
    if query.owner_id is not None:
        conditions.append(Customer.owner_id == query.owner_id)
    return conditions


def _visible_to(user: User) -> list[ColumnElement[bool]]:
    """Users see their own customers; administrators see all."""
    return [] if user.is_admin else [Customer.owner_id == user.id]


def list_customers(*, query: CustomerQuery, user: User) -> OffsetPage[CustomerRead]:
    """One page of customers matching the filters, with the total count."""
    conditions = _conditions(query, user)
    total = db.session.scalar(select(func.count()).select_from(Customer).where(*conditions))
    rows = db.session.scalars(
        select(Customer)
        .where(*conditions)
        .order_by(Customer.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[CustomerRead](
        items=[CustomerRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_customer(*, customer_id: int, user: User) -> Customer:
    """The customer with this id, with everything its read schema shows; 404 if absent."""
    customer = db.session.scalar(
        select(Customer)
        .where(Customer.id == customer_id, *_visible_to(user))
        .execution_options(populate_existing=True)
    )
    if customer is None:
        msg = f"Customer {customer_id} not found."
        raise NotFoundError(msg)
    return customer


def create_customer(*, data: CustomerCreate, user: User) -> Customer:
    """Create a customer; 409 if it duplicates a unique value."""
    customer = Customer(**data.model_dump(), owner_id=user.id)
    db.session.add(customer)
    commit_or_conflict(_CONFLICT)
    return get_customer(customer_id=customer.id, user=user)


def update_customer(*, customer_id: int, data: CustomerUpdate, user: User) -> Customer:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    customer = get_customer(customer_id=customer_id, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(customer, name, value)
    commit_or_conflict(_CONFLICT)
    return get_customer(customer_id=customer_id, user=user)


def delete_customer(*, customer_id: int, user: User) -> None:
    """Delete a customer; 409 if other rows still depend on it."""
    customer = get_customer(customer_id=customer_id, user=user)
    db.session.delete(customer)
    commit_or_conflict(f"Customer {customer_id} is still referenced and cannot be deleted.")
