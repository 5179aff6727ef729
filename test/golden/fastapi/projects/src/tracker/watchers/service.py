"""Watcher: business logic; reads run on a connection, writes in a session."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from tracker.crud import as_dicts, commit_or_conflict, require_rows
from tracker.errors import NotFoundError
from tracker.pagination import OffsetPage
from tracker.projects.models import Project
from tracker.watchers.models import Watcher
from tracker.watchers.schemas import WatcherCreate, WatcherQuery, WatcherRead, WatcherUpdate

_CONFLICT = "The watcher conflicts with an existing one."


def _conditions(query: WatcherQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.project_id is not None:
        conditions.append(Watcher.project_id == query.project_id)
    return conditions


def _reads(rows: Sequence[dict[str, Any]]) -> list[WatcherRead]:
    """Read schemas of selected rows."""
    return [WatcherRead.model_validate(row) for row in rows]


async def list_watchers(
    connection: AsyncConnection, *, query: WatcherQuery
) -> OffsetPage[WatcherRead]:
    """One page of watchers matching the filters, with the total count."""
    conditions = _conditions(query)
    total = await connection.scalar(select(func.count()).select_from(Watcher).where(*conditions))
    result = await connection.execute(
        select(Watcher.__table__)
        .where(*conditions)
        .order_by(Watcher.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    rows = as_dicts(result)
    return OffsetPage[WatcherRead](
        items=_reads(rows),
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


async def read_watcher(connection: AsyncConnection, *, watcher_id: int) -> WatcherRead:
    """The watcher with this id as the API shows it; 404 if absent."""
    result = await connection.execute(select(Watcher.__table__).where(Watcher.id == watcher_id))
    rows = as_dicts(result)
    if not rows:
        msg = f"Watcher {watcher_id} not found."
        raise NotFoundError(msg)
    return _reads(rows)[0]


async def get_watcher(session: AsyncSession, *, watcher_id: int) -> Watcher:
    """The watcher with this id, its collections loaded, to change; 404 if absent."""
    watcher = await session.scalar(select(Watcher).where(Watcher.id == watcher_id))
    if watcher is None:
        msg = f"Watcher {watcher_id} not found."
        raise NotFoundError(msg)
    return watcher


async def create_watcher(session: AsyncSession, *, data: WatcherCreate) -> WatcherRead:
    """Create a watcher; 409 if it duplicates a unique value."""
    await _check_references(session, data=data)
    watcher = Watcher(**data.model_dump())
    session.add(watcher)
    await commit_or_conflict(session, _CONFLICT)
    return await read_watcher(await session.connection(), watcher_id=watcher.id)


async def update_watcher(
    session: AsyncSession, *, watcher_id: int, data: WatcherUpdate
) -> WatcherRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    watcher = await get_watcher(session, watcher_id=watcher_id)
    await _check_references(session, data=data)
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


async def _check_references(session: AsyncSession, *, data: WatcherCreate | WatcherUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.project_id is not None:
        await require_rows(session, Project, [data.project_id], field="project_id")
