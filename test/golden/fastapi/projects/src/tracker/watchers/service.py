"""Watcher: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from tracker.crud import commit_or_conflict, insert_or_conflict, require_row
from tracker.errors import NotFoundError
from tracker.json_rows import json_array, json_row
from tracker.pagination import OffsetPage
from tracker.projects.models import Project
from tracker.statements import Insert, Read
from tracker.watchers.models import Watcher
from tracker.watchers.schemas import WatcherCreate, WatcherQuery, WatcherRead, WatcherUpdate

_CONFLICT = "The watcher conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "project_id": Watcher.project_id == bindparam("project_id"),
}


def _values(query: WatcherQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent."""
    values: dict[str, Any] = {}
    if query.project_id is not None:
        values["project_id"] = query.project_id
    return values


# What the API shows of a watcher, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Watcher.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Watcher.id == bindparam("watcher_id")))
_READS = TypeAdapter(list[WatcherRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(Watcher.id.asc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_watchers(
    connection: AsyncConnection, *, query: WatcherQuery
) -> OffsetPage[WatcherRead]:
    """One page of watchers matching the filters, with the total count, in one statement."""
    values = _values(query)
    rows = await _page(frozenset(values)).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Watcher).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[WatcherRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_watcher(connection: AsyncConnection, *, watcher_id: int) -> WatcherRead:
    """The watcher with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, watcher_id=watcher_id)
    if row is None:
        msg = f"Watcher {watcher_id} not found."
        raise NotFoundError(msg)
    return WatcherRead.model_validate_json(row)


async def get_watcher(session: AsyncSession, *, watcher_id: int) -> Watcher:
    """The watcher with this id, its collections loaded, to change; 404 if absent."""
    watcher = await session.scalar(select(Watcher).where(Watcher.id == watcher_id))
    if watcher is None:
        msg = f"Watcher {watcher_id} not found."
        raise NotFoundError(msg)
    return watcher


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Watcher).returning(Watcher.id))


async def create_watcher(connection: AsyncConnection, *, data: WatcherCreate) -> WatcherRead:
    """Create a watcher; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data)
    watcher_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, data.model_dump())
    return await read_watcher(connection, watcher_id=watcher_id)


async def update_watcher(
    session: AsyncSession, *, watcher_id: int, data: WatcherUpdate
) -> WatcherRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    watcher = await get_watcher(session, watcher_id=watcher_id)
    await _check_references(await session.connection(), data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(watcher, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_watcher(await session.connection(), watcher_id=watcher_id)


async def delete_watcher(session: AsyncSession, *, watcher_id: int) -> None:
    """Delete a watcher; 409 if other rows still depend on it."""
    watcher = await get_watcher(session, watcher_id=watcher_id)
    await session.delete(watcher)
    await commit_or_conflict(
        session, f"Watcher {watcher_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: WatcherCreate | WatcherUpdate
) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.project_id is not None:
        await require_row(connection, Project, data.project_id, field="project_id")
