"""Fixtures: an isolated database per test, an HTTP client on the app, users and their tokens."""

import os
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest.mock import patch

import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import Connection, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from inventory import statements
from inventory.db import build_engine, get_connection, get_session
from inventory.main import create_app
from inventory.models import metadata
from inventory.statements import Row


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A fresh schema per test on DATABASE_URL (e.g. PostgreSQL), else on a temporary SQLite file.

    The suite creates and drops every table there: point it at a database used only for tests.
    """
    url = os.environ.get("DATABASE_URL")
    engine = build_engine(url or f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
    if not url:
        event.listen(engine.sync_engine, "connect", _skip_durability)
    async with engine.begin() as connection:
        await connection.run_sync(metadata.drop_all)
        await connection.run_sync(metadata.create_all)
    yield engine
    async with engine.begin() as connection:
        await connection.run_sync(metadata.drop_all)
    await engine.dispose()


def _skip_durability(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    """A throwaway SQLite file needs no fsync: schema setup per test gets several times faster."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA journal_mode=MEMORY")
    cursor.close()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session for arranging test data."""
    async with async_sessionmaker(engine, expire_on_commit=False)() as session:
        yield session


@pytest.fixture
async def client(engine: AsyncEngine) -> AsyncIterator[AsyncClient]:
    """An HTTP client calling the app in process, on the test database."""
    app = create_app()
    factory = async_sessionmaker(engine, expire_on_commit=False)

    async def test_session() -> AsyncIterator[AsyncSession]:
        async with factory() as session:
            yield session

    async def test_connection() -> AsyncIterator[AsyncConnection]:
        async with engine.connect() as connection:
            yield connection

    app.dependency_overrides[get_session] = test_session
    app.dependency_overrides[get_connection] = test_connection
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield client


@dataclass
class QueryCount:
    """Number of SQL statements seen."""

    count: int = 0


class QueryCounter:
    """Counts the SQL statements run inside `with counter() as counted:`.

    Those SQLAlchemy executes on the engine, and those statements.py hands to the driver itself.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.sync_engine

    @contextmanager
    def __call__(self) -> Iterator[QueryCount]:
        counted = QueryCount()
        fetch = statements._fetch

        def count(*_args: object) -> None:
            counted.count += 1

        async def counted_fetch(
            opened: Connection, compiled: statements._Compiled, values: Mapping[str, object]
        ) -> list[Row]:
            count()
            return await fetch(opened, compiled, values)

        event.listen(self._engine, "before_cursor_execute", count)
        try:
            with patch.object(statements, "_fetch", counted_fetch):
                yield counted
        finally:
            event.remove(self._engine, "before_cursor_execute", count)


@pytest.fixture
def query_counter(engine: AsyncEngine) -> QueryCounter:
    """Counts SQL statements, to prove list endpoints have no N+1 queries."""
    return QueryCounter(engine)
