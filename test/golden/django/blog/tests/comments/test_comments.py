"""Comment API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from blog.users.models import User
from tests.factories import CommentFactory, UserFactory, auth_headers, comment_payload


def test_create_comment_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = comment_payload(owner=user)

    response = client.post("/comments", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("body", "post_id")} == {
        key: payload[key] for key in ("body", "post_id")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/comments/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_body_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = comment_payload(owner=user)
    del payload["body"]

    response = client.post("/comments", payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "body"] in [detail["loc"] for detail in error["details"]]


def test_create_with_unknown_post_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = comment_payload(owner=user, post_id=2_000_000_000)

    response = client.post("/comments", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "post_id"]


def test_get_missing_comment_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/comments/2000000000", headers=user_headers)
    invalid = client.get("/comments/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "comment_id"]


def test_list_comments_pages_with_a_cursor(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        CommentFactory.create(owner=user)

    first = client.get("/comments", {"limit": 2}, headers=user_headers).json()
    second = client.get(
        "/comments", {"limit": 2, "cursor": first["next_cursor"]}, headers=user_headers
    ).json()
    invalid = client.get("/comments", {"cursor": "not-a-cursor"}, headers=user_headers)

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


def test_list_comments_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    CommentFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/comments", headers=user_headers)
    for _ in range(3):
        CommentFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/comments", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_comment_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CommentFactory.create(owner=user)

    response = client.patch(f"/comments/{existing.id}", {"body": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.content
    assert response.json()["body"] == "bravo"


def test_update_body_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CommentFactory.create(owner=user)

    response = client.patch(f"/comments/{existing.id}", {"body": None}, headers=user_headers)
    unknown = client.patch(f"/comments/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_comment(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = CommentFactory.create(owner=user)

    deleted = client.delete(f"/comments/{existing.id}", headers=user_headers)
    again = client.get(f"/comments/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_comments_require_authentication(client: APIClient) -> None:
    response = client.post("/comments", {})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_only_the_owner_may_change_a_comment(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = CommentFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    fetched = client.get(f"/comments/{mine.id}", headers=stranger)
    changed = client.patch(f"/comments/{mine.id}", {}, headers=stranger)
    deleted = client.delete(f"/comments/{mine.id}", headers=stranger)
    as_admin = client.patch(f"/comments/{mine.id}", {}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
