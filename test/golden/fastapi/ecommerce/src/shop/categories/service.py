"""Category: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, UnaryExpression, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from shop.categories.models import Category
from shop.categories.schemas import (
    CategoryCreate,
    CategoryQuery,
    CategoryRead,
    CategorySort,
    CategoryUpdate,
)
from shop.crud import commit_or_conflict, insert_or_conflict, require_row
from shop.errors import ErrorDetail, NotFoundError, ValidationFailedError
from shop.json_rows import json_array, json_row
from shop.pagination import OffsetPage
from shop.statements import Insert, Read

_CONFLICT = "The category conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "parent_id": Category.parent_id == bindparam("parent_id"),
}


def _values(query: CategoryQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent."""
    values: dict[str, Any] = {}
    if query.parent_id is not None:
        values["parent_id"] = query.parent_id
    return values


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"name": Category.name}


def _order_by(sort: CategorySort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Category.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Category.id.asc()]


# What the API shows of a category, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Category.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Category.id == bindparam("category_id")))
_READS = TypeAdapter(list[CategoryRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str], sort: CategorySort | None) -> Read:
    """The statement of a page with these conditions and sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_categories(
    connection: AsyncConnection, *, query: CategoryQuery
) -> OffsetPage[CategoryRead]:
    """One page of categories matching the filters, with the total count, in one statement."""
    values = _values(query)
    rows = await _page(frozenset(values), query.sort).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Category).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[CategoryRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_category(connection: AsyncConnection, *, category_id: int) -> CategoryRead:
    """The category with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, category_id=category_id)
    if row is None:
        msg = f"Category {category_id} not found."
        raise NotFoundError(msg)
    return CategoryRead.model_validate_json(row)


async def get_category(session: AsyncSession, *, category_id: int) -> Category:
    """The category with this id, its collections loaded, to change; 404 if absent."""
    category = await session.scalar(select(Category).where(Category.id == category_id))
    if category is None:
        msg = f"Category {category_id} not found."
        raise NotFoundError(msg)
    return category


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Category).returning(Category.id))


async def create_category(connection: AsyncConnection, *, data: CategoryCreate) -> CategoryRead:
    """Create a category; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data)
    category_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, data.model_dump())
    return await read_category(connection, category_id=category_id)


async def update_category(
    session: AsyncSession, *, category_id: int, data: CategoryUpdate
) -> CategoryRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    category = await get_category(session, category_id=category_id)
    if data.parent_id == category_id:
        msg = "parent_id cannot refer to the category itself."
        raise ValidationFailedError(
            msg, details=[ErrorDetail(loc=["body", "parent_id"], message=msg)]
        )
    await _check_references(await session.connection(), data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(category, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_category(await session.connection(), category_id=category_id)


async def delete_category(session: AsyncSession, *, category_id: int) -> None:
    """Delete a category; 409 if other rows still depend on it."""
    category = await get_category(session, category_id=category_id)
    await session.delete(category)
    await commit_or_conflict(
        session, f"Category {category_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: CategoryCreate | CategoryUpdate
) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.parent_id is not None:
        await require_row(connection, Category, data.parent_id, field="parent_id")
