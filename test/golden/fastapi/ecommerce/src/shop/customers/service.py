"""Customer: business logic; reads run on a connection, writes in a session."""

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from shop.crud import commit_or_conflict
from shop.customers.models import Customer
from shop.customers.schemas import CustomerCreate, CustomerQuery, CustomerRead, CustomerUpdate
from shop.errors import NotFoundError
from shop.json_rows import json_array, json_row
from shop.pagination import OffsetPage
from shop.users.caller import Caller

_CONFLICT = "The customer conflicts with an existing one."


def _conditions(query: CustomerQuery, user: Caller) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.marketing_opt_in is not None:
        conditions.append(Customer.marketing_opt_in == query.marketing_opt_in)
    if query.owner_id is not None:
        conditions.append(Customer.owner_id == query.owner_id)
    return conditions


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own customers; administrators see all."""
    return [] if user.is_admin else [Customer.owner_id == user.id]


# What the API shows of a customer, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Customer.__table__)
_READ_ONE = select(_READ_JSON).where(Customer.id == bindparam("customer_id"))
_READS = TypeAdapter(list[CustomerRead])


async def list_customers(
    connection: AsyncConnection, *, query: CustomerQuery, user: Caller
) -> OffsetPage[CustomerRead]:
    """One page of customers matching the filters, with the total count, in one statement."""
    conditions = _conditions(query, user)
    result = await connection.execute(
        select(_READ_JSON, func.count().over())
        .where(*conditions)
        .order_by(Customer.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    rows = result.all()
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        total = (
            await connection.scalar(select(func.count()).select_from(Customer).where(*conditions))
            or 0
        )
    return OffsetPage[CustomerRead](
        items=_READS.validate_json(json_array([row for row, _ in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_customer(
    connection: AsyncConnection, *, customer_id: int, user: Caller
) -> CustomerRead:
    """The customer with this id as the API shows it; 404 if absent."""
    row = await connection.scalar(_READ_ONE.where(*_visible_to(user)), {"customer_id": customer_id})
    if row is None:
        msg = f"Customer {customer_id} not found."
        raise NotFoundError(msg)
    return CustomerRead.model_validate_json(row)


async def get_customer(session: AsyncSession, *, customer_id: int, user: Caller) -> Customer:
    """The customer with this id, its collections loaded, to change; 404 if absent."""
    customer = await session.scalar(
        select(Customer).where(Customer.id == customer_id, *_visible_to(user))
    )
    if customer is None:
        msg = f"Customer {customer_id} not found."
        raise NotFoundError(msg)
    return customer


async def create_customer(
    session: AsyncSession, *, data: CustomerCreate, user: Caller
) -> CustomerRead:
    """Create a customer; 409 if it duplicates a unique value."""
    customer = Customer(**data.model_dump(), owner_id=user.id)
    session.add(customer)
    await commit_or_conflict(session, _CONFLICT)
    return await read_customer(await session.connection(), customer_id=customer.id, user=user)


async def update_customer(
    session: AsyncSession, *, customer_id: int, data: CustomerUpdate, user: Caller
) -> CustomerRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    customer = await get_customer(session, customer_id=customer_id, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(customer, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_customer(await session.connection(), customer_id=customer_id, user=user)


async def delete_customer(session: AsyncSession, *, customer_id: int, user: Caller) -> None:
    """Delete a customer; 409 if other rows still depend on it."""
    customer = await get_customer(session, customer_id=customer_id, user=user)
    await session.delete(customer)
    await commit_or_conflict(
        session, f"Customer {customer_id} is still referenced and cannot be deleted."
    )
