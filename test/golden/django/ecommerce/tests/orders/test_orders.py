"""Order API: CRUD, validation, paging, filters and permissions."""

from datetime import UTC, datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from shop.order_items.models import OrderItem
from shop.orders.models import OrderStatus
from shop.users.models import User
from tests.factories import (
    CustomerFactory,
    OrderFactory,
    OrderItemFactory,
    UserFactory,
    auth_headers,
    order_payload,
)


def test_create_order_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(owner=user)

    response = client.post("/orders", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {
        key: created[key] for key in ("status", "total", "shipping_address", "customer_id")
    } == {key: payload[key] for key in ("status", "total", "shipping_address", "customer_id")}
    assert created["owner_id"] == user.id
    fetched = client.get(f"/orders/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_total_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(owner=user)
    del payload["total"]

    response = client.post("/orders", payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "total"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_status_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Status not one of the choices is rejected."""
    payload = order_payload(owner=user, status="not-a-choice")

    response = client.post("/orders", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "status"]


def test_create_with_unknown_customer_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(owner=user, customer_id=2_000_000_000)

    response = client.post("/orders", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "customer_id"]


def test_rule_shipped_at_ge_placed_at_is_enforced(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(
        owner=user, shipped_at="2024-01-01T12:00:00+00:00", placed_at="2024-01-03T12:00:00+00:00"
    )

    created = client.post("/orders", payload, headers=user_headers)
    existing = OrderFactory.create(owner=user)
    updated = client.patch(
        f"/orders/{existing.id}",
        {"shipped_at": "2024-01-01T12:00:00+00:00", "placed_at": "2024-01-03T12:00:00+00:00"},
        headers=user_headers,
    )

    assert created.status_code == 422
    assert updated.status_code == 422


def test_get_missing_order_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/orders/2000000000", headers=user_headers)
    invalid = client.get("/orders/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "order_id"]


def test_list_orders_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        OrderFactory.create(owner=user)

    response = client.get("/orders", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/orders", {"limit": 101}, headers=user_headers)
    unknown = client.get("/orders", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_orders_filters(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = OrderFactory.create(
        owner=user, status=OrderStatus.CANCELLED, placed_at=datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    )
    OrderFactory.create(
        owner=user, status=OrderStatus.PENDING, placed_at=datetime(2024, 1, 3, 12, 0, tzinfo=UTC)
    )

    response = client.get(
        "/orders",
        {
            "status": "cancelled",
            "min_placed_at": "2024-01-01T12:00:00+00:00",
            "max_placed_at": "2024-01-01T12:00:00+00:00",
        },
        headers=user_headers,
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_orders_sorts_by_status(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    OrderFactory.create(owner=user, status=OrderStatus.PENDING)
    OrderFactory.create(owner=user, status=OrderStatus.CANCELLED)
    OrderFactory.create(owner=user, status=OrderStatus.PAID)

    ascending = client.get("/orders", {"sort": "status"}, headers=user_headers).json()
    descending = client.get("/orders", {"sort": "-status"}, headers=user_headers).json()

    values = [item["status"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["status"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_orders_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    OrderFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/orders", headers=user_headers)
    for _ in range(3):
        OrderFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/orders", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_order_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = OrderFactory.create(owner=user)
    before = client.get(f"/orders/{existing.id}", headers=user_headers).json()

    response = client.patch(f"/orders/{existing.id}", {"status": "paid"}, headers=user_headers)

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "paid"
    assert response.json()["total"] == before["total"]


def test_update_status_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = OrderFactory.create(owner=user)

    response = client.patch(f"/orders/{existing.id}", {"status": None}, headers=user_headers)
    unknown = client.patch(f"/orders/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_order(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = OrderFactory.create(owner=user)

    deleted = client.delete(f"/orders/{existing.id}", headers=user_headers)
    again = client.get(f"/orders/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_order_deletes_its_items(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = OrderFactory.create(owner=user)
    child = OrderItemFactory.create(owner=user, order=existing)

    deleted = client.delete(f"/orders/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert not OrderItem.objects.filter(pk=child.pk).exists()


def test_orders_require_authentication(client: APIClient) -> None:
    response = client.get("/orders")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_orders_are_private_to_their_owner(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = OrderFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    listed = client.get("/orders", headers=stranger)
    fetched = client.get(f"/orders/{mine.id}", headers=stranger)
    changed = client.patch(f"/orders/{mine.id}", {}, headers=stranger)
    as_admin = client.get(f"/orders/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200


def test_cannot_attach_to_someone_elses_customer(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    theirs = CustomerFactory.create()
    payload = order_payload(owner=user, customer_id=theirs.id)

    response = client.post("/orders", payload, headers=user_headers)

    assert response.status_code == 422
