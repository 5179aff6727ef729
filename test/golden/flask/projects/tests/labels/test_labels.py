"""Label API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_label, create_user, label_payload
from tracker.users.models import User


def test_create_label_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = label_payload()

    response = client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("owner_name_key", "color")} == {
        key: payload[key] for key in ("owner_name_key", "color")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/labels/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_owner_name_key_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = label_payload()
    del payload["owner_name_key"]

    response = client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "owner_name_key"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_owner_name_key_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Owner name key longer than 40 characters is rejected."""
    payload = label_payload(owner_name_key="x" * 41)

    response = client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "owner_name_key"]


def test_create_duplicate_owner_name_key_color_is_409(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_label(session, owner=user)
    payload = label_payload(owner_name_key=existing.owner_name_key, color=existing.color)

    response = client.post("/labels", json=payload, headers=user_headers)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_get_missing_label_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/labels/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_labels_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_label(session, owner=user)

    response = client.get("/labels", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_labels_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_label(session, owner=user)
    with query_counter() as one_row:
        client.get("/labels", headers=user_headers)
    for _ in range(3):
        create_label(session, owner=user)
    with query_counter() as four_rows:
        client.get("/labels", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_label_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_label(session, owner=user)
    before = (client.get(f"/labels/{existing.id}", headers=user_headers)).get_json()

    response = client.patch(
        f"/labels/{existing.id}", json={"owner_name_key": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.get_json()["owner_name_key"] == "bravo"
    assert response.get_json()["color"] == before["color"]


def test_update_owner_name_key_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_label(session, owner=user)

    response = client.patch(
        f"/labels/{existing.id}", json={"owner_name_key": None}, headers=user_headers
    )

    assert response.status_code == 422


def test_delete_label(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_label(session, owner=user)

    deleted = client.delete(f"/labels/{existing.id}", headers=user_headers)
    again = client.get(f"/labels/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_labels_require_authentication(client: FlaskClient) -> None:
    response = client.get("/labels")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_labels_are_private_to_their_owner(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_label(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    listed = client.get("/labels", headers=stranger)
    fetched = client.get(f"/labels/{mine.id}", headers=stranger)
    changed = client.patch(f"/labels/{mine.id}", json={}, headers=stranger)
    as_admin = client.get(f"/labels/{mine.id}", headers=admin_headers)

    assert listed.get_json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
