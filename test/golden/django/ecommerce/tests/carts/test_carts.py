"""Cart API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from shop.cart_items.models import CartItem
from shop.users.models import User
from tests.factories import CartFactory, CartItemFactory, UserFactory, auth_headers, cart_payload


def test_create_cart_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = cart_payload()

    response = client.post("/carts", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("note",)} == {key: payload[key] for key in ("note",)}
    assert created["owner_id"] == user.id
    fetched = client.get(f"/carts/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_with_invalid_note_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Note longer than 200 characters is rejected."""
    payload = cart_payload(note="x" * 201)

    response = client.post("/carts", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "note"]


def test_get_missing_cart_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/carts/2000000000", headers=user_headers)
    invalid = client.get("/carts/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "cart_id"]


def test_list_carts_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        CartFactory.create(owner=user)

    response = client.get("/carts", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/carts", {"limit": 101}, headers=user_headers)
    unknown = client.get("/carts", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_carts_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    CartFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/carts", headers=user_headers)
    for _ in range(3):
        CartFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/carts", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_cart_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CartFactory.create(owner=user)

    response = client.patch(f"/carts/{existing.id}", {"note": "bravo"}, headers=user_headers)

    assert response.status_code == 200, response.content
    assert response.json()["note"] == "bravo"


def test_delete_cart(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = CartFactory.create(owner=user)

    deleted = client.delete(f"/carts/{existing.id}", headers=user_headers)
    again = client.get(f"/carts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_cart_deletes_its_items(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CartFactory.create(owner=user)
    child = CartItemFactory.create(owner=user, cart=existing)

    deleted = client.delete(f"/carts/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert not CartItem.objects.filter(pk=child.pk).exists()


def test_carts_require_authentication(client: APIClient) -> None:
    response = client.get("/carts")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_carts_are_private_to_their_owner(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = CartFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    listed = client.get("/carts", headers=stranger)
    fetched = client.get(f"/carts/{mine.id}", headers=stranger)
    changed = client.patch(f"/carts/{mine.id}", {}, headers=stranger)
    as_admin = client.get(f"/carts/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
