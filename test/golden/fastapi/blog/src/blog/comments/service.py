"""Comment: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from blog.comments.models import Comment
from blog.comments.schemas import CommentCreate, CommentQuery, CommentRead, CommentUpdate
from blog.crud import commit_or_conflict, insert_or_conflict, require_row
from blog.errors import NotFoundError, PermissionDeniedError
from blog.json_rows import json_array, json_row
from blog.pagination import CursorPage, decode_cursor, encode_cursor
from blog.posts.models import Post
from blog.statements import Insert, Read
from blog.users.caller import Caller

_CONFLICT = "The comment conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "post_id": Comment.post_id == bindparam("post_id"),
    "owner_id": Comment.owner_id == bindparam("owner_id"),
    "_after": Comment.id > bindparam("_after"),
}


def _values(query: CommentQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, cursor."""
    values: dict[str, Any] = {}
    if query.post_id is not None:
        values["post_id"] = query.post_id
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if query.cursor is not None:
        values["_after"] = decode_cursor(query.cursor)
    return values


# What the API shows of a comment, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Comment.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Comment.id == bindparam("comment_id")))
_READS = TypeAdapter(list[CommentRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON)
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(Comment.id.asc())
        .limit(bindparam("limit"))
    )


async def list_comments(
    connection: AsyncConnection, *, query: CommentQuery
) -> CursorPage[CommentRead]:
    """One page of comments after the cursor, in id order (keyset: no OFFSET scan)."""
    values = _values(query)
    texts = await _page(frozenset(values)).texts(connection, **values, limit=query.limit + 1)
    rows = _READS.validate_json(json_array(texts))
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[CommentRead](items=page, next_cursor=next_cursor)


async def read_comment(connection: AsyncConnection, *, comment_id: int) -> CommentRead:
    """The comment with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, comment_id=comment_id)
    if row is None:
        msg = f"Comment {comment_id} not found."
        raise NotFoundError(msg)
    return CommentRead.model_validate_json(row)


async def get_comment(session: AsyncSession, *, comment_id: int) -> Comment:
    """The comment with this id, its collections loaded, to change; 404 if absent."""
    comment = await session.scalar(select(Comment).where(Comment.id == comment_id))
    if comment is None:
        msg = f"Comment {comment_id} not found."
        raise NotFoundError(msg)
    return comment


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Comment).returning(Comment.id))


async def create_comment(
    connection: AsyncConnection, *, data: CommentCreate, user: Caller
) -> CommentRead:
    """Create a comment; 409 if it duplicates a unique value."""
    await _check_references(connection, data=data)
    values = data.model_dump() | {"owner_id": user.id}
    comment_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_comment(connection, comment_id=comment_id)


async def update_comment(
    session: AsyncSession, *, comment_id: int, data: CommentUpdate, user: Caller
) -> CommentRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    comment = await get_comment(session, comment_id=comment_id)
    _require_owner(comment, user)
    await _check_references(await session.connection(), data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(comment, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_comment(await session.connection(), comment_id=comment_id)


async def delete_comment(session: AsyncSession, *, comment_id: int, user: Caller) -> None:
    """Delete a comment; 409 if other rows still depend on it."""
    comment = await get_comment(session, comment_id=comment_id)
    _require_owner(comment, user)
    await session.delete(comment)
    await commit_or_conflict(
        session, f"Comment {comment_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: CommentCreate | CommentUpdate
) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.post_id is not None:
        await require_row(connection, Post, data.post_id, field="post_id")


def _require_owner(comment: Comment, user: Caller) -> None:
    """Everyone may read comments; only the owner or an administrator may change them."""
    if not user.is_admin and comment.owner_id != user.id:
        msg = f"Only the owner may change Comment {comment.id}."
        raise PermissionDeniedError(msg)
