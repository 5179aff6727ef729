"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from notes.crud import commit_or_conflict
from notes.db import db
from notes.errors import NotFoundError
from notes.notes.models import Note
from tests.factories import create_note


def test_changing_a_row_deleted_meanwhile_is_404(app: Flask, session: Session) -> None:
    existing = create_note(session)
    with app.app_context():
        loaded = db.session.get_one(Note, existing.id)
        session.execute(delete(Note).where(Note.id == existing.id))
        session.commit()
        loaded.title = "bravo"

        with pytest.raises(NotFoundError):
            commit_or_conflict("conflict")
