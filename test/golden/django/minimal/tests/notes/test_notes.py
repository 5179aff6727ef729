"""Note API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import NoteFactory, note_payload


def test_create_note_then_get_it(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = note_payload()

    response = client.post("/notes", payload, headers=admin_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("title",)} == {key: payload[key] for key in ("title",)}
    fetched = client.get(f"/notes/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_title_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = note_payload()
    del payload["title"]

    response = client.post("/notes", payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_title_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    """Title longer than 255 characters is rejected."""
    payload = note_payload(title="x" * 256)

    response = client.post("/notes", payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


def test_get_missing_note_is_404(client: APIClient, user_headers: dict[str, str]) -> None:
    response = client.get("/notes/2000000000", headers=user_headers)
    invalid = client.get("/notes/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "note_id"]


def test_list_notes_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        NoteFactory.create()

    response = client.get("/notes", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/notes", {"limit": 101}, headers=user_headers)
    unknown = client.get("/notes", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_notes_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str]
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    NoteFactory.create()
    with CaptureQueriesContext(connection) as one_row:
        client.get("/notes", headers=user_headers)
    for _ in range(3):
        NoteFactory.create()
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/notes", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_note_changes_only_sent_fields(
    client: APIClient, admin_headers: dict[str, str]
) -> None:
    existing = NoteFactory.create()

    response = client.patch(f"/notes/{existing.id}", {"title": "bravo"}, headers=admin_headers)

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "bravo"


def test_update_title_to_null_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = NoteFactory.create()

    response = client.patch(f"/notes/{existing.id}", {"title": None}, headers=admin_headers)
    unknown = client.patch(f"/notes/{existing.id}", {"id": 1}, headers=admin_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_note(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = NoteFactory.create()

    deleted = client.delete(f"/notes/{existing.id}", headers=admin_headers)
    again = client.get(f"/notes/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_notes_require_authentication(client: APIClient) -> None:
    response = client.get("/notes")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_notes_write_requires_admin(client: APIClient, user_headers: dict[str, str]) -> None:
    payload = note_payload()

    response = client.post("/notes", payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
