"""Tag: business logic, as keyword-only functions on the request's session."""

from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute

from blog.crud import commit_or_conflict
from blog.db import db
from blog.errors import NotFoundError
from blog.pagination import OffsetPage
from blog.tags.models import Tag
from blog.tags.schemas import TagCreate, TagQuery, TagRead, TagSort, TagUpdate

_CONFLICT = "The tag conflicts with an existing one."


def _conditions(query: TagQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []

    return conditions


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"name": Tag.name}


def _order_by(sort: TagSort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Tag.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Tag.id.asc()]


def list_tags(*, query: TagQuery) -> OffsetPage[TagRead]:
    """One page of tags matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Tag).where(*conditions))
    rows = db.session.scalars(
        select(Tag)
        .where(*conditions)
        .order_by(*_order_by(query.sort))
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[TagRead](
        items=[TagRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_tag(*, tag_id: int) -> Tag:
    """The tag with this id, with everything its read schema shows; 404 if absent."""
    tag = db.session.scalar(
        select(Tag).where(Tag.id == tag_id).execution_options(populate_existing=True)
    )
    if tag is None:
        msg = f"Tag {tag_id} not found."
        raise NotFoundError(msg)
    return tag


def create_tag(*, data: TagCreate) -> Tag:
    """Create a tag; 409 if it duplicates a unique value."""
    tag = Tag(**data.model_dump())
    db.session.add(tag)
    commit_or_conflict(_CONFLICT)
    return get_tag(tag_id=tag.id)


def update_tag(*, tag_id: int, data: TagUpdate) -> Tag:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    tag = get_tag(tag_id=tag_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(tag, name, value)
    commit_or_conflict(_CONFLICT)
    return get_tag(tag_id=tag_id)


def delete_tag(*, tag_id: int) -> None:
    """Delete a tag; 409 if other rows still depend on it."""
    tag = get_tag(tag_id=tag_id)
    db.session.delete(tag)
    commit_or_conflict(f"Tag {tag_id} is still referenced and cannot be deleted.")
