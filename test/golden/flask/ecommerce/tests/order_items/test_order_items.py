"""OrderItem API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import (
    auth_headers,
    create_order,
    create_order_item,
    create_user,
    order_item_payload,
)


def test_create_order_item_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = order_item_payload(session, owner=user)

    response = client.post("/order_items", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("quantity", "unit_price", "product_id", "order_id")} == {
        key: payload[key] for key in ("quantity", "unit_price", "product_id", "order_id")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/order_items/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_quantity_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = order_item_payload(session, owner=user)
    del payload["quantity"]

    response = client.post("/order_items", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "quantity"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_quantity_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Quantity below the minimum 1 is rejected."""
    payload = order_item_payload(session, owner=user, quantity=0)

    response = client.post("/order_items", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "quantity"]


def test_create_with_unknown_product_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = order_item_payload(session, owner=user, product_id=2_000_000_000)

    response = client.post("/order_items", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "product_id"]


def test_get_missing_order_item_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/order_items/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_order_items_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_order_item(session, owner=user)

    response = client.get(
        "/order_items", query_string={"offset": 1, "limit": 2}, headers=user_headers
    )

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_order_items_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_order_item(session, owner=user)
    with query_counter() as one_row:
        client.get("/order_items", headers=user_headers)
    for _ in range(3):
        create_order_item(session, owner=user)
    with query_counter() as four_rows:
        client.get("/order_items", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_order_item_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_order_item(session, owner=user)
    before = (client.get(f"/order_items/{existing.id}", headers=user_headers)).get_json()

    response = client.patch(
        f"/order_items/{existing.id}", json={"quantity": 3}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.get_json()["quantity"] == 3
    assert response.get_json()["unit_price"] == before["unit_price"]


def test_update_quantity_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_order_item(session, owner=user)

    response = client.patch(
        f"/order_items/{existing.id}", json={"quantity": None}, headers=user_headers
    )

    assert response.status_code == 422


def test_delete_order_item(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_order_item(session, owner=user)

    deleted = client.delete(f"/order_items/{existing.id}", headers=user_headers)
    again = client.get(f"/order_items/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_order_items_require_authentication(client: FlaskClient) -> None:
    response = client.get("/order_items")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_order_items_are_private_to_their_owner(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_order_item(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    listed = client.get("/order_items", headers=stranger)
    fetched = client.get(f"/order_items/{mine.id}", headers=stranger)
    changed = client.patch(f"/order_items/{mine.id}", json={}, headers=stranger)
    as_admin = client.get(f"/order_items/{mine.id}", headers=admin_headers)

    assert listed.get_json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200


def test_cannot_attach_to_someone_elses_order(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    theirs = create_order(session, owner=create_user(session))
    payload = order_item_payload(session, owner=user, order_id=theirs.id)

    response = client.post("/order_items", json=payload, headers=user_headers)

    assert response.status_code == 422
