"""Task: business logic, as keyword-only functions on the request's session."""

from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from tracker.crud import commit_or_conflict, require_rows
from tracker.db import db
from tracker.errors import ErrorDetail, NotFoundError, ValidationFailedError
from tracker.labels.models import Label
from tracker.pagination import OffsetPage
from tracker.projects.models import Project
from tracker.tasks.models import Task
from tracker.tasks.schemas import TaskCreate, TaskQuery, TaskRead, TaskSort, TaskUpdate
from tracker.users.models import User

_CONFLICT = "The task conflicts with an existing one."


def _conditions(query: TaskQuery, user: User) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.title is not None:
        conditions.append(Task.title == query.title)
    if query.done is not None:
        conditions.append(Task.done == query.done)
    if query.project_id is not None:
        conditions.append(Task.project_id == query.project_id)
    if query.parent_id is not None:
        conditions.append(Task.parent_id == query.parent_id)
    if query.owner_id is not None:
        conditions.append(Task.owner_id == query.owner_id)
    return conditions


def _visible_to(user: User) -> list[ColumnElement[bool]]:
    """Users see their own tasks; administrators see all."""
    return [] if user.is_admin else [Task.owner_id == user.id]


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"priority": Task.priority, "due": Task.due}


def _order_by(sort: TaskSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Task.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Task.id.asc()]


def list_tasks(*, query: TaskQuery, user: User) -> OffsetPage[TaskRead]:
    """One page of tasks matching the filters, with the total count."""
    conditions = _conditions(query, user)
    total = db.session.scalar(select(func.count()).select_from(Task).where(*conditions))
    rows = db.session.scalars(
        select(Task)
        .options(selectinload(Task.subtasks), selectinload(Task.labels))
        .where(*conditions)
        .order_by(*_order_by(query.sort))
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[TaskRead](
        items=[TaskRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_task(*, task_id: int, user: User) -> Task:
    """The task with this id, with everything its read schema shows; 404 if absent."""
    task = db.session.scalar(
        select(Task)
        .options(selectinload(Task.subtasks), selectinload(Task.labels))
        .where(Task.id == task_id, *_visible_to(user))
        .execution_options(populate_existing=True)
    )
    if task is None:
        msg = f"Task {task_id} not found."
        raise NotFoundError(msg)
    return task


def create_task(*, data: TaskCreate, user: User) -> Task:
    """Create a task; 409 if it duplicates a unique value."""
    _check_references(data=data, user=user)
    task = Task(**data.model_dump(exclude={"label_ids"}), owner_id=user.id)
    task.labels = require_rows(
        Label,
        data.label_ids,
        field="label_ids",
        where=[] if user.is_admin else [Label.owner_id == user.id],
    )
    db.session.add(task)
    commit_or_conflict(_CONFLICT)
    return get_task(task_id=task.id, user=user)


def update_task(*, task_id: int, data: TaskUpdate, user: User) -> Task:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    task = get_task(task_id=task_id, user=user)
    if data.parent_id == task_id:
        msg = "parent_id cannot refer to the task itself."
        raise ValidationFailedError(
            msg, details=[ErrorDetail(loc=["body", "parent_id"], message=msg)]
        )
    _check_references(data=data, user=user)
    if data.label_ids is not None:
        task.labels = require_rows(
            Label,
            data.label_ids,
            field="label_ids",
            where=[] if user.is_admin else [Label.owner_id == user.id],
        )
    for name, value in data.model_dump(exclude_unset=True, exclude={"label_ids"}).items():
        setattr(task, name, value)
    commit_or_conflict(_CONFLICT)
    return get_task(task_id=task_id, user=user)


def delete_task(*, task_id: int, user: User) -> None:
    """Delete a task; 409 if other rows still depend on it."""
    task = get_task(task_id=task_id, user=user)
    db.session.delete(task)
    commit_or_conflict(f"Task {task_id} is still referenced and cannot be deleted.")


def _check_references(*, data: TaskCreate | TaskUpdate, user: User) -> None:
    """Referenced rows must exist and, when private, belong to the user: 422 otherwise."""
    if data.project_id is not None:
        require_rows(Project, [data.project_id], field="project_id")
    if data.parent_id is not None:
        require_rows(
            Task,
            [data.parent_id],
            field="parent_id",
            where=[] if user.is_admin else [Task.owner_id == user.id],
        )
