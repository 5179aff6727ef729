"""Note API: CRUD, validation, paging, filters and permissions."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import create_note, note_payload


def test_create_note_then_get_it(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = note_payload()

    response = client.post("/notes", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("title",)} == {key: payload[key] for key in ("title",)}
    fetched = client.get(f"/notes/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_title_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = note_payload()
    del payload["title"]

    response = client.post("/notes", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "title"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_title_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    """Title longer than 255 characters is rejected."""
    payload = note_payload(title="x" * 256)

    response = client.post("/notes", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "title"]


def test_get_missing_note_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    response = client.get("/notes/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_notes_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        create_note(session)

    response = client.get("/notes", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_notes_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, user_headers: dict[str, str], query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_note(session)
    with query_counter() as one_row:
        client.get("/notes", headers=user_headers)
    for _ in range(3):
        create_note(session)
    with query_counter() as four_rows:
        client.get("/notes", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_note_changes_only_sent_fields(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_note(session)

    response = client.patch(f"/notes/{existing.id}", json={"title": "bravo"}, headers=admin_headers)

    assert response.status_code == 200, response.text
    assert response.get_json()["title"] == "bravo"


def test_update_title_to_null_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_note(session)

    response = client.patch(f"/notes/{existing.id}", json={"title": None}, headers=admin_headers)

    assert response.status_code == 422


def test_delete_note(client: FlaskClient, session: Session, admin_headers: dict[str, str]) -> None:
    existing = create_note(session)

    deleted = client.delete(f"/notes/{existing.id}", headers=admin_headers)
    again = client.get(f"/notes/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_notes_require_authentication(client: FlaskClient) -> None:
    response = client.get("/notes")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_notes_write_requires_admin(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    payload = note_payload()

    response = client.post("/notes", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "permission_denied"
