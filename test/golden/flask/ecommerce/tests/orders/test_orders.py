"""Order API: CRUD, validation, paging, filters and permissions."""

from datetime import UTC, datetime

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from shop.order_items.models import OrderItem
from shop.orders.models import OrderStatus
from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import (
    auth_headers,
    create_customer,
    create_order,
    create_order_item,
    create_user,
    order_payload,
)


def test_create_order_then_get_it(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(session, owner=user)

    response = client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.get_json()
    assert {
        key: created[key] for key in ("status", "total", "shipping_address", "customer_id")
    } == {key: payload[key] for key in ("status", "total", "shipping_address", "customer_id")}
    assert created["owner_id"] == user.id
    fetched = client.get(f"/orders/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.get_json() == created


def test_create_without_total_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(session, owner=user)
    del payload["total"]

    response = client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "total"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_status_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Status not one of the choices is rejected."""
    payload = order_payload(session, owner=user, status="not-a-choice")

    response = client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"][:2] == ["body", "status"]


def test_create_with_unknown_customer_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(session, owner=user, customer_id=2_000_000_000)

    response = client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["loc"] == ["body", "customer_id"]


def test_rule_shipped_at_ge_placed_at_is_enforced(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    payload = order_payload(
        session,
        owner=user,
        shipped_at="2024-01-01T12:00:00+00:00",
        placed_at="2024-01-03T12:00:00+00:00",
    )

    created = client.post("/orders", json=payload, headers=user_headers)
    existing = create_order(session, owner=user)
    updated = client.patch(
        f"/orders/{existing.id}",
        json={"shipped_at": "2024-01-01T12:00:00+00:00", "placed_at": "2024-01-03T12:00:00+00:00"},
        headers=user_headers,
    )

    assert created.status_code == 422
    assert updated.status_code == 422


def test_get_missing_order_is_404(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/orders/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_list_orders_pages_with_offset_and_limit(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        create_order(session, owner=user)

    response = client.get("/orders", query_string={"offset": 1, "limit": 2}, headers=user_headers)

    assert response.status_code == 200
    page = response.get_json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)


def test_list_orders_filters(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = create_order(
        session,
        owner=user,
        status=OrderStatus.CANCELLED,
        placed_at=datetime(2024, 1, 1, 12, 0, tzinfo=UTC),
    )
    create_order(
        session,
        owner=user,
        status=OrderStatus.PENDING,
        placed_at=datetime(2024, 1, 3, 12, 0, tzinfo=UTC),
    )

    response = client.get(
        "/orders",
        query_string={
            "status": "cancelled",
            "min_placed_at": "2024-01-01T12:00:00+00:00",
            "max_placed_at": "2024-01-01T12:00:00+00:00",
        },
        headers=user_headers,
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == [wanted.id]


def test_list_orders_sorts_by_status(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    create_order(session, owner=user, status=OrderStatus.PENDING)
    create_order(session, owner=user, status=OrderStatus.CANCELLED)
    create_order(session, owner=user, status=OrderStatus.PAID)

    ascending = (
        client.get("/orders", query_string={"sort": "status"}, headers=user_headers)
    ).get_json()
    descending = (
        client.get("/orders", query_string={"sort": "-status"}, headers=user_headers)
    ).get_json()

    values = [item["status"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["status"] for item in descending["items"]] == sorted(values, reverse=True)


def test_list_orders_query_count_does_not_grow_with_the_page(
    client: FlaskClient,
    session: Session,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    create_order(session, owner=user)
    with query_counter() as one_row:
        client.get("/orders", headers=user_headers)
    for _ in range(3):
        create_order(session, owner=user)
    with query_counter() as four_rows:
        client.get("/orders", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


def test_update_order_changes_only_sent_fields(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_order(session, owner=user)
    before = (client.get(f"/orders/{existing.id}", headers=user_headers)).get_json()

    response = client.patch(f"/orders/{existing.id}", json={"status": "paid"}, headers=user_headers)

    assert response.status_code == 200, response.text
    assert response.get_json()["status"] == "paid"
    assert response.get_json()["total"] == before["total"]


def test_update_status_to_null_is_422(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_order(session, owner=user)

    response = client.patch(f"/orders/{existing.id}", json={"status": None}, headers=user_headers)

    assert response.status_code == 422


def test_delete_order(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_order(session, owner=user)

    deleted = client.delete(f"/orders/{existing.id}", headers=user_headers)
    again = client.get(f"/orders/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_deleting_order_deletes_its_items(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    existing = create_order(session, owner=user)
    child = create_order_item(session, owner=user, order_id=existing.id)

    deleted = client.delete(f"/orders/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert session.scalar(select(OrderItem.id).where(OrderItem.id == child.id)) is None


def test_orders_require_authentication(client: FlaskClient) -> None:
    response = client.get("/orders")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_orders_are_private_to_their_owner(
    app: Flask, client: FlaskClient, session: Session, user: User, admin_headers: dict[str, str]
) -> None:
    mine = create_order(session, owner=user)
    stranger = auth_headers(app, create_user(session))

    listed = client.get("/orders", headers=stranger)
    fetched = client.get(f"/orders/{mine.id}", headers=stranger)
    changed = client.patch(f"/orders/{mine.id}", json={}, headers=stranger)
    as_admin = client.get(f"/orders/{mine.id}", headers=admin_headers)

    assert listed.get_json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200


def test_cannot_attach_to_someone_elses_customer(
    client: FlaskClient, session: Session, user_headers: dict[str, str], user: User
) -> None:
    theirs = create_customer(session, owner=create_user(session))
    payload = order_payload(session, owner=user, customer_id=theirs.id)

    response = client.post("/orders", json=payload, headers=user_headers)

    assert response.status_code == 422
