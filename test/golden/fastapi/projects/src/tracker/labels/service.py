"""Label: business logic; reads and creates run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from tracker.crud import commit_or_conflict, insert_or_conflict
from tracker.errors import NotFoundError
from tracker.json_rows import json_array, json_row
from tracker.labels.models import Label
from tracker.labels.schemas import LabelCreate, LabelQuery, LabelRead, LabelUpdate
from tracker.pagination import OffsetPage
from tracker.statements import Insert, Read
from tracker.users.caller import Caller

_CONFLICT = "The label conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "owner_id": Label.owner_id == bindparam("owner_id"),
    "_caller": Label.owner_id == bindparam("_caller"),
}


def _values(query: LabelQuery, user: Caller) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, own rows unless admin."""
    values: dict[str, Any] = {}
    if query.owner_id is not None:
        values["owner_id"] = query.owner_id
    if not user.is_admin:
        values["_caller"] = user.id
    return values


def _visible_to(user: Caller) -> list[ColumnElement[bool]]:
    """Users see their own labels; administrators see all."""
    return [] if user.is_admin else [Label.owner_id == user.id]


# What the API shows of a label, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Label.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Label.id == bindparam("label_id")))
_READ_OWN = Read(
    select(_READ_JSON).where(Label.id == bindparam("label_id"), _CONDITIONS["_caller"])
)
_READS = TypeAdapter(list[LabelRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON, func.count().over())
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(Label.id.asc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


async def list_labels(
    connection: AsyncConnection, *, query: LabelQuery, user: Caller
) -> OffsetPage[LabelRead]:
    """One page of labels matching the filters, with the total count, in one statement."""
    values = _values(query, user)
    rows = await _page(frozenset(values)).rows(
        connection, **values, offset=query.offset, limit=query.limit
    )
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        count = select(func.count()).select_from(Label).where(*[_CONDITIONS[n] for n in values])
        total = (await Read(count).rows(connection, **values))[0][0]
    return OffsetPage[LabelRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_label(connection: AsyncConnection, *, label_id: int, user: Caller) -> LabelRead:
    """The label with this id as the API shows it; 404 if absent."""
    row = await (_READ_ONE if user.is_admin else _READ_OWN).text(
        connection, label_id=label_id, _caller=user.id
    )
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


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Label).returning(Label.id))


async def create_label(
    connection: AsyncConnection, *, data: LabelCreate, user: Caller
) -> LabelRead:
    """Create a label; 409 if it duplicates a unique value."""
    values = data.model_dump() | {"owner_id": user.id}
    label_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, values)
    return await read_label(connection, label_id=label_id, user=user)


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
