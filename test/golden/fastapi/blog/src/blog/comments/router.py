"""Comment: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from blog.comments import service
from blog.comments.schemas import CommentCreate, CommentQuery, CommentRead, CommentUpdate
from blog.db import ConnectionDep, SessionDep
from blog.errors import ERROR_RESPONSES
from blog.pagination import CursorPage
from blog.routing import PrefixRouter
from blog.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/comments", tags=["comments"], responses=ERROR_RESPONSES)

CommentId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_comments(
    connection: ConnectionDep, query: Annotated[CommentQuery, Query()]
) -> CursorPage[CommentRead]:
    """List comments: paged, filtered."""
    return await service.list_comments(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_comment(
    data: CommentCreate, connection: ConnectionDep, user: CurrentCaller
) -> CommentRead:
    """Create a comment."""
    return await service.create_comment(connection, data=data, user=user)


@router.get("/{comment_id}")
async def get_comment(comment_id: CommentId, connection: ConnectionDep) -> CommentRead:
    """Get one comment."""
    return await service.read_comment(connection, comment_id=comment_id)


@router.patch("/{comment_id}")
async def update_comment(
    comment_id: CommentId, data: CommentUpdate, session: SessionDep, user: CurrentUser
) -> CommentRead:
    """Change some fields of a comment."""
    return await service.update_comment(session, comment_id=comment_id, data=data, user=user)


@router.delete("/{comment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_comment(comment_id: CommentId, session: SessionDep, user: CurrentUser) -> None:
    """Delete a comment."""
    await service.delete_comment(session, comment_id=comment_id, user=user)
