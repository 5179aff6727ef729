"""Project: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, UnaryExpression, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from tracker.crud import commit_or_conflict, insert_or_conflict
from tracker.errors import NotFoundError, PermissionDeniedError
from tracker.json_rows import json_array, json_row
from tracker.pagination import OffsetPage
from tracker.projects.models import Project
from tracker.projects.schemas import (
    ProjectCreate,
    ProjectQuery,
    ProjectRead,
    ProjectSort,
    ProjectUpdate,
)
from tracker.statements import Insert, Read
from tracker.users.caller import Caller

_CONFLICT = "The project conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "archived": Project.archived == bindparam("archived"),
    "owner_id": Project.owner_id == bindparam("owner_id"),
}


def _values(query: ProjectQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent."""
    values: dict[str, Any] = {}
    if query.archived is not None:
        values["archived"] = query.archived
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    return values


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"name": Project.name}


def _order_by(sort: ProjectSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Project.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Project.id.asc()]


# What the API shows of a project, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Project.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Project.id == bindparam("project_id")))
_READS = TypeAdapter(list[ProjectRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str], sort: ProjectSort | None) -> Read:
    """The statement of a page with these conditions and sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_projects(
    connection: AsyncConnection, *, query: ProjectQuery
) -> OffsetPage[ProjectRead]:
    """One page of projects matching the filters, with the total count, in one statement."""
    values = _values(query)
    rows = await _page(frozenset(values), query.sort).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Project).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[ProjectRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_project(connection: AsyncConnection, *, project_id: int) -> ProjectRead:
    """The project with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, project_id=project_id)
    if row is None:
        msg = f"Project {project_id} not found."
        raise NotFoundError(msg)
    return ProjectRead.model_validate_json(row)


async def get_project(session: AsyncSession, *, project_id: int) -> Project:
    """The project with this id, its collections loaded, to change; 404 if absent."""
    project = await session.scalar(select(Project).where(Project.id == project_id))
    if project is None:
        msg = f"Project {project_id} not found."
        raise NotFoundError(msg)
    return project


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Project).returning(Project.id))


async def create_project(
    connection: AsyncConnection, *, data: ProjectCreate, user: Caller
) -> ProjectRead:
    """Create a project; 409 if it duplicates a unique value."""
    values = data.model_dump() | {"owner_id": user.id}
    project_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_project(connection, project_id=project_id)


async def update_project(
    session: AsyncSession, *, project_id: int, data: ProjectUpdate, user: Caller
) -> ProjectRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    project = await get_project(session, project_id=project_id)
    _require_owner(project, user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(project, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_project(await session.connection(), project_id=project_id)


async def delete_project(session: AsyncSession, *, project_id: int, user: Caller) -> None:
    """Delete a project; 409 if other rows still depend on it."""
    project = await get_project(session, project_id=project_id)
    _require_owner(project, user)
    await session.delete(project)
    await commit_or_conflict(
        session, f"Project {project_id} is still referenced and cannot be deleted."
    )


def _require_owner(project: Project, user: Caller) -> None:
    """Everyone may read projects; only the owner or an administrator may change them."""
    if not user.is_admin and project.owner_id != user.id:
        msg = f"Only the owner may change Project {project.id}."
        raise PermissionDeniedError(msg)
