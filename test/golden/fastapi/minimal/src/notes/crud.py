"""Helpers every service uses: inserts, safe commits."""

from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from notes.errors import ConflictError, NotFoundError
from notes.statements import Insert


async def insert_or_conflict(
    connection: AsyncConnection, insert: Insert, message: str, values: Mapping[str, object]
) -> int:
    """Insert a row and commit it; its id. A constraint violation (a duplicate) becomes a 409."""
    try:
        return await insert.run(connection, values)
    except IntegrityError as exc:
        raise ConflictError(message) from exc


async def commit_or_conflict(session: AsyncSession, message: str) -> None:
    """Commit; a constraint violation (duplicate, still referenced) becomes a 409.

    A row another request deleted after this one loaded it becomes a 404, as if it had been
    deleted first.
    """
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise ConflictError(message) from exc
    except StaleDataError as exc:
        await session.rollback()
        msg = "It was deleted by another request meanwhile."
        raise NotFoundError(msg) from exc
