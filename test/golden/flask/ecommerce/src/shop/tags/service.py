"""Tag: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, func, select

from shop.crud import commit_or_conflict
from shop.db import db
from shop.errors import NotFoundError
from shop.pagination import OffsetPage
from shop.tags.models import Tag
from shop.tags.schemas import TagCreate, TagQuery, TagRead, TagUpdate

_CONFLICT = "The tag conflicts with an existing one."


def _conditions(query: TagQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []

    return conditions


def list_tags(*, query: TagQuery) -> OffsetPage[TagRead]:
    """One page of tags matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Tag).where(*conditions))
    rows = db.session.scalars(
        select(Tag)
        .where(*conditions)
        .order_by(Tag.id.asc())
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
