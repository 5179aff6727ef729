"""The create-admin command."""

import getpass
from unittest.mock import AsyncMock

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tests.factories import create_user
from tracker.users import cli
from tracker.users.models import ADMIN_ROLE, User


async def test_create_admin_creates_then_promotes(
    engine: AsyncEngine, session: AsyncSession
) -> None:
    factory = async_sessionmaker(engine, expire_on_commit=False)
    existing = await create_user(session)

    created = await cli.create_admin(factory, email="root@example.com", password="a-long-password")
    promoted = await cli.create_admin(factory, email=existing.email, password="ignored-password")

    assert created.role == ADMIN_ROLE
    assert (promoted.id, promoted.role) == (existing.id, ADMIN_ROLE)


def test_main_reads_the_password_from_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create_admin = AsyncMock(return_value=User(email="root@example.com", role=ADMIN_ROLE))
    monkeypatch.setattr(cli, "create_admin", create_admin)
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: "a-long-password")

    status = cli.main(["create-admin", "root@example.com"])

    assert status == 0
    assert create_admin.await_args is not None
    assert create_admin.await_args.kwargs == {
        "email": "root@example.com",
        "password": "a-long-password",
    }
    assert "root@example.com is an administrator" in capsys.readouterr().out


def test_main_rejects_an_invalid_email(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: "a-long-password")
    monkeypatch.setattr(cli, "SessionFactory", async_sessionmaker())

    assert cli.main(["create-admin", "not-an-email"]) == 2
