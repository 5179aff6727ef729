"""Customer API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_customer, create_user, customer_payload


def test_create_customer_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = customer_payload()

    response = client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("full_name", "email", "phone", "marketing_opt_in")} == {
        key: payload[key] for key in ("full_name", "email", "phone", "marketing_opt_in")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/customers/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_full_name_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = customer_payload()
    del payload["full_name"]

    response = client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "full_name"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_full_name_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Full name longer than 120 characters is rejected."""
    payload = customer_payload(full_name="x" * 121)

    response = client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "full_name"]


def test_create_duplicate_email_is_409(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_customer(session, owner=user)
    payload = customer_payload(email=existing.email)

    response = client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "conflict"


def test_get_missing_customer_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/customers/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_customers_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_customer(session, owner=user)

    response = client.get(
        "/customers", query_string={"offset": 1, "limit": 2}, headers=user_headers
    )

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_customers_filters(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_customer(session, owner=user, marketing_opt_in=True)
    create_customer(session, owner=user, marketing_opt_in=False)

    response = client.get(
        "/customers", query_string={"marketing_opt_in": True}, headers=user_headers
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_customers_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_customer(session, owner=user)
    with query_counter() as one_row:
        client.get("/customers", headers=user_headers)
    for _ in range(3):
        create_customer(session, owner=user)
    with query_counter() as four_rows:
        client.get("/customers", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_customer_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_customer(session, owner=user)
    before = (client.get(f"/customers/{existing.id}", headers=user_headers)).get_json()

    response = client.patch(
        f"/customers/{existing.id}", json={"full_name": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.get_json()["full_name"] == "bravo"
    assert response.get_json()["email"] == before["email"]


def test_update_full_name_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_customer(session, owner=user)

    response = client.patch(
        f"/customers/{existing.id}", json={"full_name": None}, headers=user_headers
    )

    assert response.status_code == 422


def test_delete_customer(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_customer(session, owner=user)

    deleted = client.delete(f"/customers/{existing.id}", headers=user_headers)
    again = client.get(f"/customers/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_customers_require_authentication(client: FlaskClient) -> None:
    response = client.get("/customers")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_customers_are_private_to_their_owner(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_customer(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    listed = client.get("/customers", headers=stranger)
    fetched = client.get(f"/customers/{mine.id}", headers=stranger)
    changed = client.patch(f"/customers/{mine.id}", json={}, headers=stranger)
    as_admin = client.get(f"/customers/{mine.id}", headers=admin_headers)

    assert listed.get_json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
