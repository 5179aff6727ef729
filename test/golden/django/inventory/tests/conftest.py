"""Fixtures: the database for every test, an API client, users and their tokens."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


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
