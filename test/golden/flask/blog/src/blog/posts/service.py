"""Post: business logic, as keyword-only functions on the request's session."""

from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from blog.crud import commit_or_conflict, require_rows
from blog.db import db
from blog.errors import NotFoundError, PermissionDeniedError
from blog.pagination import OffsetPage
from blog.posts.models import Post
from blog.posts.schemas import PostCreate, PostQuery, PostRead, PostSort, PostUpdate
from blog.tags.models import Tag
from blog.users.models import User

_CONFLICT = "The post conflicts with an existing one."


def _conditions(query: PostQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.title is not None:
        conditions.append(Post.title == query.title)
    if query.status is not None:
        conditions.append(Post.status == query.status)
    if query.owner_id is not None:
        conditions.append(Post.owner_id == query.owner_id)
    return conditions


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


def list_posts(*, query: PostQuery) -> OffsetPage[PostRead]:
    """One page of posts matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Post).where(*conditions))
    rows = db.session.scalars(
        select(Post)
        .options(selectinload(Post.comments), selectinload(Post.tags))
        .where(*conditions)
        .order_by(*_order_by(query.sort))
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[PostRead](
        items=[PostRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_post(*, post_id: int) -> Post:
    """The post with this id, with everything its read schema shows; 404 if absent."""
    post = db.session.scalar(
        select(Post)
        .options(selectinload(Post.comments), selectinload(Post.tags))
        .where(Post.id == post_id)
        .execution_options(populate_existing=True)
    )
    if post is None:
        msg = f"Post {post_id} not found."
        raise NotFoundError(msg)
    return post


def create_post(*, data: PostCreate, user: User) -> Post:
    """Create a post; 409 if it duplicates a unique value."""
    post = Post(**data.model_dump(exclude={"tag_ids"}), owner_id=user.id)
    post.tags = require_rows(Tag, data.tag_ids, field="tag_ids")
    db.session.add(post)
    commit_or_conflict(_CONFLICT)
    return get_post(post_id=post.id)


def update_post(*, post_id: int, data: PostUpdate, user: User) -> Post:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    post = get_post(post_id=post_id)
    _require_owner(post, user)
    if data.tag_ids is not None:
        post.tags = require_rows(Tag, data.tag_ids, field="tag_ids")
    for name, value in data.model_dump(exclude_unset=True, exclude={"tag_ids"}).items():
        setattr(post, name, value)
    commit_or_conflict(_CONFLICT)
    return get_post(post_id=post_id)


def delete_post(*, post_id: int, user: User) -> None:
    """Delete a post; 409 if other rows still depend on it."""
    post = get_post(post_id=post_id)
    _require_owner(post, user)
    db.session.delete(post)
    commit_or_conflict(f"Post {post_id} is still referenced and cannot be deleted.")


def _require_owner(post: Post, user: User) -> None:
    """Everyone may read posts; only the owner or an administrator may change them."""
    if not user.is_admin and post.owner_id != user.id:
        msg = f"Only the owner may change Post {post.id}."
        raise PermissionDeniedError(msg)
