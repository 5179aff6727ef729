"""Task: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from tracker.db import ConnectionDep, SessionDep
from tracker.errors import ERROR_RESPONSES
from tracker.pagination import OffsetPage
from tracker.routing import PrefixRouter
from tracker.tasks import service
from tracker.tasks.schemas import TaskCreate, TaskQuery, TaskRead, TaskUpdate
from tracker.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/tasks", tags=["tasks"], responses=ERROR_RESPONSES)

TaskId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_tasks(
    connection: ConnectionDep, query: Annotated[TaskQuery, Query()], user: CurrentCaller
) -> OffsetPage[TaskRead]:
    """List tasks: paged, filtered and sorted."""
    return await service.list_tasks(connection, query=query, user=user)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_task(data: TaskCreate, session: SessionDep, user: CurrentUser) -> TaskRead:
    """Create a task."""
    return await service.create_task(session, data=data, user=user)


@router.get("/{task_id}")
async def get_task(task_id: TaskId, connection: ConnectionDep, user: CurrentCaller) -> TaskRead:
    """Get one task."""
    return await service.read_task(connection, task_id=task_id, user=user)


@router.patch("/{task_id}")
async def update_task(
    task_id: TaskId, data: TaskUpdate, session: SessionDep, user: CurrentUser
) -> TaskRead:
    """Change some fields of a task."""
    return await service.update_task(session, task_id=task_id, data=data, user=user)


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_task(task_id: TaskId, session: SessionDep, user: CurrentUser) -> None:
    """Delete a task."""
    await service.delete_task(session, task_id=task_id, user=user)
