"""Post: business logic; reads run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, UnaryExpression, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from blog.comments.models import Comment
from blog.crud import commit_or_conflict, require_rows
from blog.errors import NotFoundError, PermissionDeniedError
from blog.json_rows import json_array, json_row, json_rows
from blog.pagination import OffsetPage
from blog.posts.models import Post, post_tags
from blog.posts.schemas import PostCreate, PostQuery, PostRead, PostSort, PostUpdate
from blog.statements import Read
from blog.tags.models import Tag
from blog.users.caller import Caller

_CONFLICT = "The post conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "title": Post.title == bindparam("title"),
    "status": Post.status == bindparam("status"),
    "owner_id": Post.owner_id == bindparam("owner_id"),
}


def _values(query: PostQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent."""
    values: dict[str, Any] = {}
    if query.title is not None:
        values["title"] = query.title
    if query.status is not None:
        values["status"] = query.status
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    return values


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "title": Post.title,
    "published_at": Post.published_at,
}


def _order_by(sort: PostSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Post.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Post.id.asc()]


_COMMENTS_JSON = json_rows(
    select(Comment.id, Comment.body, Comment.post_id, Comment.owner_id)
    .where(Comment.post_id == Post.id)
    .order_by(Comment.id)
    .correlate(Post)
).label("comments")


_TAGS_JSON = json_rows(
    select(Tag.id, Tag.name)
    .join(post_tags, Tag.id == post_tags.c.tag_id)
    .where(post_tags.c.post_id == Post.id)
    .order_by(Tag.id)
    .correlate(Post)
).label("tags")


# What the API shows of a post, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Post.__table__, _COMMENTS_JSON, _TAGS_JSON)
_READ_ONE = Read(select(_READ_JSON).where(Post.id == bindparam("post_id")))
_READS = TypeAdapter(list[PostRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str], sort: PostSort | None) -> Read:
    """The statement of a page with these conditions and sort, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(*_order_by(sort))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_posts(connection: AsyncConnection, *, query: PostQuery) -> OffsetPage[PostRead]:
    """One page of posts matching the filters, with the total count, in one statement."""
    values = _values(query)
    rows = await _page(frozenset(values), query.sort).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Post).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[PostRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_post(connection: AsyncConnection, *, post_id: int) -> PostRead:
    """The post with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, post_id=post_id)
    if row is None:
        msg = f"Post {post_id} not found."
        raise NotFoundError(msg)
    return PostRead.model_validate_json(row)


async def get_post(session: AsyncSession, *, post_id: int) -> Post:
    """The post with this id, its collections loaded, to change; 404 if absent."""
    post = await session.scalar(
        select(Post)
        .options(selectinload(Post.comments), selectinload(Post.tags))
        .where(Post.id == post_id)
    )
    if post is None:
        msg = f"Post {post_id} not found."
        raise NotFoundError(msg)
    return post


async def create_post(session: AsyncSession, *, data: PostCreate, user: Caller) -> PostRead:
    """Create a post; 409 if it duplicates a unique value."""
    post = Post(**data.model_dump(exclude={"tag_ids"}), owner_id=user.id)
    post.tags = await require_rows(session, Tag, data.tag_ids, field="tag_ids")
    session.add(post)
    await commit_or_conflict(session, _CONFLICT)
    return await read_post(await session.connection(), post_id=post.id)


async def update_post(
    session: AsyncSession, *, post_id: int, data: PostUpdate, user: Caller
) -> PostRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    post = await get_post(session, post_id=post_id)
    _require_owner(post, user)
    if data.tag_ids is not None:
        post.tags = await require_rows(session, Tag, data.tag_ids, field="tag_ids")
    for name, value in data.model_dump(exclude_unset=True, exclude={"tag_ids"}).items():
        setattr(post, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_post(await session.connection(), post_id=post_id)


async def delete_post(session: AsyncSession, *, post_id: int, user: Caller) -> None:
    """Delete a post; 409 if other rows still depend on it."""
    post = await get_post(session, post_id=post_id)
    _require_owner(post, user)
    await session.delete(post)
    await commit_or_conflict(session, f"Post {post_id} is still referenced and cannot be deleted.")


def _require_owner(post: Post, user: Caller) -> None:
    """Everyone may read posts; only the owner or an administrator may change them."""
    if not user.is_admin and post.owner_id != user.id:
        msg = f"Only the owner may change Post {post.id}."
        raise PermissionDeniedError(msg)
