"""Note: HTTP routes."""

from typing import Annotated

from fastapi import Depends, Path, Query, status

from notes.db import ConnectionDep, SessionDep
from notes.errors import ERROR_RESPONSES
from notes.notes import service
from notes.notes.schemas import NoteCreate, NoteQuery, NoteRead, NoteUpdate
from notes.pagination import OffsetPage
from notes.routing import PrefixRouter
from notes.users.dependencies import get_caller, require_admin, require_admin_caller

router = PrefixRouter(prefix="/notes", tags=["notes"], responses=ERROR_RESPONSES)

NoteId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("", dependencies=[Depends(get_caller)])
async def list_notes(
    connection: ConnectionDep, query: Annotated[NoteQuery, Query()]
) -> OffsetPage[NoteRead]:
    """List notes: paged."""
    return await service.list_notes(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[Depends(require_admin_caller)])
async def create_note(data: NoteCreate, connection: ConnectionDep) -> NoteRead:
    """Create a note."""
    return await service.create_note(connection, data=data)


@router.get("/{note_id}", dependencies=[Depends(get_caller)])
async def get_note(note_id: NoteId, connection: ConnectionDep) -> NoteRead:
    """Get one note."""
    return await service.read_note(connection, note_id=note_id)


@router.patch("/{note_id}", dependencies=[Depends(require_admin)])
async def update_note(note_id: NoteId, data: NoteUpdate, session: SessionDep) -> NoteRead:
    """Change some fields of a note."""
    return await service.update_note(session, note_id=note_id, data=data)


@router.delete(
    "/{note_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[Depends(require_admin)]
)
async def delete_note(note_id: NoteId, session: SessionDep) -> None:
    """Delete a note."""
    await service.delete_note(session, note_id=note_id)
