"""Tag API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import TagFactory, tag_payload


def test_create_tag_then_get_it(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = tag_payload()

    response = client.post("/tags", payload, headers=admin_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("label",)} == {key: payload[key] for key in ("label",)}
    fetched = client.get(f"/tags/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_label_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    payload = tag_payload()
    del payload["label"]

    response = client.post("/tags", payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "label"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_label_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    """Label longer than 40 characters is rejected."""
    payload = tag_payload(label="x" * 41)

    response = client.post("/tags", payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "label"]


def test_create_duplicate_label_is_409(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = TagFactory.create()
    payload = tag_payload(label=existing.label)

    response = client.post("/tags", payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_tag_is_404(client: APIClient, user_headers: dict[str, str]) -> None:
    response = client.get("/tags/2000000000", headers=user_headers)
    invalid = client.get("/tags/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "tag_id"]


def test_list_tags_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        TagFactory.create()

    response = client.get("/tags", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/tags", {"limit": 101}, headers=user_headers)
    unknown = client.get("/tags", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_tags_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str]
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    TagFactory.create()
    with CaptureQueriesContext(connection) as one_row:
        client.get("/tags", headers=user_headers)
    for _ in range(3):
        TagFactory.create()
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/tags", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_tag_changes_only_sent_fields(
    client: APIClient, admin_headers: dict[str, str]
) -> None:
    existing = TagFactory.create()

    response = client.patch(f"/tags/{existing.id}", {"label": "bravo"}, headers=admin_headers)

    assert response.status_code == 200, response.content
    assert response.json()["label"] == "bravo"


def test_update_label_to_null_is_422(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = TagFactory.create()

    response = client.patch(f"/tags/{existing.id}", {"label": None}, headers=admin_headers)
    unknown = client.patch(f"/tags/{existing.id}", {"id": 1}, headers=admin_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_tag(client: APIClient, admin_headers: dict[str, str]) -> None:
    existing = TagFactory.create()

    deleted = client.delete(f"/tags/{existing.id}", headers=admin_headers)
    again = client.get(f"/tags/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_tags_require_authentication(client: APIClient) -> None:
    response = client.post("/tags", {})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_tags_write_requires_admin(client: APIClient, user_headers: dict[str, str]) -> None:
    payload = tag_payload()

    response = client.post("/tags", payload, headers=user_headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
