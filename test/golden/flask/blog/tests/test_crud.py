"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from blog.crud import commit_or_conflict
from blog.db import db
from blog.errors import NotFoundError
from blog.tags.models import Tag
from tests.factories import create_tag


def test_changing_a_row_deleted_meanwhile_is_404(app: Flask, session: Session) -> None:
    existing = create_tag(session)
    with app.app_context():
        loaded = db.session.get_one(Tag, existing.id)
        session.execute(delete(Tag).where(Tag.id == existing.id))
        session.commit()
        loaded.name = "bravo"

        with pytest.raises(NotFoundError):
            commit_or_conflict("conflict")
