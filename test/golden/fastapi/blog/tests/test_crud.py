"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from blog.crud import commit_or_conflict
from blog.errors import NotFoundError
from blog.tags.models import Tag
from tests.factories import create_tag


async def test_changing_a_row_deleted_meanwhile_is_404(
    engine: AsyncEngine, session: AsyncSession
) -> None:
    existing = await create_tag(session)
    async with async_sessionmaker(engine)() as request:
        loaded = await request.get_one(Tag, existing.id)
        await session.execute(delete(Tag).where(Tag.id == existing.id))
        await session.commit()
        loaded.name = "bravo"

        with pytest.raises(NotFoundError):
            await commit_or_conflict(request, "conflict")
