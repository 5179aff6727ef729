"""Task: business logic; reads run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, UnaryExpression, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from tracker.crud import commit_or_conflict, require_row, require_rows
from tracker.errors import ErrorDetail, NotFoundError, ValidationFailedError
from tracker.json_rows import json_array, json_row, json_rows
from tracker.labels.models import Label
from tracker.pagination import OffsetPage
from tracker.projects.models import Project
from tracker.statements import Read
from tracker.tasks.models import Task, task_labels
from tracker.tasks.schemas import TaskCreate, TaskQuery, TaskRead, TaskSort, TaskUpdate
from tracker.users.caller import Caller

_CONFLICT = "The task conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "title": Task.title == bindparam("title"),
    "done": Task.done == bindparam("done"),
    "project_id": Task.project_id == bindparam("project_id"),
    "parent_id": Task.parent_id == bindparam("parent_id"),
    "owner_id": Task.owner_id == bindparam("owner_id"),
    "_caller": Task.owner_id == bindparam("_caller"),
}


def _values(query: TaskQuery, user: Caller) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, own rows unless admin."""
    values: dict[str, Any] = {}
    if query.title is not None:
        values["title"] = query.title
    if query.done is not None:
        values["done"] = query.done
    if query.project_id is not None:
        values["project_id"] = query.project_id
    if query.parent_id is not None:
        values["parent_id"] = query.parent_id
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if not user.is_admin:
        values["_caller"] = user.id
    return values


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own tasks; administrators see all."""
    return [] if user.is_admin else [Task.owner_id == user.id]


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"priority": Task.priority, "due": Task.due}


def _order_by(sort: TaskSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Task.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Task.id.asc()]


_SUBTASKS_ROWS = Task.__table__.alias("subtasks")
_SUBTASKS_JSON = json_rows(
    select(
        _SUBTASKS_ROWS.c.id,
        _SUBTASKS_ROWS.c.title,
        _SUBTASKS_ROWS.c.done,
        _SUBTASKS_ROWS.c.priority,
        _SUBTASKS_ROWS.c.due,
        _SUBTASKS_ROWS.c.project_id,
        _SUBTASKS_ROWS.c.parent_id,
        _SUBTASKS_ROWS.c.owner_id,
    )
    .where(_SUBTASKS_ROWS.c.parent_id == Task.id)
    .order_by(_SUBTASKS_ROWS.c.id)
    .correlate(Task)
).label("subtasks")


_LABELS_JSON = json_rows(
    select(Label.id, Label.owner_name_key, Label.color, Label.owner_id)
    .join(task_labels, Label.id == task_labels.c.label_id)
    .where(task_labels.c.task_id == Task.id)
    .order_by(Label.id)
    .correlate(Task)
).label("labels")


# What the API shows of a task, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Task.__table__, _SUBTASKS_JSON, _LABELS_JSON)
_READ_ONE = Read(select(_READ_JSON).where(Task.id == bindparam("task_id")))
_READ_OWN = Read(select(_READ_JSON).where(Task.id == bindparam("task_id"), _CONDITIONS["_caller"]))
_READS = TypeAdapter(list[TaskRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str], sort: TaskSort | None) -> Read:
    """The statement of a page with these conditions and sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_tasks(
    connection: AsyncConnection, *, query: TaskQuery, user: Caller
) -> OffsetPage[TaskRead]:
    """One page of tasks matching the filters, with the total count, in one statement."""
    values = _values(query, user)
    rows = await _page(frozenset(values), query.sort).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Task).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[TaskRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_task(connection: AsyncConnection, *, task_id: int, user: Caller) -> TaskRead:
    """The task with this id as the API shows it; 404 if absent."""
    row = await (_READ_ONE if user.is_admin else _READ_OWN).text(
        connection, task_id=task_id, _caller=user.id
    )
    if row is None:
        msg = f"Task {task_id} not found."
        raise NotFoundError(msg)
    return TaskRead.model_validate_json(row)


async def get_task(session: AsyncSession, *, task_id: int, user: Caller) -> Task:
    """The task with this id, its collections loaded, to change; 404 if absent."""
    task = await session.scalar(
        select(Task)
        .options(selectinload(Task.subtasks), selectinload(Task.labels))
        .where(Task.id == task_id, *_visible_to(user))
    )
    if task is None:
        msg = f"Task {task_id} not found."
        raise NotFoundError(msg)
    return task


async def create_task(session: AsyncSession, *, data: TaskCreate, user: Caller) -> TaskRead:
    """Create a task; 409 if it duplicates a unique value."""
    await _check_references(await session.connection(), data=data, user=user)
    task = Task(**data.model_dump(exclude={"label_ids"}), owner_id=user.id)
    task.labels = await require_rows(
        session, Label, data.label_ids, field="label_ids", owner_id=user.visible_owner
    )
    session.add(task)
    await commit_or_conflict(session, _CONFLICT)
    return await read_task(await session.connection(), task_id=task.id, user=user)


async def update_task(
    session: AsyncSession, *, task_id: int, data: TaskUpdate, user: Caller
) -> TaskRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    task = await get_task(session, task_id=task_id, user=user)
    if data.parent_id == task_id:
        msg = "parent_id cannot refer to the task itself."
        raise ValidationFailedError(
            msg, details=[ErrorDetail(loc=["body", "parent_id"], message=msg)]
        )
    await _check_references(await session.connection(), data=data, user=user)
    if data.label_ids is not None:
        task.labels = await require_rows(
            session, Label, data.label_ids, field="label_ids", owner_id=user.visible_owner
        )
    for name, value in data.model_dump(exclude_unset=True, exclude={"label_ids"}).items():
        setattr(task, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_task(await session.connection(), task_id=task_id, user=user)


async def delete_task(session: AsyncSession, *, task_id: int, user: Caller) -> None:
    """Delete a task; 409 if other rows still depend on it."""
    task = await get_task(session, task_id=task_id, user=user)
    await session.delete(task)
    await commit_or_conflict(session, f"Task {task_id} is still referenced and cannot be deleted.")


async def _check_references(
    connection: AsyncConnection, *, data: TaskCreate | TaskUpdate, user: Caller
) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.project_id is not None:
        await require_row(connection, Project, data.project_id, field="project_id")
    if data.parent_id is not None:
        await require_row(
            connection, Task, data.parent_id, field="parent_id", owner_id=user.visible_owner
        )
