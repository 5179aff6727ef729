"""Label: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from tracker.db import ConnectionDep, SessionDep
from tracker.errors import ERROR_RESPONSES
from tracker.labels import service
from tracker.labels.schemas import LabelCreate, LabelQuery, LabelRead, LabelUpdate
from tracker.pagination import OffsetPage
from tracker.routing import PrefixRouter
from tracker.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/labels", tags=["labels"], responses=ERROR_RESPONSES)

LabelId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_labels(
    connection: ConnectionDep, query: Annotated[LabelQuery, Query()], user: CurrentCaller
) -> OffsetPage[LabelRead]:
    """List labels: paged, filtered."""
    return await service.list_labels(connection, query=query, user=user)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_label(
    data: LabelCreate, connection: ConnectionDep, user: CurrentCaller
) -> LabelRead:
    """Create a label."""
    return await service.create_label(connection, data=data, user=user)


@router.get("/{label_id}")
async def get_label(label_id: LabelId, connection: ConnectionDep, user: CurrentCaller) -> LabelRead:
    """Get one label."""
    return await service.read_label(connection, label_id=label_id, user=user)


@router.patch("/{label_id}")
async def update_label(
    label_id: LabelId, data: LabelUpdate, session: SessionDep, user: CurrentUser
) -> LabelRead:
    """Change some fields of a label."""
    return await service.update_label(session, label_id=label_id, data=data, user=user)


@router.delete("/{label_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_label(label_id: LabelId, session: SessionDep, user: CurrentUser) -> None:
    """Delete a label."""
    await service.delete_label(session, label_id=label_id, user=user)
