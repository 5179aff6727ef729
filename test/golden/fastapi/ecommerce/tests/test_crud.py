"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from shop.categories.models import Category
from shop.crud import commit_or_conflict
from shop.errors import NotFoundError
from tests.factories import create_category


async def test_changing_a_row_deleted_meanwhile_is_404(
    engine: AsyncEngine, session: AsyncSession
) -> None:
    existing = await create_category(session)
    async with async_sessionmaker(engine)() as request:
        loaded = await request.get_one(Category, existing.id)
        await session.execute(delete(Category).where(Category.id == existing.id))
        await session.commit()
        loaded.description = "bravo"

        with pytest.raises(NotFoundError):
            await commit_or_conflict(request, "conflict")
