"""Comment: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, select

from blog.comments.models import Comment
from blog.comments.schemas import CommentCreate, CommentQuery, CommentRead, CommentUpdate
from blog.crud import commit_or_conflict, require_rows
from blog.db import db
from blog.errors import NotFoundError, PermissionDeniedError
from blog.pagination import CursorPage, decode_cursor, encode_cursor
from blog.posts.models import Post
from blog.users.models import User

_CONFLICT = "The comment conflicts with an existing one."


def _conditions(query: CommentQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.post_id is not None:
        conditions.append(Comment.post_id == query.post_id)
    if query.owner_id is not None:
        conditions.append(Comment.owner_id == query.owner_id)
    return conditions


def list_comments(*, query: CommentQuery) -> CursorPage[CommentRead]:
    """One page of comments after the cursor, in id order (keyset: no OFFSET scan)."""
    conditions = _conditions(query)
    if query.cursor is not None:
        conditions.append(Comment.id > decode_cursor(query.cursor))
    rows = list(
        db.session.scalars(
            select(Comment).where(*conditions).order_by(Comment.id.asc()).limit(query.limit + 1)
        )
    )
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[CommentRead](
        items=[CommentRead.model_validate(row) for row in page], next_cursor=next_cursor
    )


def get_comment(*, comment_id: int) -> Comment:
    """The comment with this id, with everything its read schema shows; 404 if absent."""
    comment = db.session.scalar(
        select(Comment).where(Comment.id == comment_id).execution_options(populate_existing=True)
    )
    if comment is None:
        msg = f"Comment {comment_id} not found."
        raise NotFoundError(msg)
    return comment


def create_comment(*, data: CommentCreate, user: User) -> Comment:
    """Create a comment; 409 if it duplicates a unique value."""
    _check_references(data=data)
    comment = Comment(**data.model_dump(), owner_id=user.id)
    db.session.add(comment)
    commit_or_conflict(_CONFLICT)
    return get_comment(comment_id=comment.id)


def update_comment(*, comment_id: int, data: CommentUpdate, user: User) -> Comment:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    comment = get_comment(comment_id=comment_id)
    _require_owner(comment, user)
    _check_references(data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(comment, name, value)
    commit_or_conflict(_CONFLICT)
    return get_comment(comment_id=comment_id)


def delete_comment(*, comment_id: int, user: User) -> None:
    """Delete a comment; 409 if other rows still depend on it."""
    comment = get_comment(comment_id=comment_id)
    _require_owner(comment, user)
    db.session.delete(comment)
    commit_or_conflict(f"Comment {comment_id} is still referenced and cannot be deleted.")


def _check_references(*, data: CommentCreate | CommentUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.post_id is not None:
        require_rows(Post, [data.post_id], field="post_id")


def _require_owner(comment: Comment, user: User) -> None:
    """Everyone may read comments; only the owner or an administrator may change them."""
    if not user.is_admin and comment.owner_id != user.id:
        msg = f"Only the owner may change Comment {comment.id}."
        raise PermissionDeniedError(msg)
