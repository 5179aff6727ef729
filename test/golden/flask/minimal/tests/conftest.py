"""Fixtures: an app on an isolated database per test, its test client, users and their tokens."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from notes.app import create_app
from notes.config import Settings
from notes.db import db
from notes.models import metadata
from notes.users.models import ADMIN_ROLE, User
from tests.factories import auth_headers, create_user


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app on a fresh schema per test: DATABASE_URL (e.g. PostgreSQL), else a temporary SQLite.

    The suite creates and drops every table there: point it at a database used only for tests.
    """
    url = os.environ.get("DATABASE_URL")
    app = create_app(
        Settings(database_url=url or f"sqlite:///{tmp_path / 'test.db'}", environment="test")
    )
    app.config["TESTING"] = True
    with app.app_context():
        if not url:
            event.listen(db.engine, "connect", _skip_durability)
        metadata.drop_all(db.engine)
        metadata.create_all(db.engine)
    yield app
    with app.app_context():
        metadata.drop_all(db.engine)
        db.engine.dispose()


def _skip_durability(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    """A throwaway SQLite file needs no fsync: schema setup per test gets several times faster."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA journal_mode=MEMORY")
    cursor.close()


@pytest.fixture
def engine(app: Flask) -> Engine:
    """The engine of the app's database."""
    with app.app_context():
        return db.engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for arranging test data, apart from the app's own."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's test client: requests run in process, on the test database."""
    return app.test_client()


@dataclass
class QueryCount:
    """Number of SQL statements seen."""

    count: int = 0


class QueryCounter:
    """Counts the SQL statements an engine runs inside `with counter() as counted:`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def __call__(self) -> Iterator[QueryCount]:
        counted = QueryCount()

        def count(*_args: object) -> None:
            counted.count += 1

        event.listen(self._engine, "before_cursor_execute", count)
        try:
            yield counted
        finally:
            event.remove(self._engine, "before_cursor_execute", count)


@pytest.fixture
def query_counter(engine: Engine) -> QueryCounter:
    """Counts SQL statements, to prove list endpoints have no N+1 queries."""
    return QueryCounter(engine)


@pytest.fixture
def user(session: Session) -> User:
    """A user with the default role."""
    return create_user(session)


@pytest.fixture
def admin(session: Session) -> User:
    """An administrator."""
    return create_user(session, role=ADMIN_ROLE)


@pytest.fixture
def user_headers(app: Flask, user: User) -> dict[str, str]:
    """Authorization header of `user`."""
    return auth_headers(app, user)


@pytest.fixture
def admin_headers(app: Flask, admin: User) -> dict[str, str]:
    """Authorization header of `admin`."""
    return auth_headers(app, admin)
