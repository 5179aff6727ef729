"""The create-admin command."""

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from blog.users.models import ADMIN_ROLE, User
from tests.factories import create_user


def test_create_admin_creates_then_promotes(app: Flask, session: Session) -> None:
    existing = create_user(session)
    runner = app.test_cli_runner()

    created = runner.invoke(args=["create-admin", "root@example.com"], input="a-long-password\n")
    promoted = runner.invoke(args=["create-admin", existing.email], input="ignored-password\n")

    assert created.exit_code == 0, created.output
    assert "root@example.com is an administrator" in created.output
    assert promoted.exit_code == 0, promoted.output
    admins = session.scalars(select(User.email).where(User.role == ADMIN_ROLE))
    assert set(admins) == {"root@example.com", existing.email}


def test_create_admin_rejects_an_invalid_email(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["create-admin", "not-an-email"], input="a-long-password\n"
    )

    assert result.exit_code == 2
