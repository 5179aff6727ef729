"""Label API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import LabelFactory, UserFactory, auth_headers, label_payload
from tracker.users.models import User


def test_create_label_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = label_payload()

    response = client.post("/labels", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("owner_name_key", "color")} == {
        key: payload[key] for key in ("owner_name_key", "color")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/labels/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_owner_name_key_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = label_payload()
    del payload["owner_name_key"]

    response = client.post("/labels", payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "owner_name_key"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_owner_name_key_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Owner name key longer than 40 characters is rejected."""
    payload = label_payload(owner_name_key="x" * 41)

    response = client.post("/labels", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "owner_name_key"]


def test_create_duplicate_owner_name_key_color_is_409(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = LabelFactory.create(owner=user)
    payload = label_payload(owner_name_key=existing.owner_name_key, color=existing.color)

    response = client.post("/labels", payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_label_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/labels/2000000000", headers=user_headers)
    invalid = client.get("/labels/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "label_id"]


def test_list_labels_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        LabelFactory.create(owner=user)

    response = client.get("/labels", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/labels", {"limit": 101}, headers=user_headers)
    unknown = client.get("/labels", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_labels_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    LabelFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/labels", headers=user_headers)
    for _ in range(3):
        LabelFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/labels", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_label_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = LabelFactory.create(owner=user)
    before = client.get(f"/labels/{existing.id}", headers=user_headers).json()

    response = client.patch(
        f"/labels/{existing.id}", {"owner_name_key": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.content
    assert response.json()["owner_name_key"] == "bravo"
    assert response.json()["color"] == before["color"]


def test_update_owner_name_key_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = LabelFactory.create(owner=user)

    response = client.patch(
        f"/labels/{existing.id}", {"owner_name_key": None}, headers=user_headers
    )
    unknown = client.patch(f"/labels/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_label(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = LabelFactory.create(owner=user)

    deleted = client.delete(f"/labels/{existing.id}", headers=user_headers)
    again = client.get(f"/labels/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_labels_require_authentication(client: APIClient) -> None:
    response = client.get("/labels")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_labels_are_private_to_their_owner(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = LabelFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    listed = client.get("/labels", headers=stranger)
    fetched = client.get(f"/labels/{mine.id}", headers=stranger)
    changed = client.patch(f"/labels/{mine.id}", {}, headers=stranger)
    as_admin = client.get(f"/labels/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
