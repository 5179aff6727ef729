"""Note: business logic; reads and creates run on a connection, changes in a session."""

from pydantic import TypeAdapter
from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from notes.crud import commit_or_conflict, insert_or_conflict
from notes.errors import NotFoundError
from notes.json_rows import json_array, json_row
from notes.notes.models import Note
from notes.notes.schemas import NoteCreate, NoteQuery, NoteRead, NoteUpdate
from notes.pagination import OffsetPage
from notes.statements import Insert, Read

_CONFLICT = "The note conflicts with an existing one."


# What the API shows of a note, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Note.__table__)
_READ_ONE = Read(select(_READ_JSON).where(Note.id == bindparam("note_id")))
_READS = TypeAdapter(list[NoteRead])


_PAGE = Read(
    select(_READ_JSON, func.count().over())
    .order_by(Note.id.asc())
    .offset(bindparam("offset"))
    .limit(bindparam("limit"))
)


async def list_notes(connection: AsyncConnection, *, query: NoteQuery) -> OffsetPage[NoteRead]:
    """One page of notes matching the filters, with the total count, in one statement."""
    rows = await _PAGE.rows(connection, offset=query.offset, limit=query.limit)
    if rows:
        total = rows[0][1]
    else:
        # count(*) OVER () counts before OFFSET, but a page past the end has no row to carry it.
        total = (await Read(select(func.count()).select_from(Note)).rows(connection))[0][0]
    return OffsetPage[NoteRead](
        items=_READS.validate_json(json_array([row[0] for row in rows])),
        total=total,
        offset=query.offset,
        limit=query.limit,
    )


async def read_note(connection: AsyncConnection, *, note_id: int) -> NoteRead:
    """The note with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, note_id=note_id)
    if row is None:
        msg = f"Note {note_id} not found."
        raise NotFoundError(msg)
    return NoteRead.model_validate_json(row)


async def get_note(session: AsyncSession, *, note_id: int) -> Note:
    """The note with this id, its collections loaded, to change; 404 if absent."""
    note = await session.scalar(select(Note).where(Note.id == note_id))
    if note is None:
        msg = f"Note {note_id} not found."
        raise NotFoundError(msg)
    return note


# A new row: one INSERT, run on the driver and committed at once (statements.py).
_INSERT = Insert(insert(Note).returning(Note.id))


async def create_note(connection: AsyncConnection, *, data: NoteCreate) -> NoteRead:
    """Create a note; 409 if it duplicates a unique value."""
    note_id = await insert_or_conflict(connection, _INSERT, _CONFLICT, data.model_dump())
    return await read_note(connection, note_id=note_id)


async def update_note(session: AsyncSession, *, note_id: int, data: NoteUpdate) -> NoteRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    note = await get_note(session, note_id=note_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(note, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_note(await session.connection(), note_id=note_id)


async def delete_note(session: AsyncSession, *, note_id: int) -> None:
    """Delete a note; 409 if other rows still depend on it."""
    note = await get_note(session, note_id=note_id)
    await session.delete(note)
    await commit_or_conflict(session, f"Note {note_id} is still referenced and cannot be deleted.")
