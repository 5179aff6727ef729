"""Category API: CRUD, validation, paging, filters and permissions."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import QueryCounter
from tests.factories import category_payload, create_category


def test_create_category_then_get_it(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = category_payload()

    response = client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("name", "description")} == {
        key: payload[key] for key in ("name", "description")
    }
    fetched = client.get(f"/categories/{created['id']}", headers=admin_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_name_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = category_payload()
    del payload["name"]

    response = client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "name"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_name_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    """Name longer than 80 characters is rejected."""
    payload = category_payload(name="x" * 81)

    response = client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "name"]


def test_create_with_unknown_parent_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    payload = category_payload(parent_id=2_000_000_000)

    response = client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


def test_create_duplicate_name_is_409(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_category(session)
    payload = category_payload(name=existing.name)

    response = client.post("/categories", json=payload, headers=admin_headers)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_get_missing_category_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    response = client.get("/categories/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_categories_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    for _ in range(3):
        create_category(session)

    response = client.get(
        "/categories", query_string={"offset": 1, "limit": 2}, headers=user_headers
    )

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_categories_sorts_by_name(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    create_category(session, name="charlie")
    create_category(session, name="alpha")
    create_category(session, name="bravo")

    ascending = (
        client.get("/categories", query_string={"sort": "name"}, headers=user_headers)
    ).get_json()
    descending = (
        client.get("/categories", query_string={"sort": "-name"}, headers=user_headers)
    ).get_json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_categories_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, user_headers: dict[str, str], query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_category(session)
    with query_counter() as one_row:
        client.get("/categories", headers=user_headers)
    for _ in range(3):
        create_category(session)
    with query_counter() as four_rows:
        client.get("/categories", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_category_changes_only_sent_fields(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_category(session)
    before = (client.get(f"/categories/{existing.id}", headers=admin_headers)).get_json()

    response = client.patch(
        f"/categories/{existing.id}", json={"description": "bravo"}, headers=admin_headers
    )

    assert response.status_code == 200, response.text
    assert response.get_json()["description"] == "bravo"
    assert response.get_json()["name"] == before["name"]


def test_update_name_to_null_is_422(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_category(session)

    response = client.patch(
        f"/categories/{existing.id}", json={"name": None}, headers=admin_headers
    )

    assert response.status_code == 422


def test_category_cannot_be_its_own_parent(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_category(session)

    response = client.patch(
        f"/categories/{existing.id}", json={"parent_id": existing.id}, headers=admin_headers
    )

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "parent_id"]


def test_delete_category(
    client: FlaskClient, session: Session, admin_headers: dict[str, str]
) -> None:
    existing = create_category(session)

    deleted = client.delete(f"/categories/{existing.id}", headers=admin_headers)
    again = client.get(f"/categories/{existing.id}", headers=admin_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_categories_require_authentication(client: FlaskClient) -> None:
    response = client.post("/categories", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_categories_write_requires_admin(
    client: FlaskClient, session: Session, user_headers: dict[str, str]
) -> None:
    payload = category_payload()

    response = client.post("/categories", json=payload, headers=user_headers)

    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "permission_denied"
