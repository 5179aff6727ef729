"""Watcher API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import WatcherFactory, watcher_payload
from tracker.users.models import User


def test_create_watcher_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = watcher_payload(owner=user)

    response = client.post("/watchers", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("project_id",)} == {
        key: payload[key] for key in ("project_id",)
    }
    fetched = client.get(f"/watchers/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_with_unknown_project_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = watcher_payload(owner=user, project_id=2_000_000_000)

    response = client.post("/watchers", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "project_id"]


def test_get_missing_watcher_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/watchers/2000000000", headers=user_headers)
    invalid = client.get("/watchers/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "watcher_id"]


def test_list_watchers_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        WatcherFactory.create(owner=user)

    response = client.get("/watchers", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/watchers", {"limit": 101}, headers=user_headers)
    unknown = client.get("/watchers", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_watchers_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    WatcherFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/watchers", headers=user_headers)
    for _ in range(3):
        WatcherFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/watchers", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_delete_watcher(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = WatcherFactory.create(owner=user)

    deleted = client.delete(f"/watchers/{existing.id}", headers=user_headers)
    again = client.get(f"/watchers/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_watchers_require_authentication(client: APIClient) -> None:
    response = client.get("/watchers")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
