"""Watcher: HTTP routes."""

from typing import Annotated

from fastapi import Depends, Path, Query, status

from tracker.db import ConnectionDep, SessionDep
from tracker.errors import ERROR_RESPONSES
from tracker.pagination import OffsetPage
from tracker.routing import PrefixRouter
from tracker.users.dependencies import get_caller, get_current_user
from tracker.watchers import service
from tracker.watchers.schemas import WatcherCreate, WatcherQuery, WatcherRead, WatcherUpdate

router = PrefixRouter(prefix="/watchers", tags=["watchers"], responses=ERROR_RESPONSES)

WatcherId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("", dependencies=[Depends(get_caller)])
async def list_watchers(
    connection: ConnectionDep, query: Annotated[WatcherQuery, Query()]
) -> OffsetPage[WatcherRead]:
    """List watchers: paged, filtered."""
    return await service.list_watchers(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[Depends(get_caller)])
async def create_watcher(data: WatcherCreate, connection: ConnectionDep) -> WatcherRead:
    """Create a watcher."""
    return await service.create_watcher(connection, data=data)


@router.get("/{watcher_id}", dependencies=[Depends(get_caller)])
async def get_watcher(watcher_id: WatcherId, connection: ConnectionDep) -> WatcherRead:
    """Get one watcher."""
    return await service.read_watcher(connection, watcher_id=watcher_id)


@router.patch("/{watcher_id}", dependencies=[Depends(get_current_user)])
async def update_watcher(
    watcher_id: WatcherId, data: WatcherUpdate, session: SessionDep
) -> WatcherRead:
    """Change some fields of a watcher."""
    return await service.update_watcher(session, watcher_id=watcher_id, data=data)


@router.delete(
    "/{watcher_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(get_current_user)],
)
async def delete_watcher(watcher_id: WatcherId, session: SessionDep) -> None:
    """Delete a watcher."""
    await service.delete_watcher(session, watcher_id=watcher_id)
