"""Note: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, func, select

from notes.crud import commit_or_conflict
from notes.db import db
from notes.errors import NotFoundError
from notes.notes.models import Note
from notes.notes.schemas import NoteCreate, NoteQuery, NoteRead, NoteUpdate
from notes.pagination import OffsetPage

_CONFLICT = "The note conflicts with an existing one."


def _conditions(query: NoteQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []

    return conditions


def list_notes(*, query: NoteQuery) -> OffsetPage[NoteRead]:
    """One page of notes matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Note).where(*conditions))
    rows = db.session.scalars(
        select(Note)
        .where(*conditions)
        .order_by(Note.id.asc())
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[NoteRead](
        items=[NoteRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_note(*, note_id: int) -> Note:
    """The note with this id, with everything its read schema shows; 404 if absent."""
    note = db.session.scalar(
        select(Note).where(Note.id == note_id).execution_options(populate_existing=True)
    )
    if note is None:
        msg = f"Note {note_id} not found."
        raise NotFoundError(msg)
    return note


def create_note(*, data: NoteCreate) -> Note:
    """Create a note; 409 if it duplicates a unique value."""
    note = Note(**data.model_dump())
    db.session.add(note)
    commit_or_conflict(_CONFLICT)
    return get_note(note_id=note.id)


def update_note(*, note_id: int, data: NoteUpdate) -> Note:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    note = get_note(note_id=note_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(note, name, value)
    commit_or_conflict(_CONFLICT)
    return get_note(note_id=note_id)


def delete_note(*, note_id: int) -> None:
    """Delete a note; 409 if other rows still depend on it."""
    note = get_note(note_id=note_id)
    db.session.delete(note)
    commit_or_conflict(f"Note {note_id} is still referenced and cannot be deleted.")
