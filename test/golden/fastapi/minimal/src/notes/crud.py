"""Helpers every service uses: safe commits."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from notes.errors import ConflictError, NotFoundError


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
