"""Fixtures: the database for every test, an API client, users and their tokens."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from blog.users.models import ADMIN_ROLE, User
from tests.factories import UserFactory, auth_headers


@pytest.fixture(autouse=True)
def _database(db: None) -> None:
    """Every test may use the database; pytest-django rolls each test's changes back."""


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Login throttling counts in the cache: every test starts from zero."""
    cache.clear()


@pytest.fixture
def client() -> APIClient:
    """DRF's test client: JSON bodies, requests through the whole middleware stack."""
    return APIClient()


@pytest.fixture
def user() -> User:
    """A user with the default role."""
    return UserFactory.create()


@pytest.fixture
def admin() -> User:
    """An administrator."""
    return UserFactory.create(role=ADMIN_ROLE)


@pytest.fixture
def user_headers(user: User) -> dict[str, str]:
    """Authorization header of `user`."""
    return auth_headers(user)


@pytest.fixture
def admin_headers(admin: User) -> dict[str, str]:
    """Authorization header of `admin`."""
    return auth_headers(admin)
