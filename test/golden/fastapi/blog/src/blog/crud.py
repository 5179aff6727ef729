"""Helpers every service uses: rows requests refer to, safe commits."""

from collections.abc import Collection, Sequence
from typing import TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from blog.db import Base
from blog.errors import ConflictError, ErrorDetail, NotFoundError, ValidationFailedError

ModelT = TypeVar("ModelT", bound=Base)


async def require_rows(
    session: AsyncSession,
    model: type[ModelT],
    ids: Collection[int],
    *,
    field: str,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[ModelT]:
    """Load the rows a request links; unknown or invisible ids are a 422 naming the field."""
    wanted = set(ids)
    if not wanted:
        return []
    rows = list(await session.scalars(select(model).where(model.id.in_(wanted), *where)))
    missing = wanted - {row.id for row in rows}
    if missing:
        raise _unknown_rows(field, missing)
    return sorted(rows, key=lambda row: row.id)


async def require_row(
    session: AsyncSession,
    model: type[Base],
    row_id: int,
    *,
    field: str,
    where: Sequence[ColumnElement[bool]] = (),
) -> None:
    """The row a request refers to exists and is visible; a 422 naming the field otherwise.

    A check reads the id only, on the session's connection: no ORM object is built.
    """
    connection = await session.connection()
    if await connection.scalar(select(model.id).where(model.id == row_id, *where)) is None:
        raise _unknown_rows(field, [row_id])


def _unknown_rows(field: str, ids: Collection[int]) -> ValidationFailedError:
    unknown = ", ".join(str(row_id) for row_id in sorted(ids))
    msg = f"{field} refers to rows that do not exist: {unknown}."
    return ValidationFailedError(msg, details=[ErrorDetail(loc=["body", field], message=msg)])


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
