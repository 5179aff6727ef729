"""`manage.py create_admin`: creates or promotes an administrator, password from the terminal."""

import pytest
from django.core.management import CommandError, call_command

from tests.factories import UserFactory
from tracker.users.models import ADMIN_ROLE, User


def test_create_admin_creates_an_administrator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "a-long-password")

    call_command("create_admin", "Root@Example.com")

    admin = User.objects.get(email="root@example.com")
    assert admin.is_admin
    assert admin.is_staff
    assert admin.is_superuser
    assert admin.check_password("a-long-password")


def test_create_admin_promotes_an_existing_user() -> None:
    user = UserFactory.create()

    call_command("create_admin", user.email)

    user.refresh_from_db()
    assert user.role == ADMIN_ROLE
    assert user.is_superuser


def test_create_admin_refuses_bad_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "short")

    with pytest.raises(CommandError, match="email"):
        call_command("create_admin", "not-an-email")
    with pytest.raises(CommandError, match="password"):
        call_command("create_admin", "new@example.com")
