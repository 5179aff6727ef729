"""Database: the Flask-SQLAlchemy extension and a declarative base with stable constraint names."""

import sqlite3
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import DateTime, Dialect, Engine, Enum, MetaData, event, func, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

# Stable constraint names make migrations reproducible and reviewable on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# This app is synchronous: URLs naming an async driver (or none) get the synchronous one.
_SYNC_DRIVERS = {
    "sqlite+aiosqlite": "sqlite",
    "postgresql": "postgresql+psycopg",
    "postgresql+asyncpg": "postgresql+psycopg",
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


# Models subclass Base (fully typed); Flask-SQLAlchemy shares its metadata and gives each app
# context its own session. Objects stay usable after commit, as the services return them.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})


def engine_url(database_url: str) -> str:
    """The URL with the synchronous driver; a relative SQLite path resolved from the working dir."""
    url = make_url(database_url)
    url = url.set(drivername=_SYNC_DRIVERS.get(url.drivername, url.drivername))
    database = url.database
    if url.get_backend_name() == "sqlite" and database and database != ":memory:":
        url = url.set(database=str(Path(database).resolve()))
    return url.render_as_string(hide_password=False)


def engine_options(database_url: str, *, pool_size: int, max_overflow: int) -> dict[str, Any]:
    """Small pools checked before use for database servers; SQLite needs none."""
    if make_url(database_url).get_backend_name() == "sqlite":
        return {}
    return {"pool_size": pool_size, "max_overflow": max_overflow, "pool_pre_ping": True}


@event.listens_for(Engine, "connect")
def _enable_sqlite_foreign_keys(
    dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry
) -> None:
    """SQLite enforces foreign keys only when asked, once per connection."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
