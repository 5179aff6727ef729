"""Comment API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from blog.users.models import User
from tests.conftest import QueryCounter
from tests.factories import auth_headers, comment_payload, create_comment, create_user


def test_create_comment_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = comment_payload(session, owner=user)

    response = client.post("/comments", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("body", "post_id")} == {
        key: payload[key] for key in ("body", "post_id")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/comments/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_body_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = comment_payload(session, owner=user)
    del payload["body"]

    response = client.post("/comments", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "body"] in [detail["loc"] for detail in error["details"]]


def test_create_with_unknown_post_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = comment_payload(session, owner=user, post_id=2_000_000_000)

    response = client.post("/comments", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "post_id"]


def test_get_missing_comment_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/comments/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_comments_pages_with_a_cursor(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_comment(session, owner=user)

    first = (client.get("/comments", query_string={"limit": 2}, headers=user_headers)).get_json()
    second = (
        client.get(
            "/comments",
            query_string={"limit": 2, "cursor": first["next_cursor"]},
            headers=user_headers,
        )
    ).get_json()
    invalid = client.get("/comments", query_string={"cursor": "not-a-cursor"}, headers=user_headers)

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


def test_list_comments_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_comment(session, owner=user)
    with query_counter() as one_row:
        client.get("/comments", headers=user_headers)
    for _ in range(3):
        create_comment(session, owner=user)
    with query_counter() as four_rows:
        client.get("/comments", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_comment_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_comment(session, owner=user)

    response = client.patch(
        f"/comments/{existing.id}", json={"body": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.get_json()["body"] == "bravo"


def test_update_body_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_comment(session, owner=user)

    response = client.patch(f"/comments/{existing.id}", json={"body": None}, headers=user_headers)

    assert response.status_code == 422


def test_delete_comment(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_comment(session, owner=user)

    deleted = client.delete(f"/comments/{existing.id}", headers=user_headers)
    again = client.get(f"/comments/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_comments_require_authentication(client: FlaskClient) -> None:
    response = client.post("/comments", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_only_the_owner_may_change_a_comment(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_comment(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    fetched = client.get(f"/comments/{mine.id}", headers=stranger)
    changed = client.patch(f"/comments/{mine.id}", json={}, headers=stranger)
    deleted = client.delete(f"/comments/{mine.id}", headers=stranger)
    as_admin = client.patch(f"/comments/{mine.id}", json={}, headers=admin_headers)

    assert fetched.status_code == 200
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert as_admin.status_code == 200
