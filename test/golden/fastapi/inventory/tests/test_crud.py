"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from inventory.crud import commit_or_conflict
from inventory.errors import NotFoundError
from inventory.warehouses.models import Warehouse
from tests.factories import create_warehouse


async def test_changing_a_row_deleted_meanwhile_is_404(
    engine: AsyncEngine, session: AsyncSession
) -> None:
    existing = await create_warehouse(session)
    async with async_sessionmaker(engine)() as request:
        loaded = await request.get_one(Warehouse, existing.id)
        await session.execute(delete(Warehouse).where(Warehouse.id == existing.id))
        await session.commit()
        loaded.city = "bravo"

        with pytest.raises(NotFoundError):
            await commit_or_conflict(request, "conflict")
