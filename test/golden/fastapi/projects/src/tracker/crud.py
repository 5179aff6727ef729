"""Helpers every service uses: rows requests refer to, inserts, safe commits."""

from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from tracker.db import Base
from tracker.errors import ConflictError, ErrorDetail, NotFoundError, ValidationFailedError
from tracker.statements import Insert, Read

ModelT = TypeVar("ModelT", bound=Base)


async def require_rows(
    session: AsyncSession,
    model: type[ModelT],
    ids: Collection[int],
    *,
    field: str,
    owner_id: int | None = None,
) -> list[ModelT]:
    """Load the rows a request links, the owner's if one is given; unknown ids are a 422."""
    wanted = set(ids)
    if not wanted:
        return []
    statement = select(model).where(model.id.in_(wanted))
    if owner_id is not None:
        statement = statement.where(model.__table__.c.owner_id == owner_id)
    rows = list(await session.scalars(statement))
    missing = wanted - {row.id for row in rows}
    if missing:
        raise _unknown_rows(field, missing)
    return sorted(rows, key=lambda row: row.id)


async def require_row(
    connection: AsyncConnection,
    model: type[Base],
    row_id: int,
    *,
    field: str,
    owner_id: int | None = None,
) -> None:
    """The row a request refers to exists, and is the owner's if one is given; a 422 otherwise."""
    if not await _id_of(model, owned=owner_id is not None).rows(
        connection, row_id=row_id, owner_id=owner_id
    ):
        raise _unknown_rows(field, [row_id])


@lru_cache
def _id_of(model: type[Base], *, owned: bool) -> Read:
    """The read of a row's id by id, and by owner if owned: compiled once per model."""
    table = model.__table__
    statement = select(table.c.id).where(table.c.id == bindparam("row_id"))
    if owned:
        statement = statement.where(table.c.owner_id == bindparam("owner_id"))
    return Read(statement)


def _unknown_rows(field: str, ids: Collection[int]) -> ValidationFailedError:
    unknown = ", ".join(str(row_id) for row_id in sorted(ids))
    msg = f"{field} refers to rows that do not exist: {unknown}."
    return ValidationFailedError(msg, details=[ErrorDetail(loc=["body", field], message=msg)])


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
