"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from tests.factories import create_project
from tracker.crud import commit_or_conflict
from tracker.db import db
from tracker.errors import NotFoundError
from tracker.projects.models import Project
from tracker.users.models import User


def test_changing_a_row_deleted_meanwhile_is_404(app: Flask, session: Session, user: User) -> None:
    existing = create_project(session, owner=user)
    with app.app_context():
        loaded = db.session.get_one(Project, existing.id)
        session.execute(delete(Project).where(Project.id == existing.id))
        session.commit()
        loaded.name = "bravo"

        with pytest.raises(NotFoundError):
            commit_or_conflict("conflict")
