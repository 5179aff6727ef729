"""Committing changes: a row another request deleted meanwhile is a 404, not a 500."""

import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tests.factories import create_project
from tracker.crud import commit_or_conflict
from tracker.errors import NotFoundError
from tracker.projects.models import Project
from tracker.users.models import User


async def test_changing_a_row_deleted_meanwhile_is_404(
    engine: AsyncEngine, session: AsyncSession, user: User
) -> None:
    existing = await create_project(session, owner=user)
    async with async_sessionmaker(engine)() as request:
        loaded = await request.get_one(Project, existing.id)
        await session.execute(delete(Project).where(Project.id == existing.id))
        await session.commit()
        loaded.name = "bravo"

        with pytest.raises(NotFoundError):
            await commit_or_conflict(request, "conflict")
