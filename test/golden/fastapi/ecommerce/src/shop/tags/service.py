"""Tag: business logic; reads run on a connection, writes in a session."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from shop.crud import as_dicts, commit_or_conflict
from shop.errors import NotFoundError
from shop.pagination import OffsetPage
from shop.tags.models import Tag
from shop.tags.schemas import TagCreate, TagQuery, TagRead, TagUpdate

_CONFLICT = "The tag conflicts with an existing one."


def _conditions(query: TagQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []

    return conditions


def _reads(rows: Sequence[dict[str, Any]]) -> list[TagRead]:
    """Read schemas of selected rows."""
    return [TagRead.model_validate(row) for row in rows]


async def list_tags(connection: AsyncConnection, *, query: TagQuery) -> OffsetPage[TagRead]:
    """One page of tags matching the filters, with the total count."""
    conditions = _conditions(query)
    total = await connection.scalar(select(func.count()).select_from(Tag).where(*conditions))
    result = await connection.execute(
        select(Tag.__table__)
        .where(*conditions)
        .order_by(Tag.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    rows = as_dicts(result)
    return OffsetPage[TagRead](
        items=_reads(rows),
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


async def read_tag(connection: AsyncConnection, *, tag_id: int) -> TagRead:
    """The tag with this id as the API shows it; 404 if absent."""
    result = await connection.execute(select(Tag.__table__).where(Tag.id == tag_id))
    rows = as_dicts(result)
    if not rows:
        msg = f"Tag {tag_id} not found."
        raise NotFoundError(msg)
    return _reads(rows)[0]


async def get_tag(session: AsyncSession, *, tag_id: int) -> Tag:
    """The tag with this id, its collections loaded, to change; 404 if absent."""
    tag = await session.scalar(select(Tag).where(Tag.id == tag_id))
    if tag is None:
        msg = f"Tag {tag_id} not found."
        raise NotFoundError(msg)
    return tag


async def create_tag(session: AsyncSession, *, data: TagCreate) -> TagRead:
    """Create a tag; 409 if it duplicates a unique value."""
    tag = Tag(**data.model_dump())
    session.add(tag)
    await commit_or_conflict(session, _CONFLICT)
    return await read_tag(await session.connection(), tag_id=tag.id)


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
