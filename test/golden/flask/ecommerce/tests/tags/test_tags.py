"""Tag API: CRUD, validation, paging, filters and permissions."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import create_tag, tag_payload


def test_create_tag_then_get_it(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = tag_payload()

    response = client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("label",)} == {key: payload[key] for key in ("label",)}
    fetched = client.get(f"/tags/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_label_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = tag_payload()
    del payload["label"]

    response = client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "label"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_label_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    """Label longer than 40 characters is rejected."""
    payload = tag_payload(label="x" * 41)

    response = client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "label"]


def test_create_duplicate_label_is_409(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_tag(session)
    payload = tag_payload(label=existing.label)

    response = client.post("/tags", json=payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_get_missing_tag_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    response = client.get("/tags/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_tags_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        create_tag(session)

    response = client.get("/tags", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_tags_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, user_headers: dict[str, str], query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_tag(session)
    with query_counter() as one_row:
        client.get("/tags", headers=user_headers)
    for _ in range(3):
        create_tag(session)
    with query_counter() as four_rows:
        client.get("/tags", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_tag_changes_only_sent_fields(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_tag(session)

    response = client.patch(f"/tags/{existing.id}", json={"label": "bravo"}, headers=admin_headers)

    assert response.status_code == 200, response.text
    assert response.get_json()["label"] == "bravo"


def test_update_label_to_null_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_tag(session)

    response = client.patch(f"/tags/{existing.id}", json={"label": None}, headers=admin_headers)

    assert response.status_code == 422


def test_delete_tag(client: FlaskClient, session: Session, admin_headers: dict[str, str]) -> None:
    existing = create_tag(session)

    deleted = client.delete(f"/tags/{existing.id}", headers=admin_headers)
    again = client.get(f"/tags/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_tags_require_authentication(client: FlaskClient) -> None:
    response = client.post("/tags", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_tags_write_requires_admin(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    payload = tag_payload()

    response = client.post("/tags", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "permission_denied"
