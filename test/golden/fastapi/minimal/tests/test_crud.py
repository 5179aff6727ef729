"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from notes.crud import commit_or_conflict
from notes.errors import NotFoundError
from notes.notes.models import Note
from tests.factories import create_note


async def test_changing_a_row_deleted_meanwhile_is_404(
    engine: AsyncEngine, session: AsyncSession
) -> None:
    existing = await create_note(session)
    async with async_sessionmaker(engine)() as request:
        loaded = await request.get_one(Note, existing.id)
        await session.execute(delete(Note).where(Note.id == existing.id))
        await session.commit()
        loaded.title = "bravo"

        with pytest.raises(NotFoundError):
            await commit_or_conflict(request, "conflict")
