"""Label: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, func, select

from tracker.crud import commit_or_conflict
from tracker.db import db
from tracker.errors import NotFoundError
from tracker.labels.models import Label
from tracker.labels.schemas import LabelCreate, LabelQuery, LabelRead, LabelUpdate
from tracker.pagination import OffsetPage
from tracker.users.models import User

_CONFLICT = "The label conflicts with an existing one."


def _conditions(query: LabelQuery, user: User) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.owner_id is not None:
        conditions.append(Label.owner_id == query.owner_id)
    return conditions


def _visible_to(user: User) -> list[ColumnElement[bool]]:
    """Users see their own labels; administrators see all."""
    return [] if user.is_admin else [Label.owner_id == user.id]


def list_labels(*, query: LabelQuery, user: User) -> OffsetPage[LabelRead]:
    """One page of labels matching the filters, with the total count."""
    conditions = _conditions(query, user)
    total = db.session.scalar(select(func.count()).select_from(Label).where(*conditions))
    rows = db.session.scalars(
        select(Label)
        .where(*conditions)
        .order_by(Label.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[LabelRead](
        items=[LabelRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_label(*, label_id: int, user: User) -> Label:
    """The label with this id, with everything its read schema shows; 404 if absent."""
    label = db.session.scalar(
        select(Label)
        .where(Label.id == label_id, *_visible_to(user))
        .execution_options(populate_existing=True)
    )
    if label is None:
        msg = f"Label {label_id} not found."
        raise NotFoundError(msg)
    return label


def create_label(*, data: LabelCreate, user: User) -> Label:
    """Create a label; 409 if it duplicates a unique value."""
    label = Label(**data.model_dump(), owner_id=user.id)
    db.session.add(label)
    commit_or_conflict(_CONFLICT)
    return get_label(label_id=label.id, user=user)


def update_label(*, label_id: int, data: LabelUpdate, user: User) -> Label:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    label = get_label(label_id=label_id, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(label, name, value)
    commit_or_conflict(_CONFLICT)
    return get_label(label_id=label_id, user=user)


def delete_label(*, label_id: int, user: User) -> None:
    """Delete a label; 409 if other rows still depend on it."""
    label = get_label(label_id=label_id, user=user)
    db.session.delete(label)
    commit_or_conflict(f"Label {label_id} is still referenced and cannot be deleted.")
