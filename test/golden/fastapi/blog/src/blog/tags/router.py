"""Tag: HTTP routes."""

from typing import Annotated

from fastapi import Depends, Path, Query, status

from blog.db import ConnectionDep, SessionDep
from blog.errors import ERROR_RESPONSES
from blog.pagination import OffsetPage
from blog.routing import PrefixRouter
from blog.tags import service
from blog.tags.schemas import TagCreate, TagQuery, TagRead, TagUpdate
from blog.users.dependencies import require_admin, require_admin_caller

router = PrefixRouter(prefix="/tags", tags=["tags"], responses=ERROR_RESPONSES)

TagId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_tags(
    connection: ConnectionDep, query: Annotated[TagQuery, Query()]
) -> OffsetPage[TagRead]:
    """List tags: paged and sorted."""
    return await service.list_tags(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[Depends(require_admin_caller)])
async def create_tag(data: TagCreate, connection: ConnectionDep) -> TagRead:
    """Create a tag."""
    return await service.create_tag(connection, data=data)


@router.get("/{tag_id}")
async def get_tag(tag_id: TagId, connection: ConnectionDep) -> TagRead:
    """Get one tag."""
    return await service.read_tag(connection, tag_id=tag_id)


@router.patch("/{tag_id}", dependencies=[Depends(require_admin)])
async def update_tag(tag_id: TagId, data: TagUpdate, session: SessionDep) -> TagRead:
    """Change some fields of a tag."""
    return await service.update_tag(session, tag_id=tag_id, data=data)


@router.delete(
    "/{tag_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[Depends(require_admin)]
)
async def delete_tag(tag_id: TagId, session: SessionDep) -> None:
    """Delete a tag."""
    await service.delete_tag(session, tag_id=tag_id)
