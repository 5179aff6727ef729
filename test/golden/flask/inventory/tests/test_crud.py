"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from inventory.crud import commit_or_conflict
from inventory.db import db
from inventory.errors import NotFoundError
from inventory.warehouses.models import Warehouse
from tests.factories import create_warehouse


def test_changing_a_row_deleted_meanwhile_is_404(app: Flask, session: Session) -> None:
    existing = create_warehouse(session)
    with app.app_context():
        loaded = db.session.get_one(Warehouse, existing.id)
        session.execute(delete(Warehouse).where(Warehouse.id == existing.id))
        session.commit()
        loaded.city = "bravo"

        with pytest.raises(NotFoundError):
            commit_or_conflict("conflict")
