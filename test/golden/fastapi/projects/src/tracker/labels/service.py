"""Label: business logic; reads run on a connection, writes in a session."""

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from tracker.crud import commit_or_conflict
from tracker.errors import NotFoundError
from tracker.json_rows import json_array, json_row
from tracker.labels.models import Label
from tracker.labels.schemas import LabelCreate, LabelQuery, LabelRead, LabelUpdate
from tracker.pagination import OffsetPage
from tracker.users.caller import Caller

_CONFLICT = "The label conflicts with an existing one."


def _conditions(query: LabelQuery, user: Caller) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = [*_visible_to(user)]
    if query.owner_id is not None:
        conditions.append(Label.owner_id == query.owner_id)
    return conditions


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own labels; administrators see all."""
    return [] if user.is_admin else [Label.owner_id == user.id]


# What the API shows of a label, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Label.__table__)
_READ_ONE = select(_READ_JSON).where(Label.id == bindparam("label_id"))
_READS = TypeAdapter(list[LabelRead])


async def list_labels(
    connection: AsyncConnection, *, query: LabelQuery, user: Caller
) -> OffsetPage[LabelRead]:
    """One page of labels matching the filters, with the total count, in one statement."""
    conditions = _conditions(query, user)
    result = await connection.execute(
        select(_READ_JSON, func.count().over())
        .where(*conditions)
        .order_by(Label.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    rows = result.all()
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        total = (
            await connection.scalar(select(func.count()).select_from(Label).where(*conditions)) or 0
        )
    return OffsetPage[LabelRead](
        items=_READS.validate_json(json_array([row for row, _ in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_label(connection: AsyncConnection, *, label_id: int, user: Caller) -> LabelRead:
    """The label with this id as the API shows it; 404 if absent."""
    row = await connection.scalar(_READ_ONE.where(*_visible_to(user)), {"label_id": label_id})
    if row is None:
        msg = f"Label {label_id} not found."
        raise NotFoundError(msg)
    return LabelRead.model_validate_json(row)


async def get_label(session: AsyncSession, *, label_id: int, user: Caller) -> Label:
    """The label with this id, its collections loaded, to change; 404 if absent."""
    label = await session.scalar(select(Label).where(Label.id == label_id, *_visible_to(user)))
    if label is None:
        msg = f"Label {label_id} not found."
        raise NotFoundError(msg)
    return label


async def create_label(session: AsyncSession, *, data: LabelCreate, user: Caller) -> LabelRead:
    """Create a label; 409 if it duplicates a unique value."""
    label = Label(**data.model_dump(), owner_id=user.id)
    session.add(label)
    await commit_or_conflict(session, _CONFLICT)
    return await read_label(await session.connection(), label_id=label.id, user=user)


async def update_label(
    session: AsyncSession, *, label_id: int, data: LabelUpdate, user: Caller
) -> LabelRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    label = await get_label(session, label_id=label_id, user=user)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(label, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_label(await session.connection(), label_id=label_id, user=user)


async def delete_label(session: AsyncSession, *, label_id: int, user: Caller) -> None:
    """Delete a label; 409 if other rows still depend on it."""
    label = await get_label(session, label_id=label_id, user=user)
    await session.delete(label)
    await commit_or_conflict(
        session, f"Label {label_id} is still referenced and cannot be deleted."
    )
