"""Customer: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from shop.crud import commit_or_conflict, insert_or_conflict
from shop.customers.models import Customer
from shop.customers.schemas import CustomerCreate, CustomerQuery, CustomerRead, CustomerUpdate
from shop.errors import NotFoundError
from shop.json_rows import json_array, json_row
from shop.pagination import OffsetPage
from shop.statements import Insert, Read
from shop.users.caller import Caller

_CONFLICT = "The customer conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "marketing_opt_in": Customer.marketing_opt_in == bindparam("marketing_opt_in"),
    "owner_id": Customer.owner_id == bindparam("owner_id"),
    "_caller": Customer.owner_id == bindparam("_caller"),
}


def _values(query: CustomerQuery, user: Caller) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, own rows unless admin."""
    values: dict[str, Any] = {}
    if query.marketing_opt_in is not None:
        values["marketing_opt_in"] = query.marketing_opt_in
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if not user.is_admin:
        values["_caller"] = user.id
    return values


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own customers; administrators see all."""
    return [] if user.is_admin else [Customer.owner_id == user.id]


# What the API shows of a customer, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Customer.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Customer.id == bindparam("customer_id")))
_READ_OWN = Read(
    select(_READ_JSON).where(Customer.id == bindparam("customer_id"), _CONDITIONS["_caller"])
)
_READS = TypeAdapter(list[CustomerRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(Customer.id.asc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_customers(
    connection: AsyncConnection, *, query: CustomerQuery, user: Caller
) -> OffsetPage[CustomerRead]:
    """One page of customers matching the filters, with the total count, in one statement."""
    values = _values(query, user)
    rows = await _page(frozenset(values)).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Customer).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[CustomerRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_customer(
    connection: AsyncConnection, *, customer_id: int, user: Caller
) -> CustomerRead:
    """The customer with this id as the API shows it; 404 if absent."""
    row = await (_READ_ONE if user.is_admin else _READ_OWN).text(
        connection, customer_id=customer_id, _caller=user.id
    )
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


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Customer).returning(Customer.id))


async def create_customer(
    connection: AsyncConnection, *, data: CustomerCreate, user: Caller
) -> CustomerRead:
    """Create a customer; 409 if it duplicates a unique value."""
    values = data.model_dump() | {"owner_id": user.id}
    customer_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_customer(connection, customer_id=customer_id, user=user)


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
