"""Watcher: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, func, select

from tracker.crud import commit_or_conflict, require_rows
from tracker.db import db
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


def list_watchers(*, query: WatcherQuery) -> OffsetPage[WatcherRead]:
    """One page of watchers matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Watcher).where(*conditions))
    rows = db.session.scalars(
        select(Watcher)
        .where(*conditions)
        .order_by(Watcher.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[WatcherRead](
        items=[WatcherRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_watcher(*, watcher_id: int) -> Watcher:
    """The watcher with this id, with everything its read schema shows; 404 if absent."""
    watcher = db.session.scalar(
        select(Watcher).where(Watcher.id == watcher_id).execution_options(populate_existing=True)
    )
    if watcher is None:
        msg = f"Watcher {watcher_id} not found."
        raise NotFoundError(msg)
    return watcher


def create_watcher(*, data: WatcherCreate) -> Watcher:
    """Create a watcher; 409 if it duplicates a unique value."""
    _check_references(data=data)
    watcher = Watcher(**data.model_dump())
    db.session.add(watcher)
    commit_or_conflict(_CONFLICT)
    return get_watcher(watcher_id=watcher.id)


def update_watcher(*, watcher_id: int, data: WatcherUpdate) -> Watcher:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    watcher = get_watcher(watcher_id=watcher_id)
    _check_references(data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(watcher, name, value)
    commit_or_conflict(_CONFLICT)
    return get_watcher(watcher_id=watcher_id)


def delete_watcher(*, watcher_id: int) -> None:
    """Delete a watcher; 409 if other rows still depend on it."""
    watcher = get_watcher(watcher_id=watcher_id)
    db.session.delete(watcher)
    commit_or_conflict(f"Watcher {watcher_id} is still referenced and cannot be deleted.")


def _check_references(*, data: WatcherCreate | WatcherUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.project_id is not None:
        require_rows(Project, [data.project_id], field="project_id")
