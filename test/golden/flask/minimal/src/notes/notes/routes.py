"""Note: HTTP routes."""

from flask import Response

from notes.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from notes.notes import service
from notes.notes.schemas import NoteCreate, NoteQuery, NoteRead, NoteUpdate
from notes.pagination import OffsetPage
from notes.users.auth import admin_required, login_required

blueprint = ApiBlueprint(
    "notes", __name__, url_prefix="/notes", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=NoteQuery, response=OffsetPage[NoteRead], guard=login_required
)
def list_notes() -> Response:
    """List notes: paged."""
    return json_response(service.list_notes(query=parse_query(NoteQuery)))


@blueprint.operation(
    "POST", "", status=201, body=NoteCreate, response=NoteRead, guard=admin_required
)
def create_note() -> Response:
    """Create a note."""
    note = service.create_note(data=parse_body(NoteCreate))
    return json_response(NoteRead.model_validate(note), 201)


@blueprint.operation("GET", "/{note_id}", response=NoteRead, guard=login_required)
def get_note(note_id: str) -> Response:
    """Get one note."""
    note = service.get_note(note_id=path_id("note_id", note_id))
    return json_response(NoteRead.model_validate(note))


@blueprint.operation(
    "PATCH", "/{note_id}", body=NoteUpdate, response=NoteRead, guard=admin_required
)
def update_note(note_id: str) -> Response:
    """Change some fields of a note."""
    note = service.update_note(note_id=path_id("note_id", note_id), data=parse_body(NoteUpdate))
    return json_response(NoteRead.model_validate(note))


@blueprint.operation("DELETE", "/{note_id}", status=204, guard=admin_required)
def delete_note(note_id: str) -> Response:
    """Delete a note."""
    service.delete_note(note_id=path_id("note_id", note_id))
    return no_content()
