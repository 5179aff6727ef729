"""Post: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from blog.db import ConnectionDep, SessionDep
from blog.errors import ERROR_RESPONSES
from blog.pagination import OffsetPage
from blog.posts import service
from blog.posts.schemas import PostCreate, PostQuery, PostRead, PostUpdate
from blog.routing import PrefixRouter
from blog.users.dependencies import CurrentUser

router = PrefixRouter(prefix="/posts", tags=["posts"], responses=ERROR_RESPONSES)

PostId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_posts(
    connection: ConnectionDep, query: Annotated[PostQuery, Query()]
) -> OffsetPage[PostRead]:
    """List posts: paged, filtered and sorted."""
    return await service.list_posts(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_post(data: PostCreate, session: SessionDep, user: CurrentUser) -> PostRead:
    """Create a post."""
    return await service.create_post(session, data=data, user=user)


@router.get("/{post_id}")
async def get_post(post_id: PostId, connection: ConnectionDep) -> PostRead:
    """Get one post."""
    return await service.read_post(connection, post_id=post_id)


@router.patch("/{post_id}")
async def update_post(
    post_id: PostId, data: PostUpdate, session: SessionDep, user: CurrentUser
) -> PostRead:
    """Change some fields of a post."""
    return await service.update_post(session, post_id=post_id, data=data, user=user)


@router.delete("/{post_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_post(post_id: PostId, session: SessionDep, user: CurrentUser) -> None:
    """Delete a post."""
    await service.delete_post(session, post_id=post_id, user=user)
