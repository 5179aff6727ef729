"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from shop.categories.models import Category
from shop.crud import commit_or_conflict
from shop.db import db
from shop.errors import NotFoundError
from tests.factories import create_category


def test_changing_a_row_deleted_meanwhile_is_404(app: Flask, session: Session) -> None:
    existing = create_category(session)
    with app.app_context():
        loaded = db.session.get_one(Category, existing.id)
        session.execute(delete(Category).where(Category.id == existing.id))
        session.commit()
        loaded.description = "bravo"

        with pytest.raises(NotFoundError):
            commit_or_conflict("conflict")
