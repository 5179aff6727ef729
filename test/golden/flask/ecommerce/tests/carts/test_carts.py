"""Cart API: CRUD, validation, paging, filters and permissions."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from shop.cart_items.models import CartItem
from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import auth_headers, cart_payload, create_cart, create_cart_item, create_user


def test_create_cart_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = cart_payload()

    response = client.post("/carts", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {key: created[key] for key in ("note",)} == {key: payload[key] for key in ("note",)}
    assert created["owner_id"] == user.id
    fetched = client.get(f"/carts/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_with_invalid_note_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Note longer than 200 characters is rejected."""
    payload = cart_payload(note="x" * 201)

    response = client.post("/carts", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "note"]


def test_get_missing_cart_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/carts/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_carts_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_cart(session, owner=user)

    response = client.get("/carts", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_carts_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_cart(session, owner=user)
    with query_counter() as one_row:
        client.get("/carts", headers=user_headers)
    for _ in range(3):
        create_cart(session, owner=user)
    with query_counter() as four_rows:
        client.get("/carts", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_cart_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_cart(session, owner=user)

    response = client.patch(f"/carts/{existing.id}", json={"note": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.text
    assert response.get_json()["note"] == "bravo"


def test_delete_cart(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_cart(session, owner=user)

    deleted = client.delete(f"/carts/{existing.id}", headers=user_headers)
    again = client.get(f"/carts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_cart_deletes_its_items(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_cart(session, owner=user)
    child = create_cart_item(session, owner=user, cart_id=existing.id)

    deleted = client.delete(f"/carts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert session.scalar(select(CartItem.id).where(CartItem.id == child.id)) is None


def test_carts_require_authentication(client: FlaskClient) -> None:
    response = client.get("/carts")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_carts_are_private_to_their_owner(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_cart(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    listed = client.get("/carts", headers=stranger)
    fetched = client.get(f"/carts/{mine.id}", headers=stranger)
    changed = client.patch(f"/carts/{mine.id}", json={}, headers=stranger)
    as_admin = client.get(f"/carts/{mine.id}", headers=admin_headers)

    assert listed.get_json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
