"""Tag: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import UnaryExpression, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from blog.crud import commit_or_conflict, insert_or_conflict
from blog.errors import NotFoundError
from blog.json_rows import json_array, json_row
from blog.pagination import OffsetPage
from blog.statements import Insert, Read
from blog.tags.models import Tag
from blog.tags.schemas import TagCreate, TagQuery, TagRead, TagSort, TagUpdate

_CONFLICT = "The tag conflicts with an existing one."


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"name": Tag.name}


def _order_by(sort: TagSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Tag.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Tag.id.asc()]


# What the API shows of a tag, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Tag.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Tag.id == bindparam("tag_id")))
_READS = TypeAdapter(list[TagRead])


@lru_cache(maxsize=128)
def _page(sort: TagSort | None) -> Read:
    """The statement of a page with these sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_tags(connection: AsyncConnection, *, query: TagQuery) -> OffsetPage[TagRead]:
    """One page of tags matching the filters, with the total count, in one statement."""
    rows = await _page(query.sort).rows(connection, offset=query.offset, limit=query.limit)
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        total = (await Read(select(func.count()).select_from(Tag)).rows(connection))[0][0]
    return OffsetPage[TagRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_tag(connection: AsyncConnection, *, tag_id: int) -> TagRead:
    """The tag with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, tag_id=tag_id)
    if row is None:
        msg = f"Tag {tag_id} not found."
        raise NotFoundError(msg)
    return TagRead.model_validate_json(row)


async def get_tag(session: AsyncSession, *, tag_id: int) -> Tag:
    """The tag with this id, its collections loaded, to change; 404 if absent."""
    tag = await session.scalar(select(Tag).where(Tag.id == tag_id))
    if tag is None:
        msg = f"Tag {tag_id} not found."
        raise NotFoundError(msg)
    return tag


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Tag).returning(Tag.id))


async def create_tag(connection: AsyncConnection, *, data: TagCreate) -> TagRead:
    """Create a tag; 409 if it duplicates a unique value."""
    tag_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, data.model_dump())
    return await read_tag(connection, tag_id=tag_id)


async def update_tag(session: AsyncSession, *, tag_id: int, data: TagUpdate) -> TagRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    tag = await get_tag(session, tag_id=tag_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(tag, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_tag(await session.connection(), tag_id=tag_id)


async def delete_tag(session: AsyncSession, *, tag_id: int) -> None:
    """Delete a tag; 409 if other rows still depend on it."""
    tag = await get_tag(session, tag_id=tag_id)
    await session.delete(tag)
    await commit_or_conflict(session, f"Tag {tag_id} is still referenced and cannot be deleted.")
