"""CartItem API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from shop.users.models import User
from tests.factories import (
    CartFactory,
    CartItemFactory,
    UserFactory,
    auth_headers,
    cart_item_payload,
)


def test_create_cart_item_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = cart_item_payload(owner=user)

    response = client.post("/cart_items", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("quantity", "product_id", "cart_id")} == {
        key: payload[key] for key in ("quantity", "product_id", "cart_id")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/cart_items/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_with_invalid_quantity_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Quantity below the minimum 1 is rejected."""
    payload = cart_item_payload(owner=user, quantity=0)

    response = client.post("/cart_items", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "quantity"]


def test_create_with_unknown_product_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = cart_item_payload(owner=user, product_id=2_000_000_000)

    response = client.post("/cart_items", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "product_id"]


def test_create_duplicate_cart_id_product_id_is_409(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CartItemFactory.create(owner=user)
    payload = cart_item_payload(
        owner=user, cart_id=existing.cart_id, product_id=existing.product_id
    )

    response = client.post("/cart_items", payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_cart_item_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/cart_items/2000000000", headers=user_headers)
    invalid = client.get("/cart_items/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "cart_item_id"]


def test_list_cart_items_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        CartItemFactory.create(owner=user)

    response = client.get("/cart_items", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/cart_items", {"limit": 101}, headers=user_headers)
    unknown = client.get("/cart_items", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_cart_items_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    CartItemFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/cart_items", headers=user_headers)
    for _ in range(3):
        CartItemFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/cart_items", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_cart_item_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CartItemFactory.create(owner=user)

    response = client.patch(f"/cart_items/{existing.id}", {"quantity": 3}, headers=user_headers)

    assert response.status_code == 200, response.content
    assert response.json()["quantity"] == 3


def test_update_quantity_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CartItemFactory.create(owner=user)

    response = client.patch(f"/cart_items/{existing.id}", {"quantity": None}, headers=user_headers)
    unknown = client.patch(f"/cart_items/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_cart_item(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = CartItemFactory.create(owner=user)

    deleted = client.delete(f"/cart_items/{existing.id}", headers=user_headers)
    again = client.get(f"/cart_items/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_cart_items_require_authentication(client: APIClient) -> None:
    response = client.get("/cart_items")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_cart_items_are_private_to_their_owner(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = CartItemFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    listed = client.get("/cart_items", headers=stranger)
    fetched = client.get(f"/cart_items/{mine.id}", headers=stranger)
    changed = client.patch(f"/cart_items/{mine.id}", {}, headers=stranger)
    as_admin = client.get(f"/cart_items/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200


def test_cannot_attach_to_someone_elses_cart(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    theirs = CartFactory.create()
    payload = cart_item_payload(owner=user, cart_id=theirs.id)

    response = client.post("/cart_items", payload, headers=user_headers)

    assert response.status_code == 422
