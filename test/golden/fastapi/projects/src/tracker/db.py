"""Database engine, write sessions and read connections, and the declarative base."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from fastapi import Depends
from sqlalchemy import DateTime, Dialect, Enum, MetaData, event, func
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

from .config import get_settings

# Stable constraint names make migrations reproducible and reviewable on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite stores them without an offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store in UTC."""
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read back as aware UTC."""
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Base class of every ORM model: an integer primary key named id."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    id: Mapped[int] = mapped_column(primary_key=True)


class TimestampMixin:
    """Creation and last-update times, set by the database and the ORM."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), server_default=func.now(), onupdate=func.now()
    )


def str_enum(enum_class: type[StrEnum]) -> Enum:
    """Store a StrEnum by value in a VARCHAR: portable, and no native type to migrate."""
    return Enum(
        enum_class,
        native_enum=False,
        length=max(len(member.value) for member in enum_class),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def build_engine(url: str) -> AsyncEngine:
    """Create an async engine: small pools for servers, foreign keys enforced on SQLite.

    No pre-ping: it costs three round trips on every checkout; a connection the server dropped fails
    one request and SQLAlchemy then replaces the whole pool.
    """
    if not url.startswith("sqlite"):
        settings = get_settings()
        return create_async_engine(
            url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow
        )
    engine = create_async_engine(url)

    @event.listens_for(engine.sync_engine, "connect")
    def _enable_foreign_keys(
        dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry
    ) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


engine = build_engine(get_settings().database_url)
SessionFactory = async_sessionmaker(engine, expire_on_commit=False)
# Requests queue here, in arrival order (asyncio's semaphore is fair), for the pool's db_pool_size
# connections. SQLAlchemy's own queue serves whichever request asks next, not the one that has
# waited longest (sqlalchemy#7679): under load some requests waited seconds. And it closes an
# overflow connection as soon as it comes back to a full pool: under steady load, every few
# requests paid for a new PostgreSQL connection and prepared their statements again. Overflow
# connections serve only work outside requests.
_checkouts = asyncio.Semaphore(get_settings().db_pool_size)


async def get_session() -> AsyncIterator[AsyncSession]:
    """Yield one ORM session per request that changes rows, in arrival order; services commit."""
    async with _checkouts, SessionFactory() as session:
        yield session


async def get_connection() -> AsyncIterator[AsyncConnection]:
    """Yield one connection per request that reads, or creates one row, in arrival order.

    Its statements run on the driver (statements.py) and begin no transaction: each sees committed
    data, an insert commits at once, and the BEGIN and ROLLBACK round trips, the ORM session and its
    identity map are all saved.
    """
    async with _checkouts, engine.connect() as connection:
        yield connection


SessionDep = Annotated[AsyncSession, Depends(get_session)]
ConnectionDep = Annotated[AsyncConnection, Depends(get_connection)]
